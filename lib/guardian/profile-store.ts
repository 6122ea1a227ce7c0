import "server-only";
import type { DestinyAccount } from "@/lib/auth/destiny-account";
import {
  ACCOUNT_COMPONENTS,
  getProfile,
  reshapeProfile,
  type BungieClient,
  type DestinyProfile,
} from "@/lib/bungie";
import { appCache, setAppCache } from "@/lib/cache/app-cache";
import type { Cache } from "@/lib/cache/cache";
import type { TokenRunner } from "./player-token";

// A short cache of each player's profile (one GetProfile with every inventory component): a page
// load right after another, or an action right after the page, costs no Bungie call. The
// account page's smaller read (readProfileSummary) is cached beside it. Bungie's own
// data can be a minute old, so 15 s adds little staleness; our own actions invalidate the entry
// at once (in every instance, see lib/cache) so the next read shows what they did.

export const PROFILE_TTL_MS = 15_000;
const NAMESPACE = "profile";
/** A full vault's profile is a few hundred kB of JSON: keep a bounded number per process. */
const MAX_PROFILES_IN_MEMORY = 500;

export function profileCache(): Cache {
  return appCache(NAMESPACE, { maxEntries: MAX_PROFILES_IN_MEMORY });
}

/** Replaces the cache (tests, benches); undefined rebuilds it from the environment on next use. */
export function setProfileCache(cache: Cache | undefined): void {
  setAppCache(NAMESPACE, cache);
}

export function profileKey(account: Pick<DestinyAccount, "membershipType" | "membershipId">) {
  return `${account.membershipType}:${account.membershipId}`;
}

/** The account page's smaller profile (ACCOUNT_COMPONENTS), cached beside the full one. */
function summaryKey(account: Pick<DestinyAccount, "membershipType" | "membershipId">) {
  return `summary:${profileKey(account)}`;
}

/**
 * The player's whole profile, every inventory component in ONE GetProfile call, from the short
 * cache when it is there (`fresh` skips it). The token is only fetched when Bungie is called.
 */
export function readProfile(
  account: Pick<DestinyAccount, "membershipType" | "membershipId">,
  withToken: TokenRunner,
  options: { fresh?: boolean; client?: BungieClient } = {},
): Promise<DestinyProfile> {
  return profileCache().getOrLoad(
    profileKey(account),
    async () =>
      reshapeProfile(
        await withToken((accessToken) =>
          getProfile(
            {
              membershipType: account.membershipType,
              membershipId: account.membershipId,
              accessToken,
            },
            { client: options.client },
          ),
        ),
      ),
    { ttlMs: PROFILE_TTL_MS, fresh: options.fresh },
  );
}

/**
 * What the account page shows: the full profile when the cache has it (the inventory page read
 * it moments ago), else only ACCOUNT_COMPONENTS. The page a player lands on after signing in
 * used to ask for the whole inventory profile and reshape every item of a 700-item vault with
 * its instances, stats and sockets, to show characters and currencies: the largest share of a
 * sign-in's server time when fifty players signed in at once. Its items carry no instance
 * details, so it is never served to pages that show items.
 */
export async function readProfileSummary(
  account: Pick<DestinyAccount, "membershipType" | "membershipId">,
  withToken: TokenRunner,
  options: { fresh?: boolean; client?: BungieClient } = {},
): Promise<DestinyProfile> {
  const cache = profileCache();
  if (!options.fresh) {
    const full = await cache.peek<DestinyProfile>(profileKey(account));
    if (full) return full;
  }
  return cache.getOrLoad(
    summaryKey(account),
    async () =>
      reshapeProfile(
        await withToken((accessToken) =>
          getProfile(
            {
              membershipType: account.membershipType,
              membershipId: account.membershipId,
              components: ACCOUNT_COMPONENTS,
              accessToken,
            },
            { client: options.client },
          ),
        ),
      ),
    { ttlMs: PROFILE_TTL_MS, fresh: options.fresh },
  );
}

/** After our own actions: the next read goes to Bungie. */
export async function invalidateProfile(
  account: Pick<DestinyAccount, "membershipType" | "membershipId">,
): Promise<void> {
  const cache = profileCache();
  await Promise.all([cache.invalidate(profileKey(account)), cache.invalidate(summaryKey(account))]);
}
