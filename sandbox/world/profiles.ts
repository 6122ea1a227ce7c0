// Building a Destiny profile: characters, their equipped gear and inventories, the vault,
// the account-wide buckets, currencies and the postmaster.
import {
  ARMOR_BUCKETS,
  BucketHashes,
  CHARACTER_BUCKET_CAPACITY,
  WEAPON_BUCKETS,
} from "../../lib/destiny/buckets";
import { CurrencyHashes } from "../../lib/destiny/game-facts";
import type { ItemMeta } from "./definitions";
import { type GenContext, pickArmor, pickWeapon, rollInstance, stack } from "./items";
import { clampPower, type GearRoll, LEGACY_GEAR, rollNewGear } from "./power";
import type { DestinyProfile, ItemPlace, WorldCharacter, WorldItem } from "./types";

export interface CharacterSpec extends Pick<
  WorldCharacter,
  "classType" | "raceType" | "genderType" | "minutesPlayedTotal"
> {
  hoursSinceLastPlayed: number;
  /** Typical power of this character's equipped gear (10-550, Edge of Fate). */
  power: number;
  exoticArmor: boolean;
  /** Unequipped items per weapon/armour bucket: [min, max]. */
  perBucket: readonly [number, number];
  /** Items waiting at the postmaster. */
  postmaster: number;
  /** Put one armour piece of another class in the inventory (allowed in the game; not equippable). */
  offClassArmor?: boolean;
  /** Fill the kinetic bucket to its 9-slot capacity (to make "no room" reproducible). */
  fullKinetic?: boolean;
}

/** A profile's identity as the world's seed gives it; the rest starts empty (createProfile). */
export type ProfileSpec = Pick<
  DestinyProfile,
  | "membershipId"
  | "membershipType"
  | "displayName"
  | "bungieGlobalDisplayName"
  | "bungieGlobalDisplayNameCode"
  | "crossSaveOverride"
  | "applicableMembershipTypes"
  | "isOverridden"
  | "isCrossSavePrimary"
  | "bnetMembershipId"
> &
  Partial<Pick<DestinyProfile, "availability">>;

export function createProfile(spec: ProfileSpec): DestinyProfile {
  return {
    ...spec,
    isPublic: true,
    availability: spec.availability ?? "public",
    characters: [],
    items: [],
    byInstanceId: new Map(),
    version: 1,
    guardianRank: 1,
  };
}

export function addItem(profile: DestinyProfile, item: WorldItem): void {
  profile.items.push(item);
  if (item.itemInstanceId) profile.byInstanceId.set(item.itemInstanceId, item);
}

export function createCharacter(
  ctx: GenContext,
  characterId: string,
  spec: CharacterSpec,
  createdAt: number,
): WorldCharacter {
  return {
    characterId,
    classType: spec.classType,
    raceType: spec.raceType,
    genderType: spec.genderType,
    dateLastPlayed: createdAt - Math.round(spec.hoursSinceLastPlayed * 3_600_000),
    minutesPlayedThisSession:
      spec.hoursSinceLastPlayed < 1 ? ctx.prng.int(5, 120) : ctx.prng.int(20, 180),
    minutesPlayedTotal: spec.minutesPlayedTotal,
    activity: "offline",
  };
}

/** Equip every slot and fill the character's inventory. */
export function outfitCharacter(
  ctx: GenContext,
  profile: DestinyProfile,
  character: WorldCharacter,
  spec: CharacterSpec,
  options: { equippedOnly?: boolean } = {},
): void {
  const { prng } = ctx;
  const id = character.characterId;
  const equipped: ItemPlace = { kind: "equipped", characterId: id };
  const inventory = (): ItemPlace => ({ kind: "inventory", characterId: id });
  // Equipped gear sits at the character's power; carried gear spreads below it, and some of it
  // is from before Edge of Fate (power 10, no tier).
  const gear = (place: ItemPlace): GearRoll =>
    place.kind === "equipped"
      ? rollNewGear(prng, spec.power, [20, 5])
      : prng.chance(0.12)
        ? LEGACY_GEAR
        : rollNewGear(prng, spec.power, [120, 5]);
  const roll = (meta: ItemMeta, place: ItemPlace, masterworkChance = 0.25) =>
    addItem(
      profile,
      rollInstance(ctx, meta, place, {
        ...gear(place),
        locked: meta.rarity >= 5 && prng.chance(place.kind === "equipped" ? 0.6 : 0.3),
        masterwork: meta.rarity >= 5 && prng.chance(masterworkChance),
      }),
    );

  // Subclass: one equipped, the class's others in the subclass bucket.
  const subclasses = prng.shuffle(ctx.pools.subclassesByClass.get(spec.classType) ?? []);
  subclasses.forEach((meta, i) => {
    if (i === 0) roll(meta, equipped);
    else if (!options.equippedOnly) roll(meta, inventory());
  });

  // Weapons: exactly one exotic equipped, in a random slot.
  const exoticSlot = prng.int(0, WEAPON_BUCKETS.length - 1);
  WEAPON_BUCKETS.forEach((bucket, i) => {
    roll(pickWeapon(ctx, bucket, i === exoticSlot ? "exotic" : "legendary"), equipped, 0.4);
    if (options.equippedOnly) return;
    const count =
      spec.fullKinetic && bucket === BucketHashes.KineticWeapons
        ? CHARACTER_BUCKET_CAPACITY
        : prng.int(spec.perBucket[0], spec.perBucket[1]);
    for (let n = 0; n < count; n++) roll(pickWeapon(ctx, bucket), inventory());
  });

  // Armour: at most one exotic equipped.
  const exoticArmorSlot = spec.exoticArmor ? prng.int(0, ARMOR_BUCKETS.length - 1) : -1;
  ARMOR_BUCKETS.forEach((bucket, i) => {
    roll(
      pickArmor(ctx, spec.classType, bucket, i === exoticArmorSlot ? "exotic" : "legendary"),
      equipped,
      0.4,
    );
    if (options.equippedOnly) return;
    const count = prng.int(spec.perBucket[0], spec.perBucket[1]);
    for (let n = 0; n < count; n++) {
      const offClass = spec.offClassArmor && i === 0 && n === 0;
      const classType = offClass ? (spec.classType + 1) % 3 : spec.classType;
      roll(pickArmor(ctx, classType, bucket), inventory());
    }
  });

  // Ghost, sparrow, ship, emblem.
  for (const bucket of [
    BucketHashes.Ghost,
    BucketHashes.Vehicle,
    BucketHashes.Ships,
    BucketHashes.Emblems,
  ]) {
    const pool = prng.shuffle(ctx.pools.gearByBucket.get(bucket) ?? []);
    const extra = options.equippedOnly ? 0 : prng.int(1, 4);
    pool.slice(0, 1 + extra).forEach((meta, i) => roll(meta, i === 0 ? equipped : inventory(), 0));
  }

  if (!options.equippedOnly) fillPostmaster(ctx, profile, id, spec.postmaster, spec.power);
}

function fillPostmaster(
  ctx: GenContext,
  profile: DestinyProfile,
  characterId: string,
  count: number,
  basePower: number,
) {
  const { prng, pools } = ctx;
  const place = (): ItemPlace => ({ kind: "postmaster", characterId });
  const stacks = Math.min(count, Math.floor(count / 3));
  for (let n = 0; n < count; n++) {
    if (n < stacks) {
      const meta = prng.pick([...pools.materials, ...pools.consumables]);
      addItem(profile, stack(meta, Math.min(meta.maxStackSize, prng.int(1, 5)), place()));
    } else {
      const bucket = prng.pick([...WEAPON_BUCKETS, ...ARMOR_BUCKETS]);
      const classType = prng.int(0, 2);
      const meta = (WEAPON_BUCKETS as readonly number[]).includes(bucket)
        ? pickWeapon(ctx, bucket)
        : pickArmor(ctx, classType, bucket);
      addItem(profile, rollInstance(ctx, meta, place(), rollNewGear(prng, basePower, [10, 10])));
    }
  }
}

/** The vault: gear of every kind plus stacks, `count` entries in total (each stack takes a slot). */
export function fillVault(
  ctx: GenContext,
  profile: DestinyProfile,
  count: number,
  basePower: number,
): void {
  const { prng, pools } = ctx;
  const vault = (): ItemPlace => ({ kind: "vault" });
  let remaining = count;
  const add = (item: WorldItem) => {
    addItem(profile, item);
    remaining--;
  };
  // Stacks: a few of each consumable/material/mod (same hash may need two stacks when large).
  const stackables = [...pools.consumables, ...pools.materials, ...pools.mods];
  const stackCount = Math.min(remaining, Math.round(count * 0.07));
  for (let n = 0; n < stackCount; n++) {
    const meta = stackables[n % stackables.length] as ItemMeta;
    add(
      stack(
        meta,
        Math.max(1, Math.min(meta.maxStackSize, prng.int(1, Math.min(60, meta.maxStackSize)))),
        vault(),
      ),
    );
  }
  const gearCount = Math.min(remaining, Math.round(count * 0.06));
  const gearBuckets = [
    BucketHashes.Ghost,
    BucketHashes.Vehicle,
    BucketHashes.Ships,
    BucketHashes.Emblems,
  ];
  for (let n = 0; n < gearCount; n++) {
    const meta = prng.pick(
      pools.gearByBucket.get(gearBuckets[n % gearBuckets.length] ?? BucketHashes.Ghost) ?? [],
    );
    add(rollInstance(ctx, meta, vault(), { power: 10 }));
  }
  while (remaining > 0) {
    const weapon = prng.chance(0.45);
    const meta = weapon
      ? pickWeapon(ctx, prng.pick(WEAPON_BUCKETS))
      : pickArmor(ctx, prng.int(0, 2), prng.pick(ARMOR_BUCKETS));
    // The vault spans every power: a third of it from before Edge of Fate (power 10, no tier),
    // the rest anywhere from the floor to the character's power.
    const gear = prng.chance(0.3)
      ? LEGACY_GEAR
      : rollNewGear(prng, clampPower(prng.int(10, basePower + 10)), [0, 0]);
    add(
      rollInstance(ctx, meta, vault(), {
        ...gear,
        locked: meta.rarity >= 5 && prng.chance(0.3),
        masterwork: meta.rarity >= 5 && prng.chance(0.2),
      }),
    );
  }
}

/** Account-wide consumables and mods, plus the currencies (103). */
export function fillAccountBuckets(
  ctx: GenContext,
  profile: DestinyProfile,
  richness: number,
): void {
  const { prng, pools } = ctx;
  for (const meta of [...pools.consumables, ...pools.materials]) {
    if (!prng.chance(0.8)) continue;
    const quantity = Math.max(
      1,
      Math.min(meta.maxStackSize, Math.round(prng.int(3, 400) * richness)),
    );
    addItem(profile, stack(meta, quantity, { kind: "profile" }));
  }
  for (const meta of pools.mods) {
    if (!prng.chance(0.7)) continue;
    addItem(profile, stack(meta, prng.int(1, 5), { kind: "profile" }));
  }
  const currency = (hash: number, quantity: number) => {
    const meta = pools.currencies.get(hash);
    if (meta)
      addItem(
        profile,
        stack(meta, Math.min(meta.maxStackSize, Math.round(quantity)), { kind: "currency" }),
      );
  };
  currency(CurrencyHashes.Glimmer, 40_000 + prng.int(0, 200_000) * richness);
  currency(CurrencyHashes.BrightDust, 500 + prng.int(0, 20_000) * richness);
  currency(CurrencyHashes.Silver, prng.int(0, 2_000) * richness);
}
