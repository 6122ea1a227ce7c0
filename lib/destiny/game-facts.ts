// Enum values and well-known hashes of Destiny 2. bungie-api-ts declares its enums as
// `declare const enum`, which Next's isolatedModules cannot read, so the values live here.

/** DestinyClass */
export const DestinyClass = { Titan: 0, Hunter: 1, Warlock: 2, Unknown: 3 } as const;
export type DestinyClassValue = (typeof DestinyClass)[keyof typeof DestinyClass];
export const CLASS_NAMES: Record<number, string> = {
  0: "Titan",
  1: "Hunter",
  2: "Warlock",
  3: "Any class",
};
/** DestinyClassDefinition hashes. */
export const ClassHashes = { Titan: 3655393761, Hunter: 671679327, Warlock: 2271682572 } as const;
/** DestinyRaceDefinition hashes. */
export const RaceHashes = { Human: 3887404748, Awoken: 2803282938, Exo: 898834093 } as const;
/** DestinyGenderDefinition hashes. */
export const GenderHashes = { Male: 3111576190, Female: 2204441813 } as const;

/**
 * An item's rarity: Bungie's TierType enum (Basic ... Exotic). Not the gear tier (1-5) of Edge of
 * Fate's item instances (`gearTier`), which our code calls the tier.
 */
export const Rarity = {
  Unknown: 0,
  Currency: 1,
  Basic: 2,
  Common: 3,
  Rare: 4,
  Superior: 5,
  Exotic: 6,
} as const;
export const RARITY_NAMES: Record<number, string> = {
  0: "Unknown",
  1: "Currency",
  2: "Basic",
  3: "Common",
  4: "Rare",
  5: "Legendary",
  6: "Exotic",
};

/** DestinyItemType (the values the app reads). */
export const ItemType = {
  None: 0,
  Currency: 1,
  Armor: 2,
  Weapon: 3,
  Message: 7,
  Engram: 8,
  Consumable: 9,
  ExchangeMaterial: 10,
  MissionReward: 11,
  QuestStep: 12,
  Emblem: 14,
  Quest: 15,
  Subclass: 16,
  ClanBanner: 17,
  Aura: 18,
  Mod: 19,
  Dummy: 20,
  Ship: 21,
  Vehicle: 22,
  Emote: 23,
  Ghost: 24,
  Package: 25,
  Bounty: 26,
  Wrapper: 27,
  SeasonalArtifact: 28,
  Finisher: 29,
} as const;

/** DamageType enum values, and the DestinyDamageTypeDefinition hashes. */
export const DamageType = {
  None: 0,
  Kinetic: 1,
  Arc: 2,
  Thermal: 3,
  Void: 4,
  Raid: 5,
  Stasis: 6,
  Strand: 7,
} as const;
export const DamageTypeHashes = {
  Kinetic: 3373582085,
  Arc: 2303181850,
  Solar: 1847026933,
  Void: 3454344768,
  Stasis: 151347233,
  Strand: 3949783978,
} as const;

/** DestinyStatDefinition hashes. */
export const StatHashes = {
  Attack: 1480404414,
  Defense: 3897883278,
  Power: 1935470627,
  Impact: 4043523819,
  Range: 1240592695,
  Stability: 155624089,
  Handling: 943549884,
  ReloadSpeed: 4188031367,
  RoundsPerMinute: 4284893193,
  Magazine: 3871231066,
  // Armour stats since 2025.
  Health: 392767087,
  Melee: 4244567218,
  Grenade: 1735777505,
  Super: 144602215,
  Class: 1943323491,
  Weapons: 2996146975,
} as const;

/**
 * Currency and material item hashes (DestinyInventoryItemDefinition): what vendors price their
 * sales in today (a real GetVendors of June 2026, ../shared/bungie-api/REAL-VENDORS.md). Legendary
 * Shards (1022552290) are not here: the game retired them with The Final Shape (June 2024).
 */
export const CurrencyHashes = {
  Glimmer: 3159615086,
  BrightDust: 2817410917,
  Silver: 3147280338,
  EnhancementCore: 3853748946,
  UpgradeModule: 2979281381,
  AscendantShard: 4257549985,
  ExoticCipher: 3467984096,
  StrangeCoin: 800069450,
  /** Named after public tools' hash lists; REAL-VENDORS.md lists these four by hash only. */
  Chronologs: 4041218086,
  LegendaryMark: 402110270,
  ExoticEngram: 903043774,
  /** No public name found: the sandbox calls it "Vanguard Insignia". */
  VanguardInsignia: 835088240,
} as const;

/**
 * What the account page lists, in this order: the profile's currencies (Glimmer, Bright Dust;
 * component 103), then the materials vendors price in, which the game keeps as account-wide
 * stacks (REAL-VENDORS.md's currencies; no Legendary Shards since June 2024).
 */
export const ACCOUNT_CURRENCIES: readonly number[] = [
  CurrencyHashes.Glimmer,
  CurrencyHashes.BrightDust,
  CurrencyHashes.EnhancementCore,
  CurrencyHashes.AscendantShard,
  CurrencyHashes.ExoticCipher,
  CurrencyHashes.StrangeCoin,
  CurrencyHashes.Chronologs,
  CurrencyHashes.LegendaryMark,
  CurrencyHashes.VanguardInsignia,
  CurrencyHashes.ExoticEngram,
];

/** Power since Edge of Fate (July 2025): from 10, a soft cap, then the seasonal caps. */
export const PowerLevels = { floor: 10, softCap: 200, seasonalCap: 450, pinnacleCap: 550 } as const;

/**
 * An in-game loadout's plugItemHashes entry for a socket the loadout leaves as it is (DIM's
 * UNSET_PLUG_HASH: the FNV-1 offset basis, the hash of an empty string).
 */
export const UNSET_PLUG_HASH = 2166136261;

/** DestinyVendorDefinition hashes (DIM's d2-known-values). */
export const VendorHashes = {
  Xur: 2190858386,
  Banshee: 672118013,
  Ada: 350061650,
  Zavala: 69482069,
  Shaxx: 3603221665,
  Saint14: 765357505,
  Drifter: 248695599,
  Rahool: 2255782930,
  TessEveris: 3361454721,
} as const;

/** BungieMembershipType values and names (enum-keyed maps use the names). */
export const MembershipType = {
  None: 0,
  TigerXbox: 1,
  TigerPsn: 2,
  TigerSteam: 3,
  TigerBlizzard: 4,
  TigerStadia: 5,
  TigerEgs: 6,
  TigerDemon: 10,
  GoliathGame: 20,
  BungieNext: 254,
} as const;
export const PLATFORM_NAMES: Record<number, string> = {
  1: "Xbox",
  2: "PlayStation",
  3: "Steam",
  4: "Battle.net",
  5: "Stadia",
  6: "Epic Games",
  10: "Demon",
  254: "Bungie.net",
};

/** ItemState flags. */
export const ItemState = { None: 0, Locked: 1, Tracked: 2, Masterwork: 4, Crafted: 8 } as const;
/** ItemLocation */
export const ItemLocation = {
  Unknown: 0,
  Inventory: 1,
  Vault: 2,
  Vendor: 3,
  Postmaster: 4,
} as const;
/** TransferStatuses flags */
export const TransferStatus = {
  CanTransfer: 0,
  ItemIsEquipped: 1,
  NotTransferrable: 2,
  NoRoomInDestination: 4,
} as const;

/** Bungie's 13 manifest languages. */
export const MANIFEST_LANGUAGES = [
  "en",
  "fr",
  "es",
  "es-mx",
  "de",
  "it",
  "ja",
  "pt-br",
  "ru",
  "pl",
  "ko",
  "zh-cht",
  "zh-chs",
] as const;
export type ManifestLanguage = (typeof MANIFEST_LANGUAGES)[number];
