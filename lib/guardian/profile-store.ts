import "server-only";
import { getProfile, reshapeProfile, type BungieClient, type DestinyProfile } from "@/lib/bungie";
import type { DestinyAccount } from "@/lib/auth/destiny-account";
import { getEnv } from "@/lib/env";
import type { TokenRunner } from "./player-token";
import { createProfileCache, type ProfileCache } from "./profile-cache";

// The app's profile cache: one per process (kept on globalThis so dev reloads keep it), shared
// through Redis between instances when REDIS_URL is set.
const globalForCache = globalThis as unknown as {
  warmindProfileCache?: ProfileCache<DestinyProfile>;
};

export function profileCache(): ProfileCache<DestinyProfile> {
  return (globalForCache.warmindProfileCache ??= createProfileCache<DestinyProfile>({
    redis: getEnv().REDIS_URL,
  }));
}

/** Replaces the cache (tests, benches); undefined rebuilds it from the environment on next use. */
export function setProfileCache(cache: ProfileCache<DestinyProfile> | undefined): void {
  globalForCache.warmindProfileCache = cache;
}

export function profileKey(account: Pick<DestinyAccount, "membershipType" | "membershipId">) {
  return `${account.membershipType}:${account.membershipId}`;
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
  return profileCache().get(
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
    { fresh: options.fresh },
  );
}

/** After our own actions: the next read goes to Bungie. */
export function invalidateProfile(
  account: Pick<DestinyAccount, "membershipType" | "membershipId">,
): Promise<void> {
  return profileCache().invalidate(profileKey(account));
}
