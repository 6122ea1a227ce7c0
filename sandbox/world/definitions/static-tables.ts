// The small definition tables: buckets, classes, races, genders, stats, damage types, item
// categories, socket types/categories and activities. Real hashes throughout where the real
// manifest's are known (lib/destiny), so recorded real profiles resolve against them.
import type {
  DestinyActivityDefinition,
  DestinyClassDefinition,
  DestinyDamageTypeDefinition,
  DestinyGenderDefinition,
  DestinyInventoryBucketDefinition,
  DestinyItemCategoryDefinition,
  DestinyRaceDefinition,
  DestinySocketCategoryDefinition,
  DestinySocketTypeDefinition,
  DestinyStatDefinition,
} from "bungie-api-ts/destiny2";
import { BucketHashes } from "../../../lib/destiny/buckets";
import {
  ClassHashes,
  DamageTypeHashes,
  GenderHashes,
  RaceHashes,
  StatHashes,
} from "../../../lib/destiny/game-facts";
import { displayProperties, HashRegistry, iconPath } from "./common";

export type BucketDefinition = DestinyInventoryBucketDefinition;
export type ClassDefinition = DestinyClassDefinition;
export type RaceDefinition = DestinyRaceDefinition;
export type GenderDefinition = DestinyGenderDefinition;
export type StatDefinition = DestinyStatDefinition;
export type DamageTypeDefinition = DestinyDamageTypeDefinition;
export type ItemCategoryDefinition = Pick<
  DestinyItemCategoryDefinition,
  | "displayProperties"
  | "visible"
  | "deprecated"
  | "shortTitle"
  | "itemTypeRegex"
  | "grantDestinyItemType"
  | "grantDestinySubType"
  | "grantDestinyClass"
  | "groupedCategoryHashes"
  | "parentCategoryHashes"
  | "groupCategoryOnly"
  | "hash"
  | "index"
  | "redacted"
>;
export type SocketCategoryDefinition = DestinySocketCategoryDefinition;
export type SocketTypeDefinition = Pick<
  DestinySocketTypeDefinition,
  | "displayProperties"
  | "plugWhitelist"
  | "socketCategoryHash"
  | "visibility"
  | "alwaysRandomizeSockets"
  | "isPreviewEnabled"
  | "hideDuplicateReusablePlugs"
  | "overridesUiAppearance"
  | "avoidDuplicatesOnInitialization"
  | "currencyScalars"
  | "hash"
  | "index"
  | "redacted"
>;
export type ActivityDefinition = Pick<
  DestinyActivityDefinition,
  | "displayProperties"
  | "originalDisplayProperties"
  | "selectionScreenDisplayProperties"
  | "releaseIcon"
  | "releaseTime"
  | "activityLightLevel"
  | "destinationHash"
  | "placeHash"
  | "activityTypeHash"
  | "tier"
  | "pgcrImage"
  | "isPlaylist"
  | "activityModeHashes"
  | "activityModeTypes"
  | "isPvP"
  | "directActivityModeType"
  | "hash"
  | "index"
  | "redacted"
>;

/** Stats the sandbox uses, with Bungie's names. statCategory: 0 Gameplay, 1 Weapon, 2 Defense, 3 Primary. */
const STATS: readonly (readonly [keyof typeof StatHashes, string, string, number])[] = [
  ["Attack", "Attack", "The power of this weapon.", 3],
  ["Defense", "Defense", "The power of this armor.", 3],
  ["Power", "Power", "Your Guardian's overall Power.", 3],
  ["Impact", "Impact", "Increases the damage inflicted by each round.", 1],
  ["Range", "Range", "Increases the effective range of this weapon.", 1],
  ["Stability", "Stability", "How much or little recoil you will experience.", 1],
  ["Handling", "Handling", "The speed with which the weapon can be readied and aimed.", 1],
  ["ReloadSpeed", "Reload Speed", "The time it takes to reload this weapon.", 1],
  ["RoundsPerMinute", "Rounds Per Minute", "The number of shots per minute.", 1],
  ["Magazine", "Magazine", "The number of shots between reloads.", 1],
  ["Health", "Health", "Shield recharge and health from orbs.", 2],
  ["Melee", "Melee", "Melee recharge rate and melee damage.", 2],
  ["Grenade", "Grenade", "Grenade recharge rate and grenade damage.", 2],
  ["Super", "Super", "Super recharge rate and super damage.", 2],
  ["Class", "Class", "Class ability recharge rate.", 2],
  ["Weapons", "Weapons", "Weapon handling, reload and damage.", 2],
];

/** [key, name, description, category, order, itemCount, location, scope] */
type BucketRow = readonly [
  keyof typeof BucketHashes,
  string,
  string,
  number,
  number,
  number,
  number,
  number,
];
const BUCKETS: readonly BucketRow[] = [
  ["Subclass", "Subclass", "Your Guardian's subclass.", 3, 10, 12, 1, 0],
  ["KineticWeapons", "Kinetic Weapons", "Kinetic, Stasis and Strand weapons.", 3, 20, 10, 1, 0],
  ["EnergyWeapons", "Energy Weapons", "Arc, Solar and Void weapons.", 3, 30, 10, 1, 0],
  ["PowerWeapons", "Power Weapons", "Heavy weapons.", 3, 40, 10, 1, 0],
  ["Helmet", "Helmet", "", 3, 50, 10, 1, 0],
  ["Gauntlets", "Gauntlets", "", 3, 60, 10, 1, 0],
  ["ChestArmor", "Chest Armor", "", 3, 70, 10, 1, 0],
  ["LegArmor", "Leg Armor", "", 3, 80, 10, 1, 0],
  ["ClassArmor", "Class Armor", "", 3, 90, 10, 1, 0],
  ["Ghost", "Ghost", "", 3, 100, 10, 1, 0],
  ["Vehicle", "Vehicle", "Sparrows.", 3, 110, 10, 1, 0],
  ["Ships", "Ships", "", 3, 120, 10, 1, 0],
  ["Emblems", "Emblems", "", 3, 130, 10, 1, 0],
  ["Engrams", "Engrams", "Decrypt engrams at the Cryptarch.", 1, 140, 10, 1, 0],
  ["LostItems", "Lost Items", "Items waiting at the Postmaster.", 1, 150, 21, 4, 0],
  ["Consumables", "Consumables", "Shared across your characters.", 1, 160, 50, 1, 1],
  ["Modifications", "Modifications", "Shared across your characters.", 1, 170, 50, 1, 1],
  ["Materials", "Materials", "", 1, 180, 50, 1, 1],
  ["General", "General", "The Vault.", 1, 200, 700, 2, 1],
];

/** Currency buckets: not in lib/destiny because only the sandbox needs them. */
export const CurrencyBucketHashes = {
  Glimmer: 2689798308,
  Silver: 2689798310,
  BrightDust: 2689798311,
} as const;

export const ItemCategoryHashes = {
  Weapon: 1,
  KineticWeapon: 2,
  EnergyWeapon: 3,
  PowerWeapon: 4,
  AutoRifle: 5,
  HandCannon: 6,
  PulseRifle: 7,
  ScoutRifle: 8,
  FusionRifle: 9,
  SniperRifle: 10,
  Shotgun: 11,
  MachineGun: 12,
  RocketLauncher: 13,
  Sidearm: 14,
  Emblems: 19,
  Armor: 20,
  Warlock: 21,
  Titan: 22,
  Hunter: 23,
  Consumables: 35,
  Ghost: 39,
  Materials: 40,
  Ships: 42,
  Sparrows: 43,
  Helmets: 45,
  Arms: 46,
  Chest: 47,
  Legs: 48,
  ClassItems: 49,
  Subclasses: 50,
  Sword: 54,
  Mods: 59,
  Currencies: 18,
  GrenadeLaunchers: 153950757,
  SubmachineGuns: 3954685534,
  TraceRifles: 2489664120,
  Bows: 3317538576,
  Glaives: 3871742104,
  LinearFusionRifles: 1504945536,
  WeaponMods: 610365472,
  ArmorMods: 4104513227,
} as const;

/** Socket categories (real hashes from d2-additional-info SocketCategoryHashes). */
export const SocketCategoryHashes = {
  IntrinsicTraits: 3956125808,
  WeaponPerks: 4241085061,
  WeaponMods: 2685412949,
  ArmorMods: 590099826,
  ArmorPerks: 3154740035,
  // A subclass's sockets (the Light subclasses' categories; Prismatic and the Darkness ones have
  // their own in the real manifest).
  Super: 457473665,
  Abilities: 309722977,
  Aspects: 2140934067,
  Fragments: 1313488945,
} as const;

export interface StaticTables {
  DestinyInventoryBucketDefinition: Record<string, BucketDefinition>;
  DestinyClassDefinition: Record<string, ClassDefinition>;
  DestinyRaceDefinition: Record<string, RaceDefinition>;
  DestinyGenderDefinition: Record<string, GenderDefinition>;
  DestinyStatDefinition: Record<string, StatDefinition>;
  DestinyDamageTypeDefinition: Record<string, DamageTypeDefinition>;
  DestinyItemCategoryDefinition: Record<string, ItemCategoryDefinition>;
  DestinySocketCategoryDefinition: Record<string, SocketCategoryDefinition>;
  DestinySocketTypeDefinition: Record<string, SocketTypeDefinition>;
  DestinyActivityDefinition: Record<string, ActivityDefinition>;
}

/** Socket types the item builder uses, keyed by role. */
export interface SocketTypeHashes {
  intrinsic: number;
  barrel: number;
  magazine: number;
  trait: number;
  masterwork: number;
  armorMod: number;
  armorIntrinsic: number;
  super: number;
  classAbility: number;
  movement: number;
  melee: number;
  grenade: number;
  aspect: number;
  fragment: number;
}

/** Activity hashes the world refers to (orbit, the Tower, a strike, a raid, Crucible). */
export interface ActivityHashes {
  orbit: number;
  tower: number;
  strike: number;
  raid: number;
  crucible: number;
  patrol: number;
}

function keyed<T extends { hash: number }>(rows: T[]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const row of rows) out[String(row.hash)] = row;
  return out;
}

export function buildStaticTables(registry: HashRegistry): {
  tables: StaticTables;
  socketTypes: SocketTypeHashes;
  activities: ActivityHashes;
} {
  const buckets = keyed(
    BUCKETS.map(([key, name, description, category, order, count, location, scope], index) => ({
      displayProperties: displayProperties(name, description, null),
      scope,
      category,
      bucketOrder: order,
      itemCount: count,
      location,
      hasTransferDestination: key !== "Subclass" && key !== "LostItems",
      enabled: true,
      fifo: key === "LostItems",
      hash: registry.reserve(BucketHashes[key]),
      index,
      redacted: false,
    })),
  );
  for (const [name, hash] of Object.entries(CurrencyBucketHashes)) {
    buckets[String(hash)] = {
      displayProperties: displayProperties(name.replace(/([a-z])([A-Z])/g, "$1 $2"), "", null),
      scope: 1,
      category: 2,
      bucketOrder: 0,
      itemCount: 1,
      location: 1,
      hasTransferDestination: false,
      enabled: true,
      fifo: false,
      hash: registry.reserve(hash),
      index: Object.keys(buckets).length,
      redacted: false,
    };
  }

  const classNames = ["Titan", "Hunter", "Warlock"] as const;
  const classes = keyed(
    classNames.map((name, classType) => ({
      classType: classType as 0 | 1 | 2,
      displayProperties: displayProperties(name, "", null),
      // Enum-keyed by name in the real manifest; bungie-api-ts types the keys as numbers.
      genderedClassNames: {
        Male: name,
        Female: name,
      } as unknown as ClassDefinition["genderedClassNames"],
      genderedClassNamesByGenderHash: {
        [GenderHashes.Male]: name,
        [GenderHashes.Female]: name,
      },
      hash: registry.reserve(ClassHashes[name]),
      index: classType,
      redacted: false,
    })),
  );

  const raceNames = ["Human", "Awoken", "Exo"] as const;
  const races = keyed(
    raceNames.map((name, raceType) => ({
      displayProperties: displayProperties(name, "", null),
      raceType: raceType as 0 | 1 | 2,
      genderedRaceNames: {
        Male: name,
        Female: name,
      } as unknown as RaceDefinition["genderedRaceNames"],
      genderedRaceNamesByGenderHash: {
        [GenderHashes.Male]: name,
        [GenderHashes.Female]: name,
      },
      hash: registry.reserve(RaceHashes[name]),
      index: raceType,
      redacted: false,
    })),
  );

  const genders = keyed(
    (["Male", "Female"] as const).map((name, genderType) => ({
      genderType: genderType as 0 | 1,
      displayProperties: displayProperties(name, "", null),
      hash: registry.reserve(GenderHashes[name]),
      index: genderType,
      redacted: false,
    })),
  );

  const stats = keyed(
    STATS.map(([key, name, description, statCategory], index) => ({
      displayProperties: displayProperties(name, description, null),
      aggregationType: 0 as const,
      hasComputedBlock: false,
      statCategory: statCategory as 0 | 1 | 2 | 3,
      hash: registry.reserve(StatHashes[key]),
      index,
      redacted: false,
    })),
  );

  const damageRows: readonly (readonly [keyof typeof DamageTypeHashes, number, string])[] = [
    ["Kinetic", 1, "Kinetic"],
    ["Arc", 2, "Arc"],
    ["Solar", 3, "Solar"],
    ["Void", 4, "Void"],
    ["Stasis", 6, "Stasis"],
    ["Strand", 7, "Strand"],
  ];
  const damageTypes = keyed(
    damageRows.map(([key, enumValue, name], index) => ({
      displayProperties: displayProperties(
        name,
        `${name} damage.`,
        iconPath("damage", 0, key.toLowerCase()),
      ),
      transparentIconPath: iconPath("damage", 0, key.toLowerCase()),
      showIcon: key !== "Kinetic",
      enumValue: enumValue as 1 | 2 | 3 | 4 | 6 | 7,
      color: { red: 200, green: 200, blue: 200, alpha: 255 },
      hash: registry.reserve(DamageTypeHashes[key]),
      index,
      redacted: false,
    })),
  );

  const categories = keyed(
    Object.entries(ItemCategoryHashes).map(([key, hash], index) => ({
      displayProperties: displayProperties(key.replace(/([a-z])([A-Z])/g, "$1 $2"), "", null),
      visible: true,
      deprecated: false,
      shortTitle: key,
      itemTypeRegex: "",
      grantDestinyItemType: 0 as const,
      grantDestinySubType: 0 as const,
      grantDestinyClass: 3 as const,
      groupedCategoryHashes: [],
      parentCategoryHashes: [],
      groupCategoryOnly: false,
      hash: registry.reserve(hash),
      index,
      redacted: false,
    })),
  );

  const socketCategories = keyed(
    (
      [
        ["IntrinsicTraits", "Intrinsic Traits", 1],
        ["WeaponPerks", "Weapon Perks", 1],
        ["WeaponMods", "Weapon Mods", 2],
        ["ArmorMods", "Armor Mods", 2],
        ["ArmorPerks", "Armor Perks", 1],
        ["Super", "Super", 1],
        ["Abilities", "Abilities", 1],
        ["Aspects", "Aspects", 1],
        ["Fragments", "Fragments", 1],
      ] as const
    ).map(([key, name, style], index) => ({
      displayProperties: displayProperties(name, "", null),
      uiCategoryStyle: 0,
      categoryStyle: style,
      hash: registry.reserve(SocketCategoryHashes[key]),
      index,
      redacted: false,
    })),
  );

  const socketTypeRows: readonly (readonly [keyof SocketTypeHashes, string, number])[] = [
    ["intrinsic", "Intrinsic", SocketCategoryHashes.IntrinsicTraits],
    ["barrel", "Barrel", SocketCategoryHashes.WeaponPerks],
    ["magazine", "Magazine", SocketCategoryHashes.WeaponPerks],
    ["trait", "Trait", SocketCategoryHashes.WeaponPerks],
    ["masterwork", "Masterwork", SocketCategoryHashes.WeaponMods],
    ["armorMod", "Armor Mod", SocketCategoryHashes.ArmorMods],
    ["armorIntrinsic", "Exotic Perk", SocketCategoryHashes.ArmorPerks],
    ["super", "Super", SocketCategoryHashes.Super],
    ["classAbility", "Class Ability", SocketCategoryHashes.Abilities],
    ["movement", "Movement", SocketCategoryHashes.Abilities],
    ["melee", "Melee", SocketCategoryHashes.Abilities],
    ["grenade", "Grenade", SocketCategoryHashes.Abilities],
    ["aspect", "Aspect", SocketCategoryHashes.Aspects],
    ["fragment", "Fragment", SocketCategoryHashes.Fragments],
  ];
  const socketTypeHashes = {} as SocketTypeHashes;
  const socketTypes = keyed(
    socketTypeRows.map(([role, name, categoryHash], index) => {
      const hash = registry.allocate(`socket-type:${role}`);
      socketTypeHashes[role] = hash;
      return {
        displayProperties: displayProperties(name, "", null),
        plugWhitelist: [],
        socketCategoryHash: categoryHash,
        visibility: 0 as const,
        alwaysRandomizeSockets: false,
        isPreviewEnabled: true,
        hideDuplicateReusablePlugs: false,
        overridesUiAppearance: false,
        avoidDuplicatesOnInitialization: false,
        currencyScalars: [],
        hash,
        index,
        redacted: false,
      };
    }),
  );

  // activityModeTypes: Social 40, Patrol 6, Strike 3, Raid 4, AllPvP 5.
  const activityRows: readonly (readonly [
    keyof ActivityHashes,
    string,
    string,
    number,
    number,
    boolean,
  ])[] = [
    ["orbit", "Orbit", "In orbit above a destination.", 0, 0, false],
    ["tower", "The Tower", "The Last City's social space.", 40, 0, false],
    ["strike", "The Glassway", "Europa. Strike.", 3, 350, false],
    ["raid", "Vault of Glass", "Venus. Raid.", 4, 530, false],
    ["crucible", "Control", "Crucible. Capture zones.", 10, 0, true],
    ["patrol", "EDZ Patrol", "The European Dead Zone.", 6, 200, false],
  ];
  const activityHashes = {} as ActivityHashes;
  const activities = keyed(
    activityRows.map(([key, name, description, mode, light, isPvP], index) => {
      const hash = registry.allocate(`activity:${key}`);
      activityHashes[key] = hash;
      const props = displayProperties(name, description, iconPath("activity", 0, key));
      return {
        displayProperties: props,
        originalDisplayProperties: props,
        selectionScreenDisplayProperties: props,
        releaseIcon: "",
        releaseTime: 0,
        activityLightLevel: light,
        destinationHash: 0,
        placeHash: 0,
        activityTypeHash: 0,
        tier: 0,
        pgcrImage: "",
        isPlaylist: false,
        activityModeHashes: [],
        activityModeTypes: mode === 0 ? [] : [mode as 3],
        directActivityModeType: mode as 3,
        isPvP,
        hash,
        index,
        redacted: false,
      };
    }),
  );

  return {
    tables: {
      DestinyInventoryBucketDefinition: buckets,
      DestinyClassDefinition: classes,
      DestinyRaceDefinition: races,
      DestinyGenderDefinition: genders,
      DestinyStatDefinition: stats,
      DestinyDamageTypeDefinition: damageTypes,
      DestinyItemCategoryDefinition: categories,
      DestinySocketCategoryDefinition: socketCategories,
      DestinySocketTypeDefinition: socketTypes,
      DestinyActivityDefinition: activities,
    },
    socketTypes: socketTypeHashes,
    activities: activityHashes,
  };
}
