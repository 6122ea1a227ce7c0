// Collections (GetProfile component 800): which collectibles a profile has acquired. Derived
// from the world rather than stored: a collectible is acquired when the profile holds a copy
// of its item anywhere (character inventories, equipment, vault, postmaster), or when it is in
// the profile's seeded share of items it once had and no longer holds. The sandbox never
// destroys an item, so "holds one" only ever grows: an item handed to a profile flips its
// collectible to acquired on the next GetProfile, and nothing flips one back.
import type { ManifestDefinitions } from "./definitions";
import { fnv1a } from "./prng";
import type { DestinyProfile } from "./types";

/** DestinyCollectibleState.NotAcquired; acquired collectibles have no flag set (0). */
export const NOT_ACQUIRED = 1;

/** Out of 100: collectibles a profile holds no copy of but acquired once (then dismantled). */
export const ONCE_ACQUIRED_PERCENT = 30;

export interface CollectibleEntry {
  collectibleHash: number;
  itemHash: number;
  /**
   * Bungie keeps class armour per character (characterCollectibles; DestinyCollectibleDefinition
   * scope 1) and everything else account-wide (profileCollectibles, scope 0).
   */
  scope: "profile" | "character";
  acquired: boolean;
}

/**
 * Whether the profile acquired the collectible once without holding it now: a stable share of
 * every profile's collection, seeded by the profile and the collectible. New-this-season items
 * never dropped anywhere, so nobody can have had one.
 */
function onceAcquired(profile: DestinyProfile, collectibleHash: number): boolean {
  return (
    fnv1a(`${profile.membershipId}:collectible:${collectibleHash}`) % 100 < ONCE_ACQUIRED_PERCENT
  );
}

/** Every collectible of the manifest with its state for this profile, in manifest order. */
export function collectibleEntries(
  defs: Pick<ManifestDefinitions, "meta">,
  profile: DestinyProfile,
): CollectibleEntry[] {
  const held = new Set(profile.items.map((item) => item.itemHash));
  const entries: CollectibleEntry[] = [];
  for (const meta of defs.meta.values()) {
    if (meta.collectibleHash === undefined) continue;
    const acquired =
      held.has(meta.hash) || (!meta.newThisSeason && onceAcquired(profile, meta.collectibleHash));
    entries.push({
      collectibleHash: meta.collectibleHash,
      itemHash: meta.hash,
      scope: meta.kind === "armor" && meta.classType !== 3 ? "character" : "profile",
      acquired,
    });
  }
  return entries;
}

/** Bungie's `collectibles` dictionary (collectible hash → {state}) for one scope. */
export function collectiblesDictionary(
  entries: readonly CollectibleEntry[],
  scope: CollectibleEntry["scope"],
): Record<string, { state: number }> {
  const out: Record<string, { state: number }> = {};
  for (const entry of entries) {
    if (entry.scope === scope)
      out[String(entry.collectibleHash)] = { state: entry.acquired ? 0 : NOT_ACQUIRED };
  }
  return out;
}
