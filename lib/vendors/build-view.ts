// Bungie's vendor data + manifest definitions → the VendorsView the page and the email show.
// Pure (no I/O): the loader fetches, this decides what a player sees, and tests feed it directly.
import { ItemType, RARITY_NAMES } from "@/lib/destiny/game-facts";
import type { ItemDefinition, VendorDefinition, VendorGroupDefinition } from "@/lib/manifest/types";
import type { Vendor } from "@/lib/bungie/types";
import type { SaleKind, VendorGroupView, VendorSaleView, VendorView, VendorsView } from "./types";

/** DestinyItemCategoryDefinition hashes that mark a kind when the item type does not. */
const CATEGORY_KINDS: [number, SaleKind][] = [
  [59, "mod"],
  [1, "weapon"],
  [20, "armor"],
];
/** DestinyCollectibleState.NotAcquired */
const NOT_ACQUIRED = 1;

export type VendorDefinitionLookup = {
  vendor(hash: number): VendorDefinition;
  group(hash: number): VendorGroupDefinition;
  item(hash: number): ItemDefinition;
};

export type VendorStock = {
  /** GetVendors' vendorGroups: the game's grouping and order. Empty when Bungie sent none. */
  groups: { vendorGroupHash: number; vendorHashes: number[] }[];
  /** Each vendor with its sales (from GetVendor). */
  vendors: Vendor[];
  /** Vendors GetVendors listed whose sales could not be read. */
  failedVendorHashes: number[];
};

export type BuildOptions = {
  definitions: VendorDefinitionLookup;
  /**
   * Collectible hash → DestinyCollectibleState flags, from the profile and the character
   * (component 800); null when the collections were not available.
   */
  collectibles: ReadonlyMap<number, number> | null;
  /** Turns a Bungie image path into the URL to show (relative on the web, absolute in email). */
  assetUrl: (path: string | null) => string | null;
};

export function buildVendorsView(stock: VendorStock, options: BuildOptions): VendorsView {
  const { definitions } = options;
  let collectionsKnown = false;
  const vendorViews = new Map<number, VendorView>();
  for (const vendor of stock.vendors) {
    if (!vendor.enabled) continue;
    const definition = definitions.vendor(vendor.vendorHash);
    const sales = vendor.sales.map((sale) => {
      const view = toSaleView(sale, vendor, options);
      if (view.owned !== null) collectionsKnown = true;
      return view;
    });
    // "Every vendor with stock this reset": a vendor with nothing on sale is not shown.
    if (sales.length === 0) continue;
    vendorViews.set(vendor.vendorHash, {
      vendorHash: vendor.vendorHash,
      name: definition.displayProperties.name,
      subtitle: definition.displayProperties.subtitle,
      iconUrl: options.assetUrl(definition.displayProperties.icon),
      nextRefreshDate: vendor.nextRefreshDate,
      sales,
    });
  }

  return {
    groups: groupVendors(stock, vendorViews, definitions),
    failedVendors: stock.failedVendorHashes.map((vendorHash) => ({
      vendorHash,
      name: definitions.vendor(vendorHash).displayProperties.name,
    })),
    collectionsKnown,
  };
}

/**
 * The game's grouping: Bungie's vendorGroups when sent (already in the game's order), else each
 * vendor's first DestinyVendorGroupDefinition sorted by its `order`.
 */
function groupVendors(
  stock: VendorStock,
  views: Map<number, VendorView>,
  definitions: VendorDefinitionLookup,
): VendorGroupView[] {
  const placed = new Set<number>();
  const groups: VendorGroupView[] = [];
  const take = (groupHash: number, vendorHashes: number[]) => {
    const vendors = vendorHashes.flatMap((hash) => {
      const view = views.get(hash);
      if (!view || placed.has(hash)) return [];
      placed.add(hash);
      return [view];
    });
    if (vendors.length === 0) return;
    const existing = groups.find((g) => g.groupHash === groupHash);
    if (existing) existing.vendors.push(...vendors);
    else groups.push({ groupHash, name: groupName(groupHash, definitions), vendors });
  };

  for (const group of stock.groups) take(group.vendorGroupHash, group.vendorHashes);

  const rest = [...views.keys()].filter((hash) => !placed.has(hash));
  const byGroup = new Map<number, number[]>();
  for (const hash of rest) {
    const groupHash = definitions.vendor(hash).groups[0] ?? 0;
    byGroup.set(groupHash, [...(byGroup.get(groupHash) ?? []), hash]);
  }
  const order = (hash: number) => (hash === 0 ? Infinity : definitions.group(hash).order);
  for (const [groupHash, hashes] of [...byGroup].sort(([a], [b]) => order(a) - order(b))) {
    take(
      groupHash,
      hashes.sort((a, b) => (views.get(a)?.name ?? "").localeCompare(views.get(b)?.name ?? "")),
    );
  }
  return groups;
}

export function groupName(groupHash: number, definitions: VendorDefinitionLookup): string {
  if (groupHash === 0) return "Other vendors";
  const group = definitions.group(groupHash);
  return group.unknown || !group.categoryName ? "Vendors" : group.categoryName;
}

export function toSaleView(
  sale: Vendor["sales"][number],
  vendor: Vendor,
  options: BuildOptions,
): VendorSaleView {
  const item = options.definitions.item(sale.itemHash);
  return {
    vendorItemIndex: sale.vendorItemIndex,
    itemHash: sale.itemHash,
    name: item.displayProperties.name,
    iconUrl: options.assetUrl(item.displayProperties.icon),
    rarity: item.inventory.tierType,
    rarityName: item.inventory.tierTypeName || RARITY_NAMES[item.inventory.tierType] || "",
    typeName: item.itemTypeDisplayName,
    ...(sale.gearTier === undefined ? {} : { gearTier: sale.gearTier }),
    kind: saleKind(item),
    quantity: sale.quantity,
    costs: sale.costs.map((cost) => {
      const currency = options.definitions.item(cost.itemHash);
      return {
        itemHash: cost.itemHash,
        name: currency.displayProperties.name,
        iconUrl: options.assetUrl(currency.displayProperties.icon),
        quantity: cost.quantity,
      };
    }),
    refreshesAt: sale.overrideNextRefreshDate ?? vendor.nextRefreshDate,
    owned: ownership(item, options.collectibles),
  };
}

export function saleKind(item: Pick<ItemDefinition, "itemType" | "itemCategoryHashes">): SaleKind {
  if (item.itemType === ItemType.Weapon) return "weapon";
  if (item.itemType === ItemType.Armor) return "armor";
  if (item.itemType === ItemType.Mod) return "mod";
  for (const [category, kind] of CATEGORY_KINDS) {
    if (item.itemCategoryHashes.includes(category)) return kind;
  }
  return "other";
}

/** From the collections, when the item has a collectible and the collections were read. */
function ownership(item: ItemDefinition, collectibles: ReadonlyMap<number, number> | null) {
  if (!collectibles || item.collectibleHash === null) return null;
  const state = collectibles.get(item.collectibleHash);
  if (state === undefined) return null;
  return (state & NOT_ACQUIRED) === 0;
}
