// Rolling item instances: power, stats, plugs, lock and masterwork state. Pure functions of
// a seeded generator, so the same seed always yields the same gear.
import { ARMOR_BUCKETS, BucketHashes, WEAPON_BUCKETS } from "../../lib/destiny/buckets";
import { ItemState } from "../../lib/destiny/game-facts";
import type { ItemMeta, ManifestDefinitions } from "./definitions";
import type { Prng } from "./prng";
import type { ItemPlace, WorldItem } from "./types";

/** Instance ids: Bungie's look like 6917529xxxxxxxxxxxx (19 digits). */
export function createIdSequence(seed: number, profileIndex: number, prng: Prng): () => string {
  let next =
    6_917_529_000_000_000_000n +
    BigInt((seed % 90) + 10) * 10_000_000_000n +
    BigInt(profileIndex) * 10_000_000n +
    BigInt(prng.int(1, 9999));
  return () => {
    next += BigInt(prng.int(1, 997));
    return next.toString();
  };
}

export interface RollOptions {
  power: number;
  /** Edge of Fate's gear tier (1-5); absent on gear from before it and on non-gear. */
  gearTier?: number;
  locked?: boolean;
  masterwork?: boolean;
}

export interface GenContext {
  prng: Prng;
  nextId: () => string;
  defs: ManifestDefinitions;
  pools: ItemPools;
}

/** Create an instanced item with rolled power, stats and plugs. */
export function rollInstance(
  ctx: Pick<GenContext, "prng" | "nextId">,
  meta: ItemMeta,
  place: ItemPlace,
  options: RollOptions,
): WorldItem {
  const { prng } = ctx;
  const masterwork = options.masterwork ?? false;
  let state = ItemState.None;
  if (options.locked) state |= ItemState.Locked;
  if (masterwork) state |= ItemState.Masterwork;
  const isGear = meta.kind === "weapon" || meta.kind === "armor";
  const plugs = meta.socketOptions.map((options, socketIndex) => {
    // A subclass starts in each socket's initial plug (distinct aspects and fragments).
    if (meta.kind === "subclass") return options[0] ?? 0;
    const last = socketIndex === meta.socketOptions.length - 1;
    // The last socket is the masterwork socket: empty (index 0) unless masterworked.
    if (last && isGear)
      return masterwork
        ? (options[1 + prng.int(0, Math.max(0, options.length - 2))] ?? 0)
        : (options[0] ?? 0);
    return prng.pick(options);
  });
  const stats: Record<number, number> = {};
  if (meta.kind === "weapon") {
    for (const [hash, value] of Object.entries(meta.baseStats)) {
      const h = Number(hash);
      if (h === meta.primaryStatHash) continue;
      // RPM and magazine are fixed by the frame; the rest move with barrel/magazine picks.
      stats[h] =
        value >= 100 || value <= 1
          ? value
          : Math.min(100, Math.max(0, value + prng.int(-8, 8) + (masterwork ? 3 : 0)));
    }
  } else if (meta.kind === "armor") {
    for (const hash of Object.keys(meta.baseStats)) {
      const h = Number(hash);
      if (h === meta.primaryStatHash) continue;
      stats[h] = prng.int(2, 24) + (masterwork ? 2 : 0);
    }
  }
  return {
    itemHash: meta.hash,
    itemInstanceId: ctx.nextId(),
    quantity: 1,
    place,
    state,
    power: isGear ? options.power : undefined,
    gearTier: isGear ? options.gearTier : undefined,
    stats: isGear ? stats : undefined,
    plugs: plugs.length > 0 ? plugs : undefined,
  };
}

export function stack(meta: ItemMeta, quantity: number, place: ItemPlace): WorldItem {
  return { itemHash: meta.hash, quantity, place, state: ItemState.None };
}

/** The catalogue grouped the way generation asks for it. */
export interface ItemPools {
  weaponsByBucket: Map<number, { exotic: ItemMeta[]; legendary: ItemMeta[]; lesser: ItemMeta[] }>;
  /** armour by `${classType}:${bucketHash}` */
  armorByClassBucket: Map<
    string,
    { exotic: ItemMeta[]; legendary: ItemMeta[]; lesser: ItemMeta[] }
  >;
  gearByBucket: Map<number, ItemMeta[]>;
  subclassesByClass: Map<number, ItemMeta[]>;
  consumables: ItemMeta[];
  materials: ItemMeta[];
  mods: ItemMeta[];
  currencies: Map<number, ItemMeta>;
}

export function buildPools(defs: ManifestDefinitions): ItemPools {
  const weaponsByBucket: ItemPools["weaponsByBucket"] = new Map();
  for (const bucket of WEAPON_BUCKETS)
    weaponsByBucket.set(bucket, { exotic: [], legendary: [], lesser: [] });
  const armorByClassBucket: ItemPools["armorByClassBucket"] = new Map();
  for (const classType of [0, 1, 2]) {
    for (const bucket of ARMOR_BUCKETS)
      armorByClassBucket.set(`${classType}:${bucket}`, { exotic: [], legendary: [], lesser: [] });
  }
  const pools: ItemPools = {
    weaponsByBucket,
    armorByClassBucket,
    gearByBucket: new Map([
      [BucketHashes.Ghost, []],
      [BucketHashes.Ships, []],
      [BucketHashes.Vehicle, []],
      [BucketHashes.Emblems, []],
    ]),
    subclassesByClass: new Map([
      [0, []],
      [1, []],
      [2, []],
    ]),
    consumables: [],
    materials: [],
    mods: [],
    currencies: new Map(),
  };
  const rarityGroup = (m: ItemMeta) =>
    m.rarity === 6 ? "exotic" : m.rarity === 5 ? "legendary" : "lesser";
  for (const m of defs.meta.values()) {
    // Hostile-named items are handed out by a control only (world/hostile-names.ts).
    if (m.hostile) continue;
    // New this season: only vendors sell them, so no generated profile holds one.
    if (m.newThisSeason) continue;
    switch (m.kind) {
      case "weapon":
        weaponsByBucket.get(m.bucketHash)?.[rarityGroup(m)].push(m);
        break;
      case "armor":
        armorByClassBucket.get(`${m.classType}:${m.bucketHash}`)?.[rarityGroup(m)].push(m);
        break;
      case "ghost":
      case "ship":
      case "vehicle":
      case "emblem":
        pools.gearByBucket.get(m.bucketHash)?.push(m);
        break;
      case "subclass":
        pools.subclassesByClass.get(m.classType)?.push(m);
        break;
      case "consumable":
        pools.consumables.push(m);
        break;
      case "material":
        pools.materials.push(m);
        break;
      case "mod":
        pools.mods.push(m);
        break;
      case "currency":
        pools.currencies.set(m.hash, m);
        break;
      default:
        break;
    }
  }
  return pools;
}

/** A weapon for a bucket: mostly legendary, some exotic, a few blues/greens/whites. */
export function pickWeapon(
  ctx: GenContext,
  bucketHash: number,
  rarity?: "exotic" | "legendary" | "lesser",
): ItemMeta {
  const group = ctx.pools.weaponsByBucket.get(bucketHash);
  if (!group) throw new Error(`no weapons for bucket ${bucketHash}`);
  const roll = ctx.prng.next();
  const chosen = rarity ?? (roll < 0.14 ? "exotic" : roll < 0.9 ? "legendary" : "lesser");
  return ctx.prng.pick(group[chosen]);
}

export function pickArmor(
  ctx: GenContext,
  classType: number,
  bucketHash: number,
  rarity?: "exotic" | "legendary" | "lesser",
): ItemMeta {
  const group = ctx.pools.armorByClassBucket.get(`${classType}:${bucketHash}`);
  if (!group) throw new Error(`no armor for ${classType}:${bucketHash}`);
  const roll = ctx.prng.next();
  let chosen = rarity ?? (roll < 0.12 ? "exotic" : roll < 0.9 ? "legendary" : "lesser");
  // Not every slot has an exotic for every class.
  if (group[chosen].length === 0) chosen = "legendary";
  return ctx.prng.pick(group[chosen]);
}
