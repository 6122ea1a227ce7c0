// The trimmed definitions Warmind stores and serves, one type per manifest table. Only the fields
// the app reads are kept (see lib/manifest/trim.ts); every field is always present, with a
// neutral default when Bungie's definition lacks it, so UI code never checks for undefined.
// `unknown: true` marks the stand-in returned for a hash the manifest does not know.

export type DisplayProperties = {
  name: string;
  description: string;
  /** Path on Bungie's origin (e.g. "/common/destiny2_content/icons/..."), or null without icon. */
  icon: string | null;
};

type Definition = {
  hash: number;
  /** True for the stand-in of a hash the manifest lacks ("Unknown item" tile). */
  unknown: boolean;
  displayProperties: DisplayProperties;
};

export type ItemDefinition = Definition & {
  itemType: number;
  itemSubType: number;
  itemTypeDisplayName: string;
  /** DestinyClass: 0 Titan, 1 Hunter, 2 Warlock, 3 any. */
  classType: number;
  inventory: {
    bucketTypeHash: number;
    tierType: number;
    tierTypeName: string;
    maxStackSize: number;
  };
  defaultDamageType: number;
  defaultDamageTypeHash: number | null;
  equippingBlock: { uniqueLabel: string | null } | null;
  /** Stat hash -> the definition's value of it (Bungie's stats.stats[hash].value). */
  stats: Record<string, number>;
  /** One entry per socket, in socket order. */
  sockets: { socketTypeHash: number; singleInitialItemHash: number }[];
  itemCategoryHashes: number[];
  iconWatermark: string | null;
  screenshot: string | null;
  flavorText: string;
  nonTransferrable: boolean;
  equippable: boolean;
  /**
   * The item's DestinyCollectibleDefinition (its Collections entry; GetProfile's component 800
   * says whether the player has it), null for items without one (consumables, mods, materials).
   */
  collectibleHash: number | null;
  /** Bungie hides some definitions until an event; their text is blank. */
  redacted: boolean;
};

export type BucketDefinition = Definition & {
  /** BucketCategory: 0 invisible, 1 item, 2 currency, 3 equippable, 4 ignored. */
  category: number;
  bucketOrder: number;
  itemCount: number;
  /** BucketScope: 0 character, 1 account. */
  scope: number;
  location: number;
  hasTransferDestination: boolean;
  enabled: boolean;
};

export type ClassDefinition = Definition & {
  classType: number;
  /** Gender hash -> class name ("Titan" etc.; identical in English, not in every language). */
  genderedClassNamesByGenderHash: Record<string, string>;
};

export type RaceDefinition = Definition & {
  raceType: number;
  genderedRaceNamesByGenderHash: Record<string, string>;
};

export type GenderDefinition = Definition & {
  genderType: number;
};

export type StatDefinition = Definition & {
  /** DestinyStatCategory: 0 gameplay, 1 weapon, 2 defense, 3 primary. */
  statCategory: number;
  aggregationType: number;
};

export type DamageTypeDefinition = Definition & {
  /** The DamageType enum value. */
  enumValue: number;
  showIcon: boolean;
  transparentIconPath: string | null;
  color: { red: number; green: number; blue: number; alpha: number } | null;
};

export type VendorDefinition = Definition & {
  displayProperties: DisplayProperties & { subtitle: string; largeIcon: string | null };
  /** DestinyVendorGroupDefinition hashes, in Bungie's order. */
  groups: number[];
  enabled: boolean;
  visible: boolean;
};

export type VendorGroupDefinition = Definition & {
  order: number;
  categoryName: string;
};

export type ActivityDefinition = Definition & {
  pgcrImage: string | null;
  activityTypeHash: number;
  destinationHash: number;
  placeHash: number;
  activityLightLevel: number;
  tier: number;
  isPvP: boolean;
  isPlaylist: boolean;
  directActivityModeType: number | null;
  activityModeTypes: number[];
};

export type SocketTypeDefinition = Definition & {
  socketCategoryHash: number;
  /** Plug category hashes this socket accepts (plugWhitelist). */
  plugCategoryHashes: number[];
};

export type ItemCategoryDefinition = Definition & {
  shortTitle: string;
  visible: boolean;
  grantDestinyItemType: number;
  grantDestinySubType: number;
  grantDestinyClass: number;
  parentCategoryHashes: number[];
};

/**
 * DestinyLoadoutConstantsDefinition (one entry in Bungie's manifest): how many in-game loadout
 * slots a character has and, in the game's order, the names, icons and colours a slot may take.
 */
export type LoadoutConstantsDefinition = Definition & {
  loadoutCountPerCharacter: number;
  loadoutNameHashes: number[];
  loadoutIconHashes: number[];
  loadoutColorHashes: number[];
};

/**
 * DestinyLoadoutName/Icon/ColorDefinition carry no displayProperties: the trimmer puts the name
 * in `displayProperties.name` and the icon's (or the colour swatch's) image in
 * `displayProperties.icon`, so every definition reads the same way. `index` is the game's order.
 */
export type LoadoutIdentifierDefinition = Definition & { index: number };

/** Every table Warmind imports, and the definition type it yields. */
export interface DefinitionsByTable {
  DestinyInventoryItemDefinition: ItemDefinition;
  DestinyInventoryBucketDefinition: BucketDefinition;
  DestinyClassDefinition: ClassDefinition;
  DestinyRaceDefinition: RaceDefinition;
  DestinyGenderDefinition: GenderDefinition;
  DestinyStatDefinition: StatDefinition;
  DestinyDamageTypeDefinition: DamageTypeDefinition;
  DestinyVendorDefinition: VendorDefinition;
  DestinyVendorGroupDefinition: VendorGroupDefinition;
  DestinyActivityDefinition: ActivityDefinition;
  DestinySocketTypeDefinition: SocketTypeDefinition;
  DestinyItemCategoryDefinition: ItemCategoryDefinition;
  DestinyLoadoutConstantsDefinition: LoadoutConstantsDefinition;
  DestinyLoadoutNameDefinition: LoadoutIdentifierDefinition;
  DestinyLoadoutIconDefinition: LoadoutIdentifierDefinition;
  DestinyLoadoutColorDefinition: LoadoutIdentifierDefinition;
}

export type ManifestTableName = keyof DefinitionsByTable;
export type DefinitionOf<T extends ManifestTableName> = DefinitionsByTable[T];
export type AnyDefinition = DefinitionsByTable[ManifestTableName];
