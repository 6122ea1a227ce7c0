// Inventory bucket hashes (DestinyInventoryBucketDefinition), as in the real manifest
// (d2-additional-info `BucketHashes`), and the capacities the game enforces.

export const BucketHashes = {
  KineticWeapons: 1498876634,
  EnergyWeapons: 2465295065,
  PowerWeapons: 953998645,
  Helmet: 3448274439,
  Gauntlets: 3551918588,
  ChestArmor: 14239492,
  LegArmor: 20886954,
  ClassArmor: 1585787867,
  Ghost: 4023194814,
  Vehicle: 2025709351,
  Ships: 284967655,
  Subclass: 3284755031,
  Emblems: 4274335291,
  /** The vault: every vaulted item sits in this bucket on the profile inventory. */
  General: 138197802,
  /** The postmaster (LostItems), per character. */
  LostItems: 215593132,
  Consumables: 1469714392,
  Modifications: 3313201758,
  Engrams: 375726501,
  Materials: 3865314626,
} as const;

export type BucketHash = (typeof BucketHashes)[keyof typeof BucketHashes];

export const WEAPON_BUCKETS = [
  BucketHashes.KineticWeapons,
  BucketHashes.EnergyWeapons,
  BucketHashes.PowerWeapons,
] as const;

export const ARMOR_BUCKETS = [
  BucketHashes.Helmet,
  BucketHashes.Gauntlets,
  BucketHashes.ChestArmor,
  BucketHashes.LegArmor,
  BucketHashes.ClassArmor,
] as const;

export const GEAR_BUCKETS = [
  BucketHashes.Ghost,
  BucketHashes.Vehicle,
  BucketHashes.Ships,
  BucketHashes.Emblems,
] as const;

/** Every bucket that holds one equipped item per character, in the order the game shows them. */
export const EQUIPPABLE_BUCKETS = [
  BucketHashes.Subclass,
  ...WEAPON_BUCKETS,
  ...ARMOR_BUCKETS,
  ...GEAR_BUCKETS,
] as const;

/**
 * An in-game loadout's items (component 206), one per bucket in this order: the weapons, the
 * armour, then the subclass.
 */
export const IN_GAME_LOADOUT_BUCKETS = [
  ...WEAPON_BUCKETS,
  ...ARMOR_BUCKETS,
  BucketHashes.Subclass,
] as const;

/** Unequipped slots per equippable bucket per character (plus the one equipped item). */
export const CHARACTER_BUCKET_CAPACITY = 9;
export const VAULT_CAPACITY = 700;
export const POSTMASTER_CAPACITY = 21;
/** The postmaster warns from this many items on (the game starts losing items at 21). */
export const POSTMASTER_WARNING_AT = 18;

export function isWeaponBucket(bucketHash: number): boolean {
  return (WEAPON_BUCKETS as readonly number[]).includes(bucketHash);
}

export function isArmorBucket(bucketHash: number): boolean {
  return (ARMOR_BUCKETS as readonly number[]).includes(bucketHash);
}

export function isEquippableBucket(bucketHash: number): boolean {
  return (EQUIPPABLE_BUCKETS as readonly number[]).includes(bucketHash);
}
