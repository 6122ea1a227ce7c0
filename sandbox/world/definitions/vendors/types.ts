// The shapes of the vendor tables: Bungie's definition types (the fields the sandbox fills), the
// rows the catalogue is written in, and VendorSpec, what world generation needs to roll a
// vendor's stock for a period.
import type {
  DestinyVendorDefinition,
  DestinyVendorGroupDefinition,
  DestinyVendorItemDefinition,
} from "bungie-api-ts/destiny2";
import type { ItemMeta } from "../items";

export type VendorItem = Pick<
  DestinyVendorItemDefinition,
  | "vendorItemIndex"
  | "itemHash"
  | "quantity"
  | "failureIndexes"
  | "currencies"
  | "displayCategoryIndex"
  | "categoryIndex"
  | "originalCategoryIndex"
  | "minimumLevel"
  | "maximumLevel"
  | "displayCategory"
  | "inventoryBucketHash"
  | "visibilityScope"
  | "purchasableScope"
  | "exclusivity"
  | "sortValue"
  | "expirationTooltip"
  | "redirectToSaleIndexes"
  | "socketOverrides"
>;

export type VendorDefinition = Omit<
  Pick<
    DestinyVendorDefinition,
    | "displayProperties"
    | "vendorProgressionType"
    | "buyString"
    | "sellString"
    | "displayItemHash"
    | "inhibitBuying"
    | "inhibitSelling"
    | "factionHash"
    | "resetIntervalMinutes"
    | "resetOffsetMinutes"
    | "failureStrings"
    | "unlockRanges"
    | "vendorIdentifier"
    | "vendorPortrait"
    | "vendorBanner"
    | "enabled"
    | "visible"
    | "vendorSubcategoryIdentifier"
    | "consolidateCategories"
    | "displayCategories"
    | "groups"
    | "ignoreSaleItemHashes"
    | "hash"
    | "index"
    | "redacted"
  >,
  "itemList"
> & { itemList: VendorItem[] };

export type VendorGroupDefinition = DestinyVendorGroupDefinition;

/** "daily": at every daily reset; "weekly": Tuesday's; "never": 9999-12-31T23:59:59Z. */
export type Refresh = "daily" | "weekly" | "never";

/** What world generation needs to roll a vendor's stock for a period. */
export interface VendorSpec {
  hash: number;
  name: string;
  /** The group of the game's vendors screen (vendorGroups), for the vendors on it. */
  groupHash?: number;
  refresh: Refresh;
  /** Xûr is only present from Friday's to Tuesday's reset. */
  weekendOnly: boolean;
  /** In GetVendors' `vendors` (400); Bungie also sends sales for two vendors it does not list. */
  listed: boolean;
  /** Some stock is bound to a class (armour): rolled per character, left out of GetPublicVendors. */
  classSpecific: boolean;
  minSales: number;
  maxSales: number;
  /** vendorItemIndexes always on sale (exchanges, links to sub-vendors). */
  alwaysIndexes: number[];
  /** vendorItemIndexes of the featured new-this-season items: exactly one is on sale each period. */
  featuredIndexes: number[];
  poolSize: number;
  /** DestinyClass of each entry of the item list (3: any class). */
  itemClasses: number[];
  /** Entries with their own refresh, unlike the vendor's (overrideNextRefreshDate). */
  overrides: Record<number, "daily" | "weekly">;
  /** Entries Bungie marks apiPurchasable. */
  apiPurchasable: number[];
}

export type Pool = (m: ItemMeta) => boolean;

/** A cost: [currency item hash, minimum, maximum] (rounded to hundreds above 100). */
export type CostRow = readonly [number, number, number];

/** A display category: [name, which items, how many of them in the pool, costs (none: free)]. */
export type CategoryRow = readonly [string, Pool, number, readonly CostRow[]];

export interface VendorRow {
  /** A real vendor's hash; absent for an invented vendor (allocated from the identifier). */
  hash?: number;
  name: string;
  subtitle: string;
  identifier: string;
  refresh: Refresh;
  weekendOnly?: boolean;
  /** Sales per period: [min, max] (the always-sold entries count too). */
  sales: readonly [number, number];
  categories: readonly CategoryRow[];
  /** Items always sold: [itemHash, quantity, costs]. */
  always?: readonly (readonly [number, number, readonly CostRow[]])[];
  /**
   * New-this-season items (ItemMeta.newThisSeason) matching the filter, one of them on sale every
   * period: [filter, costs]. Nobody owns those yet, so the vendor always has a not-yet-owned sale.
   */
  featured?: readonly [Pool, readonly CostRow[]];
  /** Sub-vendors this vendor links to: a free sale whose item previews them (previewVendorHash). */
  links?: readonly string[];
  /** The sale item that links to this vendor from its parent ("Exotic Engram"...). */
  linkName?: string;
  /** Bungie sends its sales but does not list it in `vendors`. */
  unlisted?: boolean;
  /** A piece of Eververse: its definition's groups name Eververse's group (Bungie-net/api#2069). */
  eververse?: boolean;
}

export interface GroupRow {
  key: string;
  categoryName: string;
  /** Identifiers of the vendors on the game's screen under this group, in the game's order. */
  vendors: readonly string[];
}
