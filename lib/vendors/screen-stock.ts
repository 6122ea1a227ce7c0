// Which of a character's ~230 vendors the vendors page shows, from ONE GetVendors: the game's
// vendors screen (vendorGroups, in its order), each vendor's sub-vendors (a sale whose item has
// preview.previewVendorHash opens one: engram previews, focusing screens, subclass menus),
// Eververse's pieces folded into Tess Everis (Bungie splits her into ~25 definitions,
// Bungie-net/api#2069), and any vendor the player chose for the digest. Pure: the loader fetches
// and looks definitions up, this decides; unit tests feed it directly.
import { VendorHashes } from "@/lib/destiny/game-facts";
import type { Vendor } from "@/lib/bungie/types";

/** A shown vendor's sub-vendor: reached through a preview sale (`via`), or an Eververse piece. */
export type SubVendorLink = { vendorHash: number; via: { itemHash: number } | null };

/** What the page caches per character until the shown vendors' next refresh. Plain JSON. */
export type ScreenStock = {
  /** The game's groups, in its order, with the vendors of each shown. */
  groups: { vendorGroupHash: number; vendorHashes: number[] }[];
  /** Chosen for the digest but not on the screen: shown after it, in the player's order. */
  chosen: number[];
  /** Every vendor shown anywhere (top level or nested), with its sales. */
  vendors: Vendor[];
  /** Parent vendorHash → its sub-vendors, in the parent's sale order, then Eververse's pieces. */
  children: Record<string, SubVendorLink[]>;
  /** On the screen (or chosen and listed) but GetVendors sent no sales for it. */
  failedVendorHashes: number[];
};

export type ScreenInput = {
  /** GetVendors' vendorGroups. */
  groups: readonly { vendorGroupHash: number; vendorHashes: readonly number[] }[];
  /** Every vendor GetVendors listed, with the sales it sent (none for a vendor it sent none). */
  vendors: readonly Vendor[];
  /** Hashes GetVendors listed but sent no sales entry for. */
  withoutSales: readonly number[];
  /** Vendors the player chose for the digest. */
  chosen: readonly number[];
  /** From the manifest: the vendor an item previews, or null. */
  previewVendorOf: (itemHash: number) => number | null;
  /** From the manifest: a vendor definition's groups. */
  groupsOf: (vendorHash: number) => readonly number[];
};

/** Sub-vendors of sub-vendors are followed this deep (the game nests no deeper than two). */
const MAX_DEPTH = 2;

export function selectScreenStock(input: ScreenInput): ScreenStock {
  const byHash = new Map(input.vendors.map((v) => [v.vendorHash, v]));
  const noSales = new Set(input.withoutSales);
  const onScreen = new Set(input.groups.flatMap((g) => g.vendorHashes));
  const shown = new Map<number, Vendor>();
  const failed: number[] = [];
  const children: Record<string, SubVendorLink[]> = {};

  const top = (hash: number): boolean => {
    const vendor = byHash.get(hash);
    if (vendor && vendor.enabled && vendor.sales.length > 0) {
      shown.set(hash, vendor);
      return true;
    }
    // Listed but without sales is Bungie failing to answer for it; a vendor not listed at all
    // (Xûr on a weekday, an event that ended) is simply not in the game now.
    if ((vendor || noSales.has(hash)) && !failed.includes(hash)) failed.push(hash);
    return false;
  };

  const groups = input.groups
    .map((g) => ({ vendorGroupHash: g.vendorGroupHash, vendorHashes: g.vendorHashes.filter(top) }))
    .filter((g) => g.vendorHashes.length > 0);
  const chosen = [...new Set(input.chosen)].filter((hash) => !onScreen.has(hash) && top(hash));

  // Sub-vendors, breadth first so a vendor linked from two places sits under the nearer one.
  let frontier = [...shown.keys()];
  for (let depth = 0; depth < MAX_DEPTH && frontier.length > 0; depth++) {
    const next: number[] = [];
    for (const parent of frontier) {
      for (const sale of shown.get(parent)?.sales ?? []) {
        const target = input.previewVendorOf(sale.itemHash);
        if (target === null || shown.has(target)) continue;
        const vendor = byHash.get(target);
        if (!vendor || vendor.sales.length === 0) continue;
        shown.set(target, vendor);
        (children[String(parent)] ??= []).push({
          vendorHash: target,
          via: { itemHash: sale.itemHash },
        });
        next.push(target);
      }
    }
    frontier = next;
  }

  // Eververse's pieces: definitions that name Tess Everis's screen group but are not on it.
  const eververseGroup = input.groups.find((g) =>
    g.vendorHashes.includes(VendorHashes.TessEveris),
  )?.vendorGroupHash;
  if (eververseGroup !== undefined && shown.has(VendorHashes.TessEveris)) {
    for (const vendor of input.vendors) {
      if (shown.has(vendor.vendorHash) || vendor.sales.length === 0) continue;
      if (!input.groupsOf(vendor.vendorHash).includes(eververseGroup)) continue;
      shown.set(vendor.vendorHash, vendor);
      (children[String(VendorHashes.TessEveris)] ??= []).push({
        vendorHash: vendor.vendorHash,
        via: null,
      });
    }
  }

  return {
    groups,
    chosen,
    vendors: [...shown.values()],
    children,
    failedVendorHashes: failed,
  };
}

/**
 * When the cached stock goes stale: the earliest future refresh among the shown vendors and
 * their sales' own dates (a weekly vendor's daily sale leaves at the daily reset). Dates already
 * past are Bungie's bookkeeping, not a refresh to wait for; null when no vendor names one.
 */
export function stockExpiry(stock: Pick<ScreenStock, "vendors">, now: number): number | null {
  let earliest: number | null = null;
  const consider = (iso: string | null) => {
    const at = iso ? Date.parse(iso) : Number.NaN;
    if (Number.isFinite(at) && at > now && (earliest === null || at < earliest)) earliest = at;
  };
  for (const vendor of stock.vendors) {
    consider(vendor.nextRefreshDate);
    for (const sale of vendor.sales) consider(sale.overrideNextRefreshDate);
  }
  return earliest;
}
