// The stand-in for a hash the manifest does not (yet) know: a complete definition with neutral
// values and `unknown: true`, so a page renders an "Unknown item" tile instead of crashing.
// Happens for items newer than the imported manifest, or hashes from a bad API response.
import type {
  DefinitionOf,
  DefinitionsByTable,
  DisplayProperties,
  ManifestTableName,
} from "./types";

const UNKNOWN_NAMES: { [T in ManifestTableName]: string } = {
  DestinyInventoryItemDefinition: "Unknown item",
  DestinyInventoryBucketDefinition: "Unknown bucket",
  DestinyClassDefinition: "Unknown class",
  DestinyRaceDefinition: "Unknown race",
  DestinyGenderDefinition: "Unknown gender",
  DestinyStatDefinition: "Unknown stat",
  DestinyDamageTypeDefinition: "Unknown damage type",
  DestinyVendorDefinition: "Unknown vendor",
  DestinyVendorGroupDefinition: "Unknown vendor group",
  DestinyActivityDefinition: "Unknown activity",
  DestinySocketTypeDefinition: "Unknown socket",
  DestinyItemCategoryDefinition: "Unknown category",
  DestinyLoadoutConstantsDefinition: "Unknown loadout constants",
  DestinyLoadoutNameDefinition: "Unknown loadout name",
  DestinyLoadoutIconDefinition: "Unknown loadout icon",
  DestinyLoadoutColorDefinition: "Unknown loadout colour",
};

type Base = { hash: number; unknown: true; displayProperties: DisplayProperties };

const FACTORIES: { [T in ManifestTableName]: (base: Base) => DefinitionsByTable[T] } = {
  DestinyInventoryItemDefinition: (base) => ({
    ...base,
    itemType: 0,
    itemSubType: 0,
    itemTypeDisplayName: "",
    classType: 3,
    inventory: { bucketTypeHash: 0, tierType: 0, tierTypeName: "", maxStackSize: 1 },
    defaultDamageType: 0,
    defaultDamageTypeHash: null,
    equippingBlock: null,
    stats: {},
    sockets: [],
    itemCategoryHashes: [],
    iconWatermark: null,
    screenshot: null,
    flavorText: "",
    nonTransferrable: false,
    equippable: false,
    collectibleHash: null,
    redacted: false,
  }),
  DestinyInventoryBucketDefinition: (base) => ({
    ...base,
    category: 0,
    bucketOrder: 0,
    itemCount: 0,
    scope: 0,
    location: 0,
    hasTransferDestination: false,
    enabled: false,
  }),
  DestinyClassDefinition: (base) => ({ ...base, classType: 3, genderedClassNamesByGenderHash: {} }),
  DestinyRaceDefinition: (base) => ({ ...base, raceType: 3, genderedRaceNamesByGenderHash: {} }),
  DestinyGenderDefinition: (base) => ({ ...base, genderType: 2 }),
  DestinyStatDefinition: (base) => ({ ...base, statCategory: 0, aggregationType: 0 }),
  DestinyDamageTypeDefinition: (base) => ({
    ...base,
    enumValue: 0,
    showIcon: false,
    transparentIconPath: null,
    color: null,
  }),
  DestinyVendorDefinition: (base) => ({
    ...base,
    displayProperties: { ...base.displayProperties, subtitle: "", largeIcon: null },
    groups: [],
    enabled: false,
    visible: false,
  }),
  DestinyVendorGroupDefinition: (base) => ({ ...base, order: 0, categoryName: "" }),
  DestinyActivityDefinition: (base) => ({
    ...base,
    pgcrImage: null,
    activityTypeHash: 0,
    destinationHash: 0,
    placeHash: 0,
    activityLightLevel: 0,
    tier: 0,
    isPvP: false,
    isPlaylist: false,
    directActivityModeType: null,
    activityModeTypes: [],
  }),
  DestinySocketTypeDefinition: (base) => ({
    ...base,
    socketCategoryHash: 0,
    plugCategoryHashes: [],
  }),
  DestinyItemCategoryDefinition: (base) => ({
    ...base,
    shortTitle: "",
    visible: false,
    grantDestinyItemType: 0,
    grantDestinySubType: 0,
    grantDestinyClass: 3,
    parentCategoryHashes: [],
  }),
  DestinyLoadoutConstantsDefinition: (base) => ({
    ...base,
    loadoutCountPerCharacter: 0,
    loadoutNameHashes: [],
    loadoutIconHashes: [],
    loadoutColorHashes: [],
  }),
  DestinyLoadoutNameDefinition: (base) => ({ ...base, index: 0 }),
  DestinyLoadoutIconDefinition: (base) => ({ ...base, index: 0 }),
  DestinyLoadoutColorDefinition: (base) => ({ ...base, index: 0 }),
};

/** A fresh "unknown" definition of `table` for `hash` (a new object each call: callers may mutate). */
export function unknownDefinition<T extends ManifestTableName>(
  table: T,
  hash: number,
): DefinitionOf<T> {
  const factory = FACTORIES[table] as (base: Base) => DefinitionOf<T>;
  return factory({
    hash,
    unknown: true,
    displayProperties: { name: UNKNOWN_NAMES[table], description: "", icon: null },
  });
}
