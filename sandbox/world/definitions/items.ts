// DestinyInventoryItemDefinition for the sandbox: weapons, armour, gear, subclasses,
// consumables, mods, currencies and the perk plugs their sockets hold, plus the
// DestinySandboxPerkDefinition rows the perks component (302) points at.
//
// Alongside each definition the builder records an ItemMeta: the facts world generation
// and the game rules need, so they never have to re-derive them from the JSON.
import type {
  DestinyInventoryItemDefinition,
  DestinyItemPlugDefinition,
  DestinyItemSocketEntryDefinition,
  DestinySandboxPerkDefinition,
} from "bungie-api-ts/destiny2";
import { ARMOR_BUCKETS, BucketHashes } from "../../../lib/destiny/buckets";
import {
  CLASS_NAMES,
  CurrencyHashes,
  DamageType,
  DamageTypeHashes,
  ItemType,
  StatHashes,
  TIER_NAMES,
} from "../../../lib/destiny/game-facts";
import {
  ARMOR_PIECE_NAMES,
  BARRELS,
  BASIC_WEAPONS,
  COMMON_ARMOR_SETS,
  COMMON_WEAPONS,
  CONSUMABLES,
  type Element,
  EMBLEMS,
  EXOTIC_ARMOR,
  EXOTIC_WEAPONS,
  FRAMES,
  GHOSTS,
  LEGENDARY_ARMOR_SETS,
  LEGENDARY_WEAPONS,
  MAGAZINES,
  MODS,
  RARE_ARMOR_SETS,
  RARE_WEAPONS,
  SEASON_ARMOR_SETS,
  SEASON_WEAPONS,
  SHIPS,
  SPARROWS,
  SUBCLASSES,
  WEAPON_TRAITS,
  type WeaponKind,
  type WeaponRow,
} from "../catalog";
import { HOSTILE_WEAPONS } from "./hostile-names";
import { createPrng, fnv1a } from "../prng";
import { displayProperties, HashRegistry, iconPath, NO_COLOR } from "./common";
import { CurrencyBucketHashes, ItemCategoryHashes, type SocketTypeHashes } from "./static-tables";

type PlugBlock = Pick<
  DestinyItemPlugDefinition,
  | "plugCategoryIdentifier"
  | "plugCategoryHash"
  | "insertionRules"
  | "enabledRules"
  | "uiPlugLabel"
  | "plugStyle"
  | "plugAvailability"
  | "isDummyPlug"
>;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The fields the sandbox fills in, with Bungie's own types (mutable while being built). */
export type ItemDefinition = Mutable<
  Omit<
    Pick<
      DestinyInventoryItemDefinition,
      | "displayProperties"
      | "tooltipNotifications"
      | "iconWatermark"
      | "iconWatermarkShelved"
      | "secondaryIcon"
      | "secondaryOverlay"
      | "secondarySpecial"
      | "backgroundColor"
      | "isFeaturedItem"
      | "isHolofoil"
      | "isAdept"
      | "screenshot"
      | "itemTypeDisplayName"
      | "flavorText"
      | "uiItemDisplayStyle"
      | "itemTypeAndTierDisplayName"
      | "displaySource"
      | "tooltipStyle"
      | "inventory"
      | "stats"
      | "equippingBlock"
      | "sockets"
      | "investmentStats"
      | "perks"
      | "allowActions"
      | "doesPostmasterPullHaveSideEffects"
      | "nonTransferrable"
      | "itemCategoryHashes"
      | "specialItemType"
      | "itemType"
      | "itemSubType"
      | "classType"
      | "breakerType"
      | "equippable"
      | "damageTypeHashes"
      | "damageTypes"
      | "defaultDamageType"
      | "defaultDamageTypeHash"
      | "isWrapper"
      | "traitIds"
      | "traitHashes"
      | "collectibleHash"
      | "hash"
      | "index"
      | "redacted"
    >,
    "plug"
  >
> & { plug?: PlugBlock };

export type SandboxPerkDefinition = DestinySandboxPerkDefinition;

export type ItemKind =
  | "weapon"
  | "armor"
  | "ghost"
  | "ship"
  | "vehicle"
  | "emblem"
  | "subclass"
  | "consumable"
  | "material"
  | "mod"
  | "currency"
  | "plug";

export interface ItemMeta {
  hash: number;
  name: string;
  kind: ItemKind;
  /** The bucket the item lives in on a character (or the account bucket for stackables). */
  bucketHash: number;
  tier: number;
  classType: number;
  exotic: boolean;
  instanced: boolean;
  maxStackSize: number;
  nonTransferrable: boolean;
  damageType: number;
  damageTypeHash?: number;
  uniqueLabel?: string;
  /** Candidate plugs per socket; index 0 is the definition's initial plug. */
  socketOptions: number[][];
  /** Base values of the stats an instance shows (304). */
  baseStats: Record<number, number>;
  primaryStatHash?: number;
  /** A script-payload name (world/hostile-names.ts): never generated, never in a vendor pool. */
  hostile?: boolean;
  /** The item's Collections entry (DestinyCollectibleDefinition hash); gear only. */
  collectibleHash?: number;
  /** Sold by vendors but never dropped in the generated world (catalog's SEASON_*). */
  newThisSeason?: boolean;
  /** Sandbox perk hash per plug hash (perks component, 302). */
}

/**
 * The kinds with a Collections entry on Bungie (weapons, armour, ghosts, ships, sparrows,
 * emblems); consumables, mods, materials, currencies, subclasses and plugs have none.
 */
export const COLLECTIBLE_KINDS: ReadonlySet<ItemKind> = new Set([
  "weapon",
  "armor",
  "ghost",
  "ship",
  "vehicle",
  "emblem",
]);

export interface ItemTables {
  items: Record<string, ItemDefinition>;
  /** The hostile-named weapons, in HOSTILE_WEAPONS order. */
  hostileItemHashes: number[];
  perks: Record<string, SandboxPerkDefinition>;
  meta: Map<number, ItemMeta>;
  /** Sandbox perk shown for a plug, when the plug has one. */
  perkForPlug: Map<number, number>;
}

const TIER_TYPE_HASHES: Record<number, number> = {
  2: 3340296461,
  3: 2395677314,
  4: 2127292149,
  5: 4008398120,
  6: 2759499571,
};

const ELEMENT_DAMAGE: Record<Element, { type: number; hash: number }> = {
  Kinetic: { type: DamageType.Kinetic, hash: DamageTypeHashes.Kinetic },
  Arc: { type: DamageType.Arc, hash: DamageTypeHashes.Arc },
  Solar: { type: DamageType.Thermal, hash: DamageTypeHashes.Solar },
  Void: { type: DamageType.Void, hash: DamageTypeHashes.Void },
  Stasis: { type: DamageType.Stasis, hash: DamageTypeHashes.Stasis },
  Strand: { type: DamageType.Strand, hash: DamageTypeHashes.Strand },
};

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
const ARMOR_STATS = [
  StatHashes.Health,
  StatHashes.Melee,
  StatHashes.Grenade,
  StatHashes.Super,
  StatHashes.Class,
  StatHashes.Weapons,
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
const ARMOR_SLOT_NAMES = ["Helmet", "Gauntlets", "Chest Armor", "Leg Armor", "Class Item"];
const ARMOR_SLOT_CATEGORY = [
  ItemCategoryHashes.Helmets,
  ItemCategoryHashes.Arms,
  ItemCategoryHashes.Chest,
  ItemCategoryHashes.Legs,
  ItemCategoryHashes.ClassItems,
];
const CLASS_CATEGORY = [
  ItemCategoryHashes.Titan,
  ItemCategoryHashes.Hunter,
  ItemCategoryHashes.Warlock,
];
const ARMOR_SUBTYPES = [26, 27, 28, 29, 30];

export const UNIQUE_LABELS = {
  exoticWeapon: "exotic_weapon",
  exoticArmor: "exotic_armor",
} as const;

export function buildItemTables(registry: HashRegistry, socketTypes: SocketTypeHashes): ItemTables {
  const items: Record<string, ItemDefinition> = {};
  const perks: Record<string, SandboxPerkDefinition> = {};
  const meta = new Map<number, ItemMeta>();
  const perkForPlug = new Map<number, number>();
  let index = 0;

  function base(
    hash: number,
    name: string,
    description: string,
    icon: string,
    itemType: number,
    typeName: string,
    tier: number,
  ): ItemDefinition {
    return {
      displayProperties: displayProperties(name, description, icon),
      tooltipNotifications: [],
      iconWatermark: tier >= 5 ? iconPath("watermark", 0, "s25") : "",
      iconWatermarkShelved: "",
      secondaryIcon: "",
      secondaryOverlay: "",
      secondarySpecial: "",
      backgroundColor: NO_COLOR,
      isFeaturedItem: false,
      isHolofoil: false,
      isAdept: false,
      screenshot: "",
      itemTypeDisplayName: typeName,
      flavorText: "",
      uiItemDisplayStyle: "",
      itemTypeAndTierDisplayName: tier > 0 ? `${TIER_NAMES[tier]} ${typeName}` : typeName,
      displaySource: "",
      tooltipStyle: "",
      investmentStats: [],
      perks: [],
      allowActions: true,
      doesPostmasterPullHaveSideEffects: false,
      nonTransferrable: false,
      itemCategoryHashes: [],
      specialItemType: 0,
      itemType: itemType as 0,
      itemSubType: 0,
      classType: 3,
      breakerType: 0,
      equippable: false,
      damageTypeHashes: [],
      damageTypes: [],
      defaultDamageType: 0,
      isWrapper: false,
      traitIds: [],
      traitHashes: [],
      hash,
      index: index++,
      redacted: false,
    };
  }

  function inventoryBlock(
    bucketHash: number,
    tier: number,
    maxStackSize: number,
    instanced: boolean,
  ) {
    return {
      stackUniqueLabel: "",
      maxStackSize,
      bucketTypeHash: bucketHash,
      recoveryBucketTypeHash: instanced ? BucketHashes.LostItems : 0,
      tierTypeHash: TIER_TYPE_HASHES[tier] ?? 0,
      isInstanceItem: instanced,
      tierTypeName: TIER_NAMES[tier] ?? "",
      tierType: tier as 5,
      expirationTooltip: "",
      expiredInActivityMessage: "",
      expiredInOrbitMessage: "",
      suppressExpirationWhenObjectivesComplete: true,
    };
  }

  function add(def: ItemDefinition, m: Omit<ItemMeta, "hash" | "name">) {
    items[String(def.hash)] = def;
    meta.set(def.hash, { hash: def.hash, name: def.displayProperties.name, ...m });
  }

  // --- Plugs (perks, barrels, magazines, frames, masterworks, mods) -------------------------
  function plug(
    key: string,
    name: string,
    description: string,
    typeName: string,
    category: string,
    withPerk: boolean,
  ): number {
    const hash = registry.allocate(`plug:${key}`);
    const def = base(hash, name, description, iconPath("perk", 0, hash), ItemType.Mod, typeName, 2);
    def.inventory = inventoryBlock(0, 2, 1, false);
    def.plug = {
      plugCategoryIdentifier: category,
      plugCategoryHash: fnv1a(category),
      insertionRules: [],
      enabledRules: [],
      uiPlugLabel: "",
      plugStyle: 0,
      plugAvailability: 0,
      isDummyPlug: false,
    };
    if (withPerk) {
      const perkHash = registry.allocate(`perk:${key}`);
      perks[String(perkHash)] = {
        displayProperties: displayProperties(name, description, iconPath("perk", 0, hash)),
        perkIdentifier: key,
        isDisplayable: true,
        damageType: 0,
        hash: perkHash,
        index: Object.keys(perks).length,
        redacted: false,
      };
      def.perks = [{ requirementDisplayString: "", perkHash, perkVisibility: 0 }];
      perkForPlug.set(hash, perkHash);
    }
    add(def, {
      kind: "plug",
      bucketHash: 0,
      tier: 2,
      classType: 3,
      exotic: false,
      instanced: false,
      maxStackSize: 1,
      nonTransferrable: true,
      damageType: 0,
      socketOptions: [],
      baseStats: {},
    });
    return hash;
  }

  const traitPlugs = WEAPON_TRAITS.map((name) =>
    plug(`trait:${name}`, name, `${name}: a weapon trait.`, "Trait", "frames", true),
  );
  const barrelPlugs = BARRELS.map((name) =>
    plug(`barrel:${name}`, name, `${name}: barrel.`, "Barrel", "barrels", false),
  );
  const magazinePlugs = MAGAZINES.map((name) =>
    plug(`magazine:${name}`, name, `${name}: magazine.`, "Magazine", "magazines", false),
  );
  const framePlugs = FRAMES.map((name) =>
    plug(`frame:${name}`, name, `${name}: intrinsic.`, "Intrinsic", "intrinsics", true),
  );
  const weaponMasterworks = ["Range", "Stability", "Handling", "Reload Speed"].map((stat) =>
    plug(
      `mw:${stat}`,
      `Masterworked: ${stat}`,
      `Increases ${stat}.`,
      "Masterwork",
      "v400.plugs.weapons.masterworks.stat",
      false,
    ),
  );
  const emptyWeaponMasterwork = plug(
    "mw:empty",
    "Empty Masterwork Socket",
    "",
    "Masterwork",
    "v400.plugs.weapons.masterworks.stat",
    false,
  );
  const armorMasterwork = plug(
    "mw:armor",
    "Masterworked Armor",
    "All stats +2.",
    "Masterwork",
    "v460.plugs.armor.masterworks",
    false,
  );
  const emptyArmorMasterwork = plug(
    "mw:armor-empty",
    "Empty Masterwork",
    "",
    "Masterwork",
    "v460.plugs.armor.masterworks",
    false,
  );
  const emptyModSocket = plug(
    "mod:empty",
    "Empty Mod Socket",
    "",
    "Armor Mod",
    "enhancements.v2_general",
    false,
  );

  // --- Weapons ------------------------------------------------------------------------------
  function weapon(row: WeaponRow, tier: number, season = false): number {
    const [name, kind, slot, element, intrinsicName] = row;
    const [subType, typeName, kindCategory, statValues] = WEAPON_KINDS[kind];
    const hash = registry.allocate(`weapon:${name}`);
    const prng = createPrng(hash);
    const damage = ELEMENT_DAMAGE[element];
    const exotic = tier === 6;
    const def = base(
      hash,
      name,
      exotic
        ? `"${intrinsicName}" defines this exotic.`
        : `A ${TIER_NAMES[tier]?.toLowerCase()} ${typeName.toLowerCase()}.`,
      iconPath("weapon", tier, hash),
      ItemType.Weapon,
      typeName,
      tier,
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
    def.inventory = inventoryBlock(SLOT_BUCKET[slot], tier, 1, true);
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
    def.equippingBlock = {
      uniqueLabel: exotic ? UNIQUE_LABELS.exoticWeapon : "",
      uniqueLabelHash: exotic ? fnv1a(UNIQUE_LABELS.exoticWeapon) : 0,
      equipmentSlotTypeHash: SLOT_BUCKET[slot],
      attributes: 0,
      ammoType: slot === "P" ? 3 : PRIMARY_KINDS.has(kind) ? 1 : 2,
      displayStrings: [""],
    };

    // Sockets: intrinsic, barrel, magazine, two traits, masterwork.
    const intrinsic = exotic
      ? [
          plug(
            `exotic:${name}`,
            intrinsicName ?? name,
            `${name}'s exotic perk.`,
            "Intrinsic",
            "intrinsics",
            true,
          ),
        ]
      : [prng.pick(framePlugs)];
    const pickSome = (pool: number[], n: number) => prng.shuffle(pool).slice(0, n);
    const socketOptions = [
      intrinsic,
      pickSome(barrelPlugs, 4),
      pickSome(magazinePlugs, 4),
      pickSome(traitPlugs, 4),
      pickSome(traitPlugs, 4),
      [emptyWeaponMasterwork, ...weaponMasterworks],
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
    add(def, {
      kind: "weapon",
      bucketHash: SLOT_BUCKET[slot],
      tier,
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
  }

  function socketEntry(
    socketTypeHash: number,
    options: number[],
  ): DestinyItemSocketEntryDefinition {
    return {
      socketTypeHash,
      singleInitialItemHash: options[0] ?? 0,
      reusablePlugItems: options.map((plugItemHash) => ({ plugItemHash })),
      preventInitializationOnVendorPurchase: false,
      hidePerksInItemTooltip: false,
      plugSources: 2,
      defaultVisible: true,
    };
  }

  for (const row of EXOTIC_WEAPONS) weapon(row, 6);
  for (const row of LEGENDARY_WEAPONS) weapon(row, 5);
  for (const row of RARE_WEAPONS) weapon(row, 4);
  for (const row of COMMON_WEAPONS) weapon(row, 3);
  for (const row of BASIC_WEAPONS) weapon(row, 2);

  // --- Mods (stackable items that are also armour plugs) ---------------------------------
  const modOptions = [emptyModSocket];
  for (const [name, description] of MODS) {
    const hash = registry.allocate(`mod:${name}`);
    const def = base(
      hash,
      name,
      description,
      iconPath("mod", 4, hash),
      ItemType.Mod,
      "General Armor Mod",
      4,
    );
    def.itemCategoryHashes = [ItemCategoryHashes.Mods, ItemCategoryHashes.ArmorMods];
    def.inventory = inventoryBlock(BucketHashes.Modifications, 4, 99, false);
    def.plug = {
      plugCategoryIdentifier: "enhancements.v2_general",
      plugCategoryHash: fnv1a("enhancements.v2_general"),
      insertionRules: [],
      enabledRules: [],
      uiPlugLabel: "",
      plugStyle: 0,
      plugAvailability: 0,
      isDummyPlug: false,
    };
    modOptions.push(hash);
    add(def, {
      kind: "mod",
      bucketHash: BucketHashes.Modifications,
      tier: 4,
      classType: 3,
      exotic: false,
      instanced: false,
      maxStackSize: 99,
      nonTransferrable: false,
      damageType: 0,
      socketOptions: [],
      baseStats: {},
    });
  }

  // --- Armour -------------------------------------------------------------------------------
  function armor(
    name: string,
    classType: 0 | 1 | 2,
    slotIndex: number,
    tier: number,
    intrinsicName?: string,
    season = false,
  ) {
    const bucketHash = ARMOR_BUCKETS[slotIndex] ?? BucketHashes.Helmet;
    const hash = registry.allocate(`armor:${name}:${classType}`);
    const exotic = tier === 6;
    const typeName =
      slotIndex === 4
        ? `${CLASS_NAMES[classType]} Class Item`
        : (ARMOR_SLOT_NAMES[slotIndex] ?? "Armor");
    const def = base(
      hash,
      name,
      exotic ? `${intrinsicName}: exotic armor for ${CLASS_NAMES[classType]}s.` : "",
      iconPath("armor", tier, hash),
      ItemType.Armor,
      typeName,
      tier,
    );
    def.classType = classType;
    def.itemSubType = (ARMOR_SUBTYPES[slotIndex] ?? 26) as 26;
    def.equippable = true;
    def.itemCategoryHashes = [
      ItemCategoryHashes.Armor,
      ARMOR_SLOT_CATEGORY[slotIndex] ?? ItemCategoryHashes.Helmets,
      CLASS_CATEGORY[classType] ?? ItemCategoryHashes.Titan,
    ];
    def.inventory = inventoryBlock(bucketHash, tier, 1, true);
    const baseStats: Record<number, number> = { [StatHashes.Defense]: 10 };
    const statBlock: Record<
      number,
      { statHash: number; value: number; minimum: number; maximum: number }
    > = {
      [StatHashes.Defense]: { statHash: StatHashes.Defense, value: 10, minimum: 0, maximum: 2020 },
    };
    for (const statHash of ARMOR_STATS) {
      baseStats[statHash] = 0;
      statBlock[statHash] = { statHash, value: 0, minimum: 0, maximum: 100 };
    }
    def.stats = {
      disablePrimaryStatDisplay: false,
      stats: statBlock,
      hasDisplayableStats: true,
      primaryBaseStatHash: StatHashes.Defense,
    };
    def.equippingBlock = {
      uniqueLabel: exotic ? UNIQUE_LABELS.exoticArmor : "",
      uniqueLabelHash: exotic ? fnv1a(UNIQUE_LABELS.exoticArmor) : 0,
      equipmentSlotTypeHash: bucketHash,
      attributes: 0,
      ammoType: 0,
      displayStrings: [""],
    };
    const socketOptions: number[][] = [
      modOptions,
      modOptions,
      [emptyArmorMasterwork, armorMasterwork],
    ];
    const types = [socketTypes.armorMod, socketTypes.armorMod, socketTypes.masterwork];
    if (exotic) {
      socketOptions.unshift([
        plug(
          `exotic-armor:${name}`,
          intrinsicName ?? name,
          `${name}'s exotic perk.`,
          "Intrinsic",
          "intrinsics",
          true,
        ),
      ]);
      types.unshift(socketTypes.armorIntrinsic);
    }
    def.sockets = {
      detail: "",
      socketEntries: socketOptions.map((options, i) => socketEntry(types[i] ?? 0, options)),
      intrinsicSockets: [],
      socketCategories: exotic
        ? [
            { socketCategoryHash: 3154740035, socketIndexes: [0] },
            { socketCategoryHash: 590099826, socketIndexes: [1, 2, 3] },
          ]
        : [{ socketCategoryHash: 590099826, socketIndexes: [0, 1, 2] }],
    };
    add(def, {
      kind: "armor",
      bucketHash,
      tier,
      classType,
      exotic,
      instanced: true,
      maxStackSize: 1,
      nonTransferrable: false,
      damageType: 0,
      uniqueLabel: exotic ? UNIQUE_LABELS.exoticArmor : undefined,
      socketOptions,
      baseStats,
      primaryStatHash: StatHashes.Defense,
      ...(season ? { newThisSeason: true } : {}),
    });
  }

  for (const [classType, slotIndex, name, perk] of EXOTIC_ARMOR)
    armor(name, classType, slotIndex, 6, perk);
  const sets: readonly (readonly [readonly string[], number])[] = [
    [LEGENDARY_ARMOR_SETS, 5],
    [RARE_ARMOR_SETS, 4],
    [COMMON_ARMOR_SETS, 3],
  ];
  for (const [setNames, tier] of sets) {
    for (const setName of setNames) {
      for (const classType of [0, 1, 2] as const) {
        ARMOR_PIECE_NAMES[classType].forEach((piece, slotIndex) =>
          armor(`${setName} ${piece}`, classType, slotIndex, tier),
        );
      }
    }
  }

  // --- Gear: ghosts, ships, sparrows, emblems -------------------------------------------------
  const gearKinds = [
    ["ghost", GHOSTS, BucketHashes.Ghost, ItemType.Ghost, "Ghost Shell", ItemCategoryHashes.Ghost],
    ["ship", SHIPS, BucketHashes.Ships, ItemType.Ship, "Ship", ItemCategoryHashes.Ships],
    [
      "vehicle",
      SPARROWS,
      BucketHashes.Vehicle,
      ItemType.Vehicle,
      "Vehicle",
      ItemCategoryHashes.Sparrows,
    ],
    [
      "emblem",
      EMBLEMS,
      BucketHashes.Emblems,
      ItemType.Emblem,
      "Emblem",
      ItemCategoryHashes.Emblems,
    ],
  ] as const;
  for (const [kind, rows, bucketHash, itemType, typeName, category] of gearKinds) {
    for (const [name, tier] of rows) {
      const hash = registry.allocate(`${kind}:${name}`);
      const def = base(hash, name, "", iconPath(kind, tier, hash), itemType, typeName, tier);
      def.equippable = true;
      def.itemCategoryHashes = [category];
      def.inventory = inventoryBlock(bucketHash, tier, 1, true);
      def.equippingBlock = {
        uniqueLabel: "",
        uniqueLabelHash: 0,
        equipmentSlotTypeHash: bucketHash,
        attributes: 0,
        ammoType: 0,
        displayStrings: [""],
      };
      if (kind === "emblem") {
        // Character banners in apps come from these three paths.
        def.secondaryIcon = iconPath("emblembg", tier, hash);
        def.secondaryOverlay = iconPath("emblemoverlay", tier, hash);
        def.secondarySpecial = iconPath("emblembg", tier, hash);
        def.backgroundColor = {
          red: 40 + (hash % 120),
          green: 30 + ((hash >> 8) % 90),
          blue: 60 + ((hash >> 16) % 150),
          alpha: 255,
        };
      }
      add(def, {
        kind,
        bucketHash,
        tier,
        classType: 3,
        exotic: tier === 6,
        instanced: true,
        maxStackSize: 1,
        nonTransferrable: false,
        damageType: 0,
        socketOptions: [],
        baseStats: {},
      });
    }
  }

  // --- Subclasses ---------------------------------------------------------------------------
  for (const [classType, element, name] of SUBCLASSES) {
    const hash = registry.allocate(`subclass:${name}`);
    const damage = ELEMENT_DAMAGE[element];
    const def = base(
      hash,
      name,
      `${element} subclass for ${CLASS_NAMES[classType]}s.`,
      iconPath("subclass", 2, hash),
      ItemType.Subclass,
      `${element} Subclass`,
      2,
    );
    def.classType = classType;
    def.equippable = true;
    def.nonTransferrable = true;
    def.itemCategoryHashes = [ItemCategoryHashes.Subclasses, CLASS_CATEGORY[classType] ?? 22];
    def.damageTypeHashes = [damage.hash];
    def.damageTypes = [damage.type as 1];
    def.defaultDamageType = damage.type as 1;
    def.defaultDamageTypeHash = damage.hash;
    def.inventory = inventoryBlock(BucketHashes.Subclass, 2, 1, true);
    def.equippingBlock = {
      uniqueLabel: "",
      uniqueLabelHash: 0,
      equipmentSlotTypeHash: BucketHashes.Subclass,
      attributes: 0,
      ammoType: 0,
      displayStrings: [""],
    };
    add(def, {
      kind: "subclass",
      bucketHash: BucketHashes.Subclass,
      tier: 2,
      classType,
      exotic: false,
      instanced: true,
      maxStackSize: 1,
      nonTransferrable: true,
      damageType: damage.type,
      damageTypeHash: damage.hash,
      socketOptions: [],
      baseStats: {},
    });
  }

  // --- Currencies (real hashes) and materials ------------------------------------------------
  const currencyRows: readonly (readonly [
    keyof typeof CurrencyHashes,
    string,
    number,
    number,
    ItemKind,
    number,
  ])[] = [
    ["Glimmer", "Glimmer", CurrencyBucketHashes.Glimmer, 250000, "currency", 1],
    [
      "LegendaryShards",
      "Legendary Shards",
      CurrencyBucketHashes.LegendaryShards,
      100000,
      "currency",
      1,
    ],
    ["BrightDust", "Bright Dust", CurrencyBucketHashes.BrightDust, 100000, "currency", 1],
    ["Silver", "Silver", CurrencyBucketHashes.Silver, 100000, "currency", 1],
    ["EnhancementCore", "Enhancement Core", BucketHashes.Consumables, 9999, "material", 4],
    ["UpgradeModule", "Upgrade Module", BucketHashes.Consumables, 9999, "material", 5],
    ["AscendantShard", "Ascendant Shard", BucketHashes.Consumables, 10, "material", 6],
  ];
  for (const [key, name, bucketHash, maxStack, kind, tier] of currencyRows) {
    const hash = registry.reserve(CurrencyHashes[key]);
    const isCurrency = kind === "currency";
    const def = base(
      hash,
      name,
      isCurrency ? `${name}: a currency.` : `${name}: used to upgrade gear.`,
      iconPath(isCurrency ? "currency" : "material", tier, hash),
      isCurrency ? ItemType.Currency : ItemType.None,
      isCurrency ? "Currency" : "Material",
      tier,
    );
    def.itemCategoryHashes = [
      isCurrency ? ItemCategoryHashes.Currencies : ItemCategoryHashes.Materials,
    ];
    def.inventory = inventoryBlock(bucketHash, tier, maxStack, false);
    add(def, {
      kind,
      bucketHash,
      tier,
      classType: 3,
      exotic: false,
      instanced: false,
      maxStackSize: maxStack,
      nonTransferrable: isCurrency,
      damageType: 0,
      socketOptions: [],
      baseStats: {},
    });
  }
  for (const [name, maxStack, tier] of CONSUMABLES) {
    const hash = registry.allocate(`consumable:${name}`);
    const def = base(
      hash,
      name,
      `${name}.`,
      iconPath("consumable", tier, hash),
      ItemType.Consumable,
      "Consumable",
      tier,
    );
    def.itemCategoryHashes = [ItemCategoryHashes.Consumables];
    def.inventory = inventoryBlock(BucketHashes.Consumables, tier, maxStack, false);
    add(def, {
      kind: "consumable",
      bucketHash: BucketHashes.Consumables,
      tier,
      classType: 3,
      exotic: false,
      instanced: false,
      maxStackSize: maxStack,
      nonTransferrable: false,
      damageType: 0,
      socketOptions: [],
      baseStats: {},
    });
  }
  // --- New this season (after every older item, so none of those moves) ---------------------
  for (const row of SEASON_WEAPONS) weapon(row, 5, true);
  for (const setName of SEASON_ARMOR_SETS) {
    for (const classType of [0, 1, 2] as const) {
      ARMOR_PIECE_NAMES[classType].forEach((piece, slotIndex) =>
        armor(`${setName} ${piece}`, classType, slotIndex, 5, undefined, true),
      );
    }
  }

  // Last of all, so that no other item's hash or index depends on them.
  const hostileItemHashes = HOSTILE_WEAPONS.map(([row, description]) => {
    const hash = weapon(row, 5);
    const def = items[String(hash)];
    const m = meta.get(hash);
    if (def) def.displayProperties = { ...def.displayProperties, description };
    if (m) m.hostile = true;
    return hash;
  });

  // --- Collections entries --------------------------------------------------------------------
  // Like Bungie's, a collectible hash is its own number, not the item's: fnv1a of
  // "collectible:<itemHash>" (probed past any hash already used), so it stays put as long as
  // the item's hash does. Allocated after every item, so no item hash moves because of them.
  for (const m of meta.values()) {
    if (!COLLECTIBLE_KINDS.has(m.kind)) continue;
    const collectibleHash = registry.allocate(`collectible:${m.hash}`);
    m.collectibleHash = collectibleHash;
    const def = items[String(m.hash)];
    if (def) def.collectibleHash = collectibleHash;
  }
  return { items, hostileItemHashes, perks, meta, perkForPlug };
}
