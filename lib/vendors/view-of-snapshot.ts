import "server-only";
import { buildScreenView } from "./build-screen-view";
import type { VendorDefinitionLookup } from "./build-view";
import type { DefinitionsLookup } from "./load-vendors";
import type { ScreenStock } from "./screen-stock";
import type { VendorsView } from "./types";

/** A cached ScreenStock → the page's view: the manifest in the player's language, batched. */
export async function viewOfSnapshot(
  stock: ScreenStock,
  options: {
    lookup: DefinitionsLookup;
    collectibles: ReadonlyMap<number, number> | null;
    assetUrl: (path: string | null) => string | null;
  },
): Promise<VendorsView> {
  const { lookup } = options;
  const vendorHashes = new Set([
    ...stock.vendors.map((v) => v.vendorHash),
    ...stock.failedVendorHashes,
  ]);
  const itemHashes = new Set(
    stock.vendors.flatMap((v) =>
      v.sales.flatMap((s) => [s.itemHash, ...s.costs.map((c) => c.itemHash)]),
    ),
  );
  const [vendors, items, groups] = await Promise.all([
    lookup("DestinyVendorDefinition", vendorHashes),
    lookup("DestinyInventoryItemDefinition", itemHashes),
    lookup(
      "DestinyVendorGroupDefinition",
      stock.groups.map((g) => g.vendorGroupHash),
    ),
  ]);
  const definitions: VendorDefinitionLookup = {
    vendor: (hash) => vendors.get(hash),
    group: (hash) => groups.get(hash),
    item: (hash) => items.get(hash),
  };
  return buildScreenView(stock, {
    definitions,
    collectibles: options.collectibles,
    assetUrl: options.assetUrl,
  });
}
