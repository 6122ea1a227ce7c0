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
  const table = (source: Record<string, { state?: unknown } | undefined> | undefined) => {
    if (!source) return null;
    const states: Record<string, number> = {};
    for (const [hash, collectible] of Object.entries(source)) {
      if (typeof collectible?.state === "number") states[hash] = collectible.state;
    }
    return states;
  };
  return mergeCollectibleStates(
    table(profile.profileCollectibles?.data?.collectibles),
    table(profile.characterCollectibles?.data?.[characterId]?.collectibles),
  );
}

/**
 * The account's and one character's states (hash → flags) as one map: an item counts as acquired
 * when either says so. Null when neither is known.
 */
export function mergeCollectibleStates(
  account: Readonly<Record<string, number>> | null,
  character: Readonly<Record<string, number>> | null,
): Map<number, number> | null {
  if (!account && !character) return null;
  const states = new Map<number, number>();
  for (const source of [account, character]) {
    for (const [hash, state] of Object.entries(source ?? {})) {
      const key = Number(hash);
      const previous = states.get(key);
      // NotAcquired (bit 1) only when neither source has it acquired.
      states.set(key, previous === undefined ? state : previous & state);
    }
  }
  return states;
}
