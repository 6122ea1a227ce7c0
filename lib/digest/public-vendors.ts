import "server-only";
import { getPublicVendors, reshapePublicVendors, type CallOptions } from "@/lib/bungie";
import { appCache } from "@/lib/cache/app-cache";
import type { Cache } from "@/lib/cache/cache";
import { ComponentType } from "@/lib/destiny/api-enums";
import type { VendorStock } from "@/lib/vendors/build-view";

/** Longest we keep one copy, whatever the vendors say: a daily reset. */
const MAX_KEEP_MS = 24 * 3_600_000;
/** A never-refreshing vendor says 9999-12-31: not a date to plan by. */
const FAR_FUTURE_MS = Date.parse("9000-01-01T00:00:00Z");

export type PublicStock = VendorStock & {
  /** The vendors GetPublicVendors covers: every other vendor needs a character. */
  vendorHashes: number[];
};

/**
 * The sales that are the same for everybody (GetPublicVendors: Vendors and VendorSales, no
 * token), read once per daily reset for every subscriber and every app instance (in Redis when
 * REDIS_URL is set), kept until the earliest refresh Bungie announces for them. Only Bungie data
 * is kept, no names: each subscriber's language is applied when their digest is built.
 */
export async function loadPublicStock(
  resetId: number,
  options: { cache?: Cache; call?: CallOptions; onCall?: () => void } = {},
): Promise<PublicStock> {
  const cache = options.cache ?? appCache("public-vendors", { maxEntries: 4 });
  return cache.getOrLoad(
    `reset:${resetId}`,
    async () => {
      options.onCall?.();
      const response = await getPublicVendors(
        { components: [ComponentType.Vendors, ComponentType.VendorSales] },
        { player: "digest:public-vendors", ...options.call },
      );
      const vendors = reshapePublicVendors(response).vendors.filter((v) => v.enabled);
      const groups = (response.vendorGroups?.data?.groups ?? []).map((g) => ({
        vendorGroupHash: g.vendorGroupHash,
        vendorHashes: [...(g.vendorHashes ?? [])],
      }));
      return {
        groups,
        vendors,
        failedVendorHashes: [],
        vendorHashes: vendors.map((v) => v.vendorHash),
      };
    },
    { expiresAt: (stock) => publicStockExpiry(stock, Date.now()) },
  );
}

/**
 * When the first of these sales may change: the earliest vendor refresh or sale override still
 * ahead, at most a day away. A copy read just before a reset is kept only until it.
 */
export function publicStockExpiry(stock: Pick<VendorStock, "vendors">, now: number): number {
  let earliest = now + MAX_KEEP_MS;
  for (const vendor of stock.vendors) {
    const dates = [vendor.nextRefreshDate, ...vendor.sales.map((s) => s.overrideNextRefreshDate)];
    for (const date of dates) {
      const at = date ? Date.parse(date) : NaN;
      if (Number.isFinite(at) && at < FAR_FUTURE_MS && at < earliest) earliest = at;
    }
  }
  return earliest;
}
