import "server-only";
import { createHash } from "node:crypto";
import { createPool } from "@/lib/async/pool";
import { getEnv } from "@/lib/env";
import { createClanCache } from "./cache";
import { createClanSource, type ClanSource } from "./clan-source";

/**
 * Member profiles fetched at once, across the whole process: a 100-member clan fills in within a
 * few round trips, and several clans opened together queue here instead of bursting. The app's
 * rate limiter (lib/bungie) still has the last word on how fast calls leave.
 */
export const MEMBER_DETAILS_CONCURRENCY = 10;

// One per process, on globalThis so dev reloads keep the cache (as lib/demo does for the sandbox).
const globalForClan = globalThis as unknown as { warmindClanSource?: ClanSource };

/** The app's clan source: the app's Bungie client, the shared cache, one bounded pool. */
export function getClanSource(): ClanSource {
  if (globalForClan.warmindClanSource) return globalForClan.warmindClanSource;
  const env = getEnv();
  // Keys carry the Bungie origin (hashed) so a demo and a real deployment sharing one Redis
  // never read each other's clans.
  const origin = createHash("sha256").update(env.bungie.origin).digest("hex").slice(0, 12);
  const source = createClanSource({
    cache: createClanCache({ redis: env.REDIS_URL, prefix: `warmind:clan:v1:${origin}` }),
    pool: createPool(MEMBER_DETAILS_CONCURRENCY),
  });
  globalForClan.warmindClanSource = source;
  return source;
}
