import "server-only";
import { getVendor, reshapeVendor, type CallOptions } from "@/lib/bungie";
import type { Cache } from "@/lib/cache/cache";
import { ComponentType } from "@/lib/destiny/api-enums";
import { vendorsCache } from "./vendors-snapshot";

// Power and gear tier of a vendor's gear on sale: Bungie sends item instances only from GetVendor
// (one vendor a call), so the page asks for them when the player opens a vendor and presses for
// them, never for every vendor of a view. Kept per character and vendor until its next refresh.

/** vendorItemIndex → what the sale's item instance says (only sales that have either). */
export type SaleDetails = Record<string, { power: number | null; gearTier: number | null }>;

/** A vendor that names no future refresh: its details are read again after this long. */
const NO_REFRESH_DATE_TTL_MS = 15 * 60_000;

export async function loadVendorDetails(input: {
  account: { membershipType: number; membershipId: string };
  characterId: string;
  vendorHash: number;
  withToken: <T>(call: (token: string) => Promise<T>) => Promise<T>;
  call?: CallOptions;
  cache?: Cache;
  now?: () => number;
}): Promise<SaleDetails> {
  const cache = input.cache ?? vendorsCache();
  const now = input.now ?? Date.now;
  const key = `details:${input.account.membershipType}:${input.account.membershipId}:${input.characterId}:${input.vendorHash}`;
  const entry = await cache.getOrLoad(
    key,
    async () => {
      const response = await input.withToken((accessToken) =>
        getVendor(
          {
            ...input.account,
            characterId: input.characterId,
            vendorHash: input.vendorHash,
            accessToken,
            components: [
              ComponentType.Vendors,
              ComponentType.VendorSales,
              ComponentType.ItemInstances,
            ],
          },
          input.call,
        ),
      );
      const vendor = reshapeVendor(response);
      const details: SaleDetails = {};
      for (const sale of vendor?.sales ?? []) {
        const power = sale.power ?? null;
        const gearTier = sale.gearTier ?? null;
        if (power !== null || gearTier !== null) {
          details[String(sale.vendorItemIndex)] = { power, gearTier };
        }
      }
      return { details, refresh: vendor?.nextRefreshDate ?? null };
    },
    {
      expiresAt: ({ refresh }) => {
        const at = refresh ? Date.parse(refresh) : Number.NaN;
        return Number.isFinite(at) && at > now() ? at : now() + NO_REFRESH_DATE_TTL_MS;
      },
    },
  );
  return entry.details;
}
