import "server-only";
import {
  BungieError,
  getVendor,
  getVendors,
  reshapeVendor,
  reshapeVendors,
  type CallOptions,
  type Vendor,
} from "@/lib/bungie";
import { createPool } from "@/lib/async/pool";
import { ComponentType } from "@/lib/destiny/api-enums";
import type { VendorStock } from "./build-view";

export type CharacterVendorsParams = {
  membershipType: number;
  membershipId: string;
  characterId: string;
  accessToken: string;
};

/** GetVendor calls in flight at once for one page; the client's limiter still paces them. */
const VENDOR_CONCURRENCY = 4;

/**
 * A character's vendors with their sales: GetVendors for the list (Bungie stopped returning
 * item components, and with them useful sales, from GetVendors in 2024), then GetVendor per
 * vendor. A vendor whose sales fail is reported in `failedVendorHashes` and the others still
 * show; a token Bungie refuses fails the whole call, so withAccessToken can refresh and retry.
 */
export async function fetchVendorStock(
  params: CharacterVendorsParams,
  options: CallOptions = {},
): Promise<VendorStock> {
  const list = await getVendors({ ...params, components: [ComponentType.Vendors] }, options);
  const listed = reshapeVendors(list).vendors.filter((v) => v.enabled);
  const groups = (list.vendorGroups?.data?.groups ?? []).map((g) => ({
    vendorGroupHash: g.vendorGroupHash,
    vendorHashes: [...(g.vendorHashes ?? [])],
  }));

  const vendors: Vendor[] = [];
  const failedVendorHashes: number[] = [];
  const pool = createPool(VENDOR_CONCURRENCY);
  const fetchOne = async ({ vendorHash, nextRefreshDate }: Vendor) => {
    try {
      const response = await getVendor(
        {
          ...params,
          vendorHash,
          // Item instances give rolled gear its power and gear tier.
          components: [
            ComponentType.Vendors,
            ComponentType.VendorSales,
            ComponentType.ItemInstances,
          ],
        },
        options,
      );
      const vendor = reshapeVendor(response);
      if (vendor)
        vendors.push({ ...vendor, nextRefreshDate: vendor.nextRefreshDate ?? nextRefreshDate });
      else failedVendorHashes.push(vendorHash);
    } catch (error) {
      if (!(error instanceof BungieError) || error.isAuth || options.signal?.aborted) throw error;
      failedVendorHashes.push(vendorHash);
    }
  };
  await Promise.all(listed.map((v) => pool.run(() => fetchOne(v))));
  // Concurrent calls finish in any order; the page's order comes from the groups.
  vendors.sort((a, b) => a.vendorHash - b.vendorHash);
  failedVendorHashes.sort((a, b) => a - b);
  return { groups, vendors, failedVendorHashes };
}
