import "server-only";
import { appCache, setAppCache } from "@/lib/cache/app-cache";
import type { Cache } from "@/lib/cache/cache";
import type { GuardianContext } from "./guardian-context";
import { detailsSourceOf, type DetailsSource } from "./page-view";

// Every item's sheet details (stats, perks, flavour text) as the page's own GetProfile produced
// them, kept per player for 10 minutes: a sheet opened after the 15 s profile cache has expired
// costs no second GetProfile. An item's stats and perks do not change when it moves, and an item
// the page did not have (a new drop) misses and reads the profile again. Redis when REDIS_URL is
// set (lib/cache), so every instance answers from the same copy.

export const ITEM_DETAILS_TTL_MS = 10 * 60_000;
const NAMESPACE = "item-details";
/**
 * A full vault's details are ~100-300 kB of JSON; a process keeps the most recent players'
 * (about 25-75 MB at most), Redis the rest until they expire.
 */
const MAX_PLAYERS_IN_MEMORY = 250;

export function itemDetailsCache(): Cache {
  return appCache(NAMESPACE, { maxEntries: MAX_PLAYERS_IN_MEMORY });
}

/** Replaces the cache (tests); undefined rebuilds it from the environment on next use. */
export function setItemDetailsCache(cache: Cache | undefined): void {
  setAppCache(NAMESPACE, cache);
}

/** Per player, Destiny account and language (names are in the player's language). */
function detailsKey(context: GuardianContext): string {
  const { membershipType, membershipId } = context.account;
  return `${context.userId}:${membershipType}:${membershipId}:${context.language}`;
}

export async function keepItemDetails(
  context: GuardianContext,
  view: Parameters<typeof detailsSourceOf>[0],
): Promise<void> {
  await itemDetailsCache().set(detailsKey(context), detailsSourceOf(view), {
    ttlMs: ITEM_DETAILS_TTL_MS,
  });
}

export function keptItemDetails(context: GuardianContext): Promise<DetailsSource | undefined> {
  return itemDetailsCache().peek<DetailsSource>(detailsKey(context));
}
