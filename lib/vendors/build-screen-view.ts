// The vendors page's view of a ScreenStock: the game's groups in its order, each vendor with its
// sub-vendors nested under it, then the vendors chosen for the digest. Pure, like buildVendorsView.
import type { Vendor } from "@/lib/bungie/types";
import { groupName, toSaleView, type BuildOptions } from "./build-view";
import type { ScreenStock } from "./screen-stock";
import type { VendorGroupView, VendorView, VendorsView } from "./types";

/** The group the player's digest choices beyond the screen are shown under. */
export const CHOSEN_GROUP_HASH = 0;
export const CHOSEN_GROUP_NAME = "Chosen for your digest";

export function buildScreenView(stock: ScreenStock, options: BuildOptions): VendorsView {
  const { definitions } = options;
  const byHash = new Map(stock.vendors.map((v) => [v.vendorHash, v]));
  let collectionsKnown = false;
  let unnamed = 0;

  const view = (vendor: Vendor, title: string | null, depth: number): VendorView => {
    const definition = definitions.vendor(vendor.vendorHash);
    const links = stock.children[String(vendor.vendorHash)] ?? [];
    // A sale that opens a sub-vendor shown below is that sub-vendor's heading, not a sale.
    const linkItems = new Set(links.flatMap((l) => (l.via ? [l.via.itemHash] : [])));
    const sales = vendor.sales
      .filter((sale) => !linkItems.has(sale.itemHash))
      .map((sale) => {
        const sv = toSaleView(sale, vendor, options);
        if (sv.owned !== null) collectionsKnown = true;
        return sv;
      });
    const subVendors = links.flatMap((link) => {
      const child = byHash.get(link.vendorHash);
      if (!child || depth >= 2) return [];
      const childDef = definitions.vendor(link.vendorHash);
      // Named by the sale that opens it ("Exotic Engram"); an Eververse piece by its page.
      const name = link.via
        ? definitions.item(link.via.itemHash).displayProperties.name
        : childDef.displayProperties.subtitle || childDef.displayProperties.name;
      if (childDef.unknown && !link.via) return [];
      return [view(child, name, depth + 1)];
    });
    return {
      vendorHash: vendor.vendorHash,
      name: title ?? definition.displayProperties.name,
      subtitle: title ? "" : definition.displayProperties.subtitle,
      iconUrl: options.assetUrl(definition.displayProperties.icon),
      nextRefreshDate: vendor.nextRefreshDate,
      sales,
      subVendors,
    };
  };

  const topLevel = (hashes: readonly number[]): VendorView[] =>
    hashes.flatMap((hash) => {
      const vendor = byHash.get(hash);
      if (!vendor) return [];
      if (definitions.vendor(hash).unknown) {
        unnamed++;
        return [];
      }
      return [view(vendor, null, 0)];
    });

  const groups: VendorGroupView[] = [];
  for (const group of stock.groups) {
    const vendors = topLevel(group.vendorHashes);
    if (vendors.length > 0) {
      groups.push({
        groupHash: group.vendorGroupHash,
        name: groupName(group.vendorGroupHash, definitions),
        vendors,
      });
    }
  }
  const chosen = topLevel(stock.chosen);
  if (chosen.length > 0) {
    groups.push({ groupHash: CHOSEN_GROUP_HASH, name: CHOSEN_GROUP_NAME, vendors: chosen });
  }

  const failedVendors = stock.failedVendorHashes.flatMap((vendorHash) => {
    const definition = definitions.vendor(vendorHash);
    if (definition.unknown) {
      unnamed++;
      return [];
    }
    return [{ vendorHash, name: definition.displayProperties.name }];
  });
  return { groups, failedVendors, collectionsKnown, unnamedVendorCount: unnamed };
}
