// Weapons: every frame kind in every slot, rarity and element, with stats varied a little per
// weapon and six sockets (intrinsic, barrel, magazine, two traits, masterwork).
import { StatHashes, ItemType, RARITY_NAMES } from "../../../../lib/destiny/game-facts";
import { BucketHashes } from "../../../../lib/destiny/buckets";
import {
  BASIC_WEAPONS,
  COMMON_WEAPONS,
  EXOTIC_WEAPONS,
  LEGENDARY_WEAPONS,
  RARE_WEAPONS,
  type WeaponKind,
  type WeaponRow,
} from "../../catalog";
import { createPrng } from "../../prng";
import { iconPath } from "../common";
import { ItemCategoryHashes } from "../static-tables";
import {
  ELEMENT_DAMAGE,
  equippingBlock,
  inventoryBlock,
  type ItemTableBuilder,
  socketEntry,
} from "./builder";
import type { SocketPlugs } from "./plugs";
import { UNIQUE_LABELS } from "./types";

/** itemSubType, display name, category hash, base stats [impact, range, stability, handling, reload, rpm, magazine]. */
const WEAPON_KINDS: Record<
  WeaponKind,
  readonly [
    number,
    string,
    number,
    readonly [number, number, number, number, number, number, number],
  ]
> = {
  AutoRifle: [6, "Auto Rifle", ItemCategoryHashes.AutoRifle, [29, 45, 52, 55, 50, 600, 42]],
  HandCannon: [9, "Hand Cannon", ItemCategoryHashes.HandCannon, [84, 46, 40, 45, 45, 140, 12]],
  PulseRifle: [13, "Pulse Rifle", ItemCategoryHashes.PulseRifle, [33, 43, 48, 50, 50, 340, 30]],
  ScoutRifle: [14, "Scout Rifle", ItemCategoryHashes.ScoutRifle, [55, 60, 45, 45, 40, 200, 17]],
  Sidearm: [17, "Sidearm", ItemCategoryHashes.Sidearm, [41, 30, 50, 60, 55, 360, 17]],
  SubmachineGun: [
    24,
    "Submachine Gun",
    ItemCategoryHashes.SubmachineGuns,
    [14, 25, 45, 60, 50, 900, 33],
  ],
  Bow: [31, "Combat Bow", ItemCategoryHashes.Bows, [60, 50, 45, 50, 40, 72, 1]],
  Shotgun: [7, "Shotgun", ItemCategoryHashes.Shotgun, [70, 35, 40, 50, 40, 65, 5]],
  SniperRifle: [12, "Sniper Rifle", ItemCategoryHashes.SniperRifle, [70, 60, 40, 40, 40, 90, 4]],
  FusionRifle: [11, "Fusion Rifle", ItemCategoryHashes.FusionRifle, [60, 45, 40, 50, 40, 460, 6]],
  TraceRifle: [25, "Trace Rifle", ItemCategoryHashes.TraceRifles, [15, 40, 50, 50, 60, 1000, 60]],
  Glaive: [33, "Glaive", ItemCategoryHashes.Glaives, [60, 40, 40, 50, 45, 55, 5]],
  GrenadeLauncher: [
    23,
    "Grenade Launcher",
    ItemCategoryHashes.GrenadeLaunchers,
    [70, 0, 45, 50, 50, 90, 1],
  ],
  RocketLauncher: [
    10,
    "Rocket Launcher",
    ItemCategoryHashes.RocketLauncher,
    [95, 0, 30, 40, 40, 15, 1],
  ],
  MachineGun: [8, "Machine Gun", ItemCategoryHashes.MachineGun, [20, 40, 40, 35, 30, 450, 80]],
  Sword: [18, "Sword", ItemCategoryHashes.Sword, [70, 0, 0, 50, 0, 0, 0]],
  LinearFusionRifle: [
    22,
    "Linear Fusion Rifle",
    ItemCategoryHashes.LinearFusionRifles,
    [80, 55, 40, 40, 40, 0, 6],
  ],
};
const PRIMARY_KINDS: ReadonlySet<WeaponKind> = new Set([
  "AutoRifle",
  "HandCannon",
  "PulseRifle",
  "ScoutRifle",
  "Sidearm",
  "SubmachineGun",
  "Bow",
]);
const WEAPON_STAT_ORDER = [
  StatHashes.Impact,
  StatHashes.Range,
  StatHashes.Stability,
  StatHashes.Handling,
  StatHashes.ReloadSpeed,
  StatHashes.RoundsPerMinute,
  StatHashes.Magazine,
] as const;

const SLOT_BUCKET = {
  K: BucketHashes.KineticWeapons,
  E: BucketHashes.EnergyWeapons,
  P: BucketHashes.PowerWeapons,
} as const;
const SLOT_CATEGORY = {
  K: ItemCategoryHashes.KineticWeapon,
  E: ItemCategoryHashes.EnergyWeapon,
  P: ItemCategoryHashes.PowerWeapon,
} as const;

/** Builds one weapon (hash returned); `season` marks it new this season. */
export type WeaponMaker = (row: WeaponRow, rarity: number, season?: boolean) => number;

export function weaponMaker(b: ItemTableBuilder, plugs: SocketPlugs): WeaponMaker {
  const { socketTypes } = b;
  return (row, rarity, season = false) => {
    const [name, kind, slot, element, intrinsicName] = row;
    const [subType, typeName, kindCategory, statValues] = WEAPON_KINDS[kind];
    const hash = b.registry.allocate(`weapon:${name}`);
    const prng = createPrng(hash);
    const damage = ELEMENT_DAMAGE[element];
    const exotic = rarity === 6;
    const def = b.base(
      hash,
      name,
      exotic
        ? `"${intrinsicName}" defines this exotic.`
        : `A ${RARITY_NAMES[rarity]?.toLowerCase()} ${typeName.toLowerCase()}.`,
      iconPath("weapon", rarity, hash),
      ItemType.Weapon,
      typeName,
      rarity,
    );
    def.flavorText = exotic ? `"${name}. Every Guardian knows the name."` : "";
    def.screenshot = "";
    def.itemSubType = subType as 6;
    def.equippable = true;
    def.itemCategoryHashes = [ItemCategoryHashes.Weapon, SLOT_CATEGORY[slot], kindCategory];
    def.damageTypeHashes = [damage.hash];
    def.damageTypes = [damage.type as 1];
    def.defaultDamageType = damage.type as 1;
    def.defaultDamageTypeHash = damage.hash;
    def.inventory = inventoryBlock(SLOT_BUCKET[slot], rarity, 1, true);
    const baseStats: Record<number, number> = { [StatHashes.Attack]: 10 };
    const statBlock: Record<
      number,
      { statHash: number; value: number; minimum: number; maximum: number }
    > = {};
    WEAPON_STAT_ORDER.forEach((statHash, i) => {
      const raw = statValues[i] ?? 0;
      // Frames are fixed (RPM, magazine); everything else varies a little per weapon.
      const value = i >= 5 ? raw : Math.max(0, Math.min(100, raw + prng.int(-6, 6)));
      baseStats[statHash] = value;
      statBlock[statHash] = { statHash, value, minimum: 0, maximum: i >= 5 ? 9999 : 100 };
    });
    statBlock[StatHashes.Attack] = {
      statHash: StatHashes.Attack,
      value: 10,
      minimum: 0,
      maximum: 2020,
    };
    def.stats = {
      disablePrimaryStatDisplay: false,
      stats: statBlock,
      hasDisplayableStats: true,
      primaryBaseStatHash: StatHashes.Attack,
    };
    def.equippingBlock = equippingBlock(
      SLOT_BUCKET[slot],
      exotic ? UNIQUE_LABELS.exoticWeapon : "",
      slot === "P" ? 3 : PRIMARY_KINDS.has(kind) ? 1 : 2,
    );

    // Sockets: intrinsic, barrel, magazine, two traits, masterwork.
    const intrinsic = exotic
      ? [
          b.plug(
            `exotic:${name}`,
            intrinsicName ?? name,
            `${name}'s exotic perk.`,
            "Intrinsic",
            "intrinsics",
            true,
          ),
        ]
      : [prng.pick(plugs.frames)];
    const pickSome = (pool: number[], n: number) => prng.shuffle(pool).slice(0, n);
    const socketOptions = [
      intrinsic,
      pickSome(plugs.barrels, 4),
      pickSome(plugs.magazines, 4),
      pickSome(plugs.traits, 4),
      pickSome(plugs.traits, 4),
      [plugs.emptyWeaponMasterwork, ...plugs.weaponMasterworks],
    ];
    const typesBySocket = [
      socketTypes.intrinsic,
      socketTypes.barrel,
      socketTypes.magazine,
      socketTypes.trait,
      socketTypes.trait,
      socketTypes.masterwork,
    ];
    def.sockets = {
      detail: "",
      socketEntries: socketOptions.map((options, i) => socketEntry(typesBySocket[i] ?? 0, options)),
      intrinsicSockets: [],
      socketCategories: [
        { socketCategoryHash: 3956125808, socketIndexes: [0] },
        { socketCategoryHash: 4241085061, socketIndexes: [1, 2, 3, 4] },
        { socketCategoryHash: 2685412949, socketIndexes: [5] },
      ],
    };
    b.add(def, {
      kind: "weapon",
      bucketHash: SLOT_BUCKET[slot],
      rarity,
      classType: 3,
      exotic,
      instanced: true,
      maxStackSize: 1,
      nonTransferrable: false,
      damageType: damage.type,
      damageTypeHash: damage.hash,
      uniqueLabel: exotic ? UNIQUE_LABELS.exoticWeapon : undefined,
      socketOptions,
      baseStats,
      primaryStatHash: StatHashes.Attack,
      ...(season ? { newThisSeason: true } : {}),
    });
    return hash;
  };
}

/** The catalogue's weapons, exotic down to basic. */
export function buildWeapons(weapon: WeaponMaker): void {
  for (const row of EXOTIC_WEAPONS) weapon(row, 6);
  for (const row of LEGENDARY_WEAPONS) weapon(row, 5);
  for (const row of RARE_WEAPONS) weapon(row, 4);
  for (const row of COMMON_WEAPONS) weapon(row, 3);
  for (const row of BASIC_WEAPONS) weapon(row, 2);
}
