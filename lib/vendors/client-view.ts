// The vendors page's "client view": what the browser is sent, reshaped from the server's
// VendorsView (which the digest keeps using as it is). Pure, like build-screen-view.ts.
//  - Each currency (name, icon) and rarity name is sent once, in a table, not once per sale: the
//    real-scale screen repeats a handful of currencies over ~2,900 sales.
//  - A sale keeps only what its tile shows; defaults are left out (quantity 1, no own refresh).
//  - The first HTML carries no sales at all, only one character per sale (`facets`) that the
//    filters and counts read; a vendor's sales come from /vendors/sales when it is opened.
import { saleMatches, type SaleFilter } from "./filters";
import type { SaleKind, VendorSaleView, VendorView, VendorsView } from "./types";

export type ClientSale = {
  vendorItemIndex: number;
  itemHash: number;
  name: string;
  iconUrl: string | null;
  rarity: number;
  typeName: string;
  kind: SaleKind;
  /** Absent when 1. */
  quantity?: number;
  /** [currency item hash, amount]; the currency's name and icon are in `currencies`. */
  costs: [number, number][];
  /** Absent when the sale leaves with its vendor's refresh. */
  leavesAt?: string;
  owned: boolean | null;
  gearTier?: number | null;
};

export type Currency = { name: string; iconUrl: string | null };

/** A vendor's sales and its sub-vendors', nested as on the page. */
export type SalesNode = { vendorHash: number; sales: ClientSale[]; subVendors: SalesNode[] };

/** One vendor's sales, as /vendors/sales sends them. */
export type ClientVendorSales = SalesNode & {
  /** Item hash (as a string: JSON keys) → currency. */
  currencies: Record<string, Currency>;
  /** Rarity (tier type) → the manifest's name for it, in the player's language. */
  rarityNames: Record<string, string>;
};

export type ClientVendor = {
  vendorHash: number;
  name: string;
  subtitle: string;
  iconUrl: string | null;
  nextRefreshDate: string | null;
  /** One character per sale, in order (see saleFacets): what the filters and counts need. */
  facets: string;
  subVendors: ClientVendor[];
};

export type ClientVendorsView = Omit<VendorsView, "groups"> & {
  groups: { groupHash: number; name: string; vendors: ClientVendor[] }[];
};

const KINDS: readonly SaleKind[] = ["weapon", "armor", "mod", "other"];
const EXOTIC_BIT = 4;
const NOT_OWNED_BIT = 8;
const OWNED_BIT = 16;

/** A sale's kind, rarity (exotic or not) and ownership in one base-32 character. */
export function saleFacet(sale: Pick<VendorSaleView, "kind" | "rarity" | "owned">): string {
  const bits =
    KINDS.indexOf(sale.kind) |
    (sale.rarity === 6 ? EXOTIC_BIT : 0) |
    (sale.owned === false ? NOT_OWNED_BIT : sale.owned === true ? OWNED_BIT : 0);
  return bits.toString(32);
}

/** What a facet character says of its sale: enough for saleMatches, the one filter rule. */
export function facetSale(facet: string): Pick<VendorSaleView, "kind" | "rarity" | "owned"> {
  const bits = parseInt(facet, 32);
  return {
    kind: KINDS[bits & 3] ?? "other",
    rarity: bits & EXOTIC_BIT ? 6 : 0,
    owned: bits & NOT_OWNED_BIT ? false : bits & OWNED_BIT ? true : null,
  };
}

export function facetMatches(facet: string, filters: readonly SaleFilter[]): boolean {
  return saleMatches(facetSale(facet), filters);
}

/** Sales of a vendor and its sub-vendors that match (all of them with no filter). */
export function countMatching(vendor: ClientVendor, filters: readonly SaleFilter[]): number {
  let n = 0;
  for (const facet of vendor.facets) if (facetMatches(facet, filters)) n++;
  return n + vendor.subVendors.reduce((sum, sub) => sum + countMatching(sub, filters), 0);
}

export function toClientView(view: VendorsView): ClientVendorsView {
  return {
    ...view,
    groups: view.groups.map((group) => ({
      groupHash: group.groupHash,
      name: group.name,
      vendors: group.vendors.map(toClientVendor),
    })),
  };
}

function toClientVendor(vendor: VendorView): ClientVendor {
  return {
    vendorHash: vendor.vendorHash,
    name: vendor.name,
    subtitle: vendor.subtitle,
    iconUrl: vendor.iconUrl,
    nextRefreshDate: vendor.nextRefreshDate,
    facets: vendor.sales.map(saleFacet).join(""),
    subVendors: (vendor.subVendors ?? []).map(toClientVendor),
  };
}

/** A vendor's sales (with its sub-vendors'), the currencies and rarity names they use once. */
export function toClientVendorSales(vendor: VendorView): ClientVendorSales {
  const currencies: Record<string, Currency> = {};
  const rarityNames: Record<string, string> = {};
  const reshape = (v: VendorView): SalesNode => ({
    vendorHash: v.vendorHash,
    sales: v.sales.map((sale) => {
      rarityNames[sale.rarity] ??= sale.rarityName;
      for (const cost of sale.costs) {
        currencies[cost.itemHash] ??= { name: cost.name, iconUrl: cost.iconUrl };
      }
      return toClientSale(sale, v.nextRefreshDate);
    }),
    subVendors: (v.subVendors ?? []).map(reshape),
  });
  return { ...reshape(vendor), currencies, rarityNames };
}

function toClientSale(sale: VendorSaleView, vendorRefresh: string | null): ClientSale {
  return {
    vendorItemIndex: sale.vendorItemIndex,
    itemHash: sale.itemHash,
    name: sale.name,
    iconUrl: sale.iconUrl,
    rarity: sale.rarity,
    typeName: sale.typeName,
    kind: sale.kind,
    ...(sale.quantity === 1 ? {} : { quantity: sale.quantity }),
    costs: sale.costs.map((c) => [c.itemHash, c.quantity]),
    ...(sale.refreshesAt && sale.refreshesAt !== vendorRefresh
      ? { leavesAt: sale.refreshesAt }
      : {}),
    owned: sale.owned,
    ...(sale.gearTier === undefined ? {} : { gearTier: sale.gearTier }),
  };
}
