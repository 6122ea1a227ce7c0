// What the vendors page and the digest email show: plain JSON, built on the server by
// buildVendorsView() from Bungie's vendor data and the manifest.

/** The kinds the filters know; everything else (materials, ships, emblems...) is "other". */
export type SaleKind = "weapon" | "armor" | "mod" | "other";

export type SaleCost = {
  itemHash: number;
  name: string;
  /** Absolute or app-relative URL of the currency's icon; null when it has none. */
  iconUrl: string | null;
  quantity: number;
};

export type VendorSaleView = {
  vendorItemIndex: number;
  itemHash: number;
  name: string;
  iconUrl: string | null;
  /** Rarity: 6 Exotic, 5 Legendary, 4 Rare, 3 Common, 2 Basic. */
  rarity: number;
  rarityName: string;
  /**
   * Edge of Fate's gear tier (1-5) of a weapon or armour sale, where the app read the sale's item
   * instance (GetVendor); absent or null where it did not or the sale has none.
   */
  gearTier?: number | null;
  /** The game's type line ("Hand Cannon", "Helmet", "Armor Mod"...). */
  typeName: string;
  kind: SaleKind;
  quantity: number;
  costs: SaleCost[];
  /** When this sale leaves: its own date, else the vendor's next refresh. */
  refreshesAt: string | null;
  /**
   * From the player's collections: true when acquired, false when not yet, null when the
   * collections don't tell (no collectible for this item, or collections not available).
   */
  owned: boolean | null;
};

export type VendorView = {
  vendorHash: number;
  name: string;
  subtitle: string;
  iconUrl: string | null;
  nextRefreshDate: string | null;
  sales: VendorSaleView[];
  /**
   * The vendors page's sub-vendors of this vendor (engram previews, focusing screens, Eververse's
   * pieces), each named by the sale that opens it; the sales linking to them are not in `sales`.
   * Absent where the view does not nest (the digest's).
   */
  subVendors?: VendorView[];
};

export type VendorGroupView = {
  groupHash: number;
  name: string;
  vendors: VendorView[];
};

export type VendorsView = {
  groups: VendorGroupView[];
  /** Vendors whose stock could not be read this time (the rest are still shown). */
  failedVendors: { vendorHash: number; name: string }[];
  /**
   * Vendors with stock that the imported manifest does not name yet (newer than it): counted,
   * never shown as a wall of "Unknown vendor".
   */
  unnamedVendorCount?: number;
  /** Whether collections told ownership for at least one sale ("not yet owned" can filter). */
  collectionsKnown: boolean;
};
