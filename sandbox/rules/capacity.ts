// Inventory capacities and counts. Pure functions over a profile's items.
import {
  CHARACTER_BUCKET_CAPACITY,
  POSTMASTER_CAPACITY,
  VAULT_CAPACITY,
} from "../../lib/destiny/buckets";
import type { WorldItem } from "../world/types";

export { CHARACTER_BUCKET_CAPACITY, POSTMASTER_CAPACITY, VAULT_CAPACITY };
/** Account-wide consumables and modifications buckets hold 50 stacks each. */
export const ACCOUNT_BUCKET_CAPACITY = 50;

export type MetaLookup = (itemHash: number) => { bucketHash: number } | undefined;

/** Unequipped items of a character in one bucket (the 9 slots beside the equipped one). */
export function unequippedCount(
  items: readonly WorldItem[],
  characterId: string,
  bucketHash: number,
  metaOf: MetaLookup,
): number {
  let count = 0;
  for (const item of items) {
    if (
      item.place.kind === "inventory" &&
      item.place.characterId === characterId &&
      metaOf(item.itemHash)?.bucketHash === bucketHash
    ) {
      count++;
    }
  }
  return count;
}

/** No free slot beside the equipped item in a character's bucket: Bungie refuses with 1642. */
export function characterBucketFull(
  items: readonly WorldItem[],
  characterId: string,
  bucketHash: number,
  metaOf: MetaLookup,
): boolean {
  return unequippedCount(items, characterId, bucketHash, metaOf) >= CHARACTER_BUCKET_CAPACITY;
}

export function vaultCount(items: readonly WorldItem[]): number {
  let count = 0;
  for (const item of items) if (item.place.kind === "vault") count++;
  return count;
}

export function postmasterCount(items: readonly WorldItem[], characterId: string): number {
  let count = 0;
  for (const item of items)
    if (item.place.kind === "postmaster" && item.place.characterId === characterId) count++;
  return count;
}

/** Stacks in an account-wide bucket (consumables, modifications). */
export function accountBucketCount(
  items: readonly WorldItem[],
  bucketHash: number,
  metaOf: MetaLookup,
): number {
  let count = 0;
  for (const item of items)
    if (item.place.kind === "profile" && metaOf(item.itemHash)?.bucketHash === bucketHash) count++;
  return count;
}
