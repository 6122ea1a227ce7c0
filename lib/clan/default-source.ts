import "server-only";
import { createPool } from "@/lib/async/pool";
import { appCache } from "@/lib/cache/app-cache";
import { createClanSource, type ClanSource } from "./clan-source";

/**
 * Member profiles fetched at once, across the whole process: a 100-member clan fills in within a
 * few round trips, and several clans opened together queue here instead of bursting. The app's
 * rate limiter (lib/bungie) still has the last word on how fast calls leave.
 */
export const MEMBER_DETAILS_CONCURRENCY = 10;
/** Clans, rosters and member profiles kept in each process's memory (a 100-member clan is ~100). */
const MAX_CLAN_ENTRIES_IN_MEMORY = 5_000;

// One per process, on globalThis so dev reloads keep it (as sandbox/mount.ts does for the demo world).
const globalForClan = globalThis as unknown as { warmindClanSource?: ClanSource };

/** The app's clan source: the app's Bungie client, the shared cache, one bounded pool. */
export function getClanSource(): ClanSource {
  globalForClan.warmindClanSource ??= createClanSource({
    cache: appCache("clan", { maxEntries: MAX_CLAN_ENTRIES_IN_MEMORY }),
    pool: createPool(MEMBER_DETAILS_CONCURRENCY),
  });
  return globalForClan.warmindClanSource;
}
