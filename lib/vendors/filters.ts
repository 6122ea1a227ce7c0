// The sale filters of the vendors page and of digest subscriptions. Pure: the page filters in
// the browser, the digest on the server, with the same rules.
import type { VendorSaleView, VendorView, VendorsView } from "./types";

export const SALE_FILTERS = ["exotic", "weapon", "armor", "mod", "unowned"] as const;
export type SaleFilter = (typeof SALE_FILTERS)[number];

export const SALE_FILTER_LABELS: Record<SaleFilter, string> = {
  exotic: "Exotics only",
  weapon: "Weapons",
  armor: "Armour",
  mod: "Mods",
  unowned: "Not yet owned",
};

const EXOTIC_RARITY = 6;
const KIND_FILTERS = ["weapon", "armor", "mod"] as const;

export function isSaleFilter(value: string): value is SaleFilter {
  return (SALE_FILTERS as readonly string[]).includes(value);
}

/**
 * Weapons, armour and mods widen each other (weapons + armour = either); "exotics only" and
 * "not yet owned" narrow whatever else is chosen. A sale whose ownership the collections don't
 * tell is never "not yet owned": the filter only promises what it knows.
 */
export function saleMatches(
  sale: Pick<VendorSaleView, "rarity" | "owned" | "kind">,
  filters: readonly SaleFilter[],
): boolean {
  if (filters.includes("exotic") && sale.rarity !== EXOTIC_RARITY) return false;
  if (filters.includes("unowned") && sale.owned !== false) return false;
  const kinds = KIND_FILTERS.filter((kind) => filters.includes(kind));
  return kinds.length === 0 || (kinds as readonly string[]).includes(sale.kind);
}

/**
 * The view with only the chosen vendors (empty list: all) and the sales that match; vendors and
 * groups left with nothing are dropped.
 */
export function filterVendorsView(
  view: VendorsView,
  choice: { filters: readonly SaleFilter[]; vendorHashes?: readonly number[] },
): VendorsView {
  const vendorHashes = choice.vendorHashes ?? [];
  const groups = view.groups
    .map((group) => ({
      ...group,
      vendors: group.vendors
        .filter((v) => vendorHashes.length === 0 || vendorHashes.includes(v.vendorHash))
        .flatMap((v) => filterVendor(v, choice.filters)),
    }))
    .filter((group) => group.vendors.length > 0);
  return { ...view, groups };
}

/** A vendor with its matching sales and sub-vendors; none when nothing in it matches. */
function filterVendor(vendor: VendorView, filters: readonly SaleFilter[]): VendorView[] {
  const sales = vendor.sales.filter((s) => saleMatches(s, filters));
  const subVendors = vendor.subVendors?.flatMap((sub) => filterVendor(sub, filters));
  if (sales.length === 0 && !subVendors?.length) return [];
  return [{ ...vendor, sales, ...(subVendors ? { subVendors } : {}) }];
}

/** Sales of a vendor and of its sub-vendors (the page counts what it can show). */
export function countVendorSales(vendor: VendorView): number {
  return (
    vendor.sales.length + (vendor.subVendors ?? []).reduce((n, sub) => n + countVendorSales(sub), 0)
  );
}

/** Sales at the top level of each vendor (the digest's count: it shows no sub-vendors). */
export function countSales(view: VendorsView): number {
  return view.groups.reduce(
    (sum, group) => sum + group.vendors.reduce((n, v) => n + v.sales.length, 0),
    0,
  );
}
