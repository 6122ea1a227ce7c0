// Component 800 (Collectibles) of GetProfile: which collectibles the player has acquired.
import type { DestinyProfileResponse } from "bungie-api-ts/destiny2";

/**
 * Collectible hash → DestinyCollectibleState flags for one character: account-wide
 * collectibles (profileCollectibles) and that character's own (class armour lives there).
 * An item counts as acquired when either says so. Null when neither was returned (not
 * requested, private, or a Bungie.net without collections).
 */
export function readCollectibleStates(
  profile: Pick<DestinyProfileResponse, "profileCollectibles" | "characterCollectibles">,
  characterId: string,
): Map<number, number> | null {
  const account = profile.profileCollectibles?.data?.collectibles;
  const character = profile.characterCollectibles?.data?.[characterId]?.collectibles;
  if (!account && !character) return null;
  const states = new Map<number, number>();
  for (const source of [account, character]) {
    for (const [hash, collectible] of Object.entries(source ?? {})) {
      const key = Number(hash);
      const state = typeof collectible?.state === "number" ? collectible.state : undefined;
      if (state === undefined) continue;
      const previous = states.get(key);
      // NotAcquired (bit 1) only when neither source has it acquired.
      states.set(key, previous === undefined ? state : previous & state);
    }
  }
  return states;
}
