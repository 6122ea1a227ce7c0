// One trimmer per table: Bungie's definition in, the fields Warmind reads out. Trimming cuts the
// item table to about a third of its size, which is what keeps imports, the database and the
// lookup cache small. A field the app starts reading must be added here (and to ./types.ts).
import {
  bool,
  displayProperties,
  list,
  num,
  numOrNull,
  numbers,
  path,
  record,
  recordOrNull,
  str,
  stringMap,
  type Json,
} from "./read";
import type {
  ActivityDefinition,
  BucketDefinition,
  ClassDefinition,
  DamageTypeDefinition,
  GenderDefinition,
  ItemCategoryDefinition,
  ItemDefinition,
  LoadoutConstantsDefinition,
  LoadoutIdentifierDefinition,
  RaceDefinition,
  SocketTypeDefinition,
  StatDefinition,
  VendorDefinition,
  VendorGroupDefinition,
} from "./types";

export function trimItem(d: Json, hash: number): ItemDefinition {
  const inventory = record(d.inventory);
  const equipping = recordOrNull(d.equippingBlock);
  const stats: Record<string, number> = {};
  for (const [statHash, stat] of Object.entries(record(record(d.stats).stats))) {
    stats[statHash] = num(record(stat).value);
  }
  return {
    hash,
    unknown: false,
    displayProperties: displayProperties(d.displayProperties),
    itemType: num(d.itemType),
    itemSubType: num(d.itemSubType),
    itemTypeDisplayName: str(d.itemTypeDisplayName),
    classType: num(d.classType, 3),
    inventory: {
      bucketTypeHash: num(inventory.bucketTypeHash),
      tierType: num(inventory.tierType),
      tierTypeName: str(inventory.tierTypeName),
      maxStackSize: num(inventory.maxStackSize, 1),
    },
    defaultDamageType: num(d.defaultDamageType),
    defaultDamageTypeHash: numOrNull(d.defaultDamageTypeHash),
    equippingBlock: equipping ? { uniqueLabel: path(equipping.uniqueLabel) } : null,
    stats,
    sockets: list(record(d.sockets).socketEntries).map((entry) => {
      const e = record(entry);
      return {
        socketTypeHash: num(e.socketTypeHash),
        singleInitialItemHash: num(e.singleInitialItemHash),
      };
    }),
    itemCategoryHashes: numbers(d.itemCategoryHashes),
    iconWatermark: path(d.iconWatermark),
    screenshot: path(d.screenshot),
    flavorText: str(d.flavorText),
    nonTransferrable: bool(d.nonTransferrable),
    equippable: bool(d.equippable),
    // Bungie leaves it out for items without a Collections entry; 0 means the same.
    collectibleHash: numOrNull(d.collectibleHash) || null,
    redacted: bool(d.redacted),
  };
}

export function trimBucket(d: Json, hash: number): BucketDefinition {
  return {
    hash,
    unknown: false,
    displayProperties: displayProperties(d.displayProperties),
    category: num(d.category),
    bucketOrder: num(d.bucketOrder),
    itemCount: num(d.itemCount),
    scope: num(d.scope),
    location: num(d.location),
    hasTransferDestination: bool(d.hasTransferDestination),
    enabled: bool(d.enabled, true),
  };
}

export function trimClass(d: Json, hash: number): ClassDefinition {
  return {
    hash,
    unknown: false,
    displayProperties: displayProperties(d.displayProperties),
    classType: num(d.classType, 3),
    genderedClassNamesByGenderHash: stringMap(d.genderedClassNamesByGenderHash),
  };
}

export function trimRace(d: Json, hash: number): RaceDefinition {
  return {
    hash,
    unknown: false,
    displayProperties: displayProperties(d.displayProperties),
    raceType: num(d.raceType, 3),
    genderedRaceNamesByGenderHash: stringMap(d.genderedRaceNamesByGenderHash),
  };
}

export function trimGender(d: Json, hash: number): GenderDefinition {
  return {
    hash,
    unknown: false,
    displayProperties: displayProperties(d.displayProperties),
    genderType: num(d.genderType, 2),
  };
}

export function trimStat(d: Json, hash: number): StatDefinition {
  return {
    hash,
    unknown: false,
    displayProperties: displayProperties(d.displayProperties),
    statCategory: num(d.statCategory),
    aggregationType: num(d.aggregationType),
  };
}

export function trimDamageType(d: Json, hash: number): DamageTypeDefinition {
  const color = recordOrNull(d.color);
  return {
    hash,
    unknown: false,
    displayProperties: displayProperties(d.displayProperties),
    enumValue: num(d.enumValue),
    showIcon: bool(d.showIcon),
    transparentIconPath: path(d.transparentIconPath),
    color: color
      ? {
          red: num(color.red),
          green: num(color.green),
          blue: num(color.blue),
          alpha: num(color.alpha, 255),
        }
      : null,
  };
}

export function trimVendor(d: Json, hash: number): VendorDefinition {
  const display = record(d.displayProperties);
  return {
    hash,
    unknown: false,
    displayProperties: {
      ...displayProperties(display),
      subtitle: str(display.subtitle),
      largeIcon: path(display.largeIcon),
    },
    groups: list(d.groups)
      .map((g) => record(g).vendorGroupHash)
      .filter((h): h is number => typeof h === "number"),
    enabled: bool(d.enabled, true),
    visible: bool(d.visible, true),
  };
}

export function trimVendorGroup(d: Json, hash: number): VendorGroupDefinition {
  const categoryName = str(d.categoryName);
  return {
    hash,
    unknown: false,
    // Vendor groups carry no displayProperties; the category name is their only label.
    displayProperties: { name: categoryName, description: "", icon: null },
    order: num(d.order),
    categoryName,
  };
}

export function trimActivity(d: Json, hash: number): ActivityDefinition {
  return {
    hash,
    unknown: false,
    displayProperties: displayProperties(d.displayProperties),
    pgcrImage: path(d.pgcrImage),
    activityTypeHash: num(d.activityTypeHash),
    destinationHash: num(d.destinationHash),
    placeHash: num(d.placeHash),
    activityLightLevel: num(d.activityLightLevel),
    tier: num(d.tier),
    isPvP: bool(d.isPvP),
    isPlaylist: bool(d.isPlaylist),
    directActivityModeType: numOrNull(d.directActivityModeType),
    activityModeTypes: numbers(d.activityModeTypes),
  };
}

export function trimSocketType(d: Json, hash: number): SocketTypeDefinition {
  return {
    hash,
    unknown: false,
    displayProperties: displayProperties(d.displayProperties),
    socketCategoryHash: num(d.socketCategoryHash),
    plugCategoryHashes: list(d.plugWhitelist)
      .map((p) => record(p).categoryHash)
      .filter((h): h is number => typeof h === "number"),
  };
}

export function trimItemCategory(d: Json, hash: number): ItemCategoryDefinition {
  return {
    hash,
    unknown: false,
    displayProperties: displayProperties(d.displayProperties),
    shortTitle: str(d.shortTitle),
    visible: bool(d.visible, true),
    grantDestinyItemType: num(d.grantDestinyItemType),
    grantDestinySubType: num(d.grantDestinySubType),
    grantDestinyClass: num(d.grantDestinyClass, 3),
    parentCategoryHashes: numbers(d.parentCategoryHashes),
  };
}

export function trimLoadoutConstants(d: Json, hash: number): LoadoutConstantsDefinition {
  return {
    hash,
    unknown: false,
    displayProperties: displayProperties(d.displayProperties),
    loadoutCountPerCharacter: num(d.loadoutCountPerCharacter),
    loadoutNameHashes: numbers(d.loadoutNameHashes),
    loadoutIconHashes: numbers(d.loadoutIconHashes),
    loadoutColorHashes: numbers(d.loadoutColorHashes),
  };
}

export function trimLoadoutName(d: Json, hash: number): LoadoutIdentifierDefinition {
  return {
    hash,
    unknown: false,
    displayProperties: { name: str(d.name), description: "", icon: null },
    index: num(d.index),
  };
}

export function trimLoadoutIcon(d: Json, hash: number): LoadoutIdentifierDefinition {
  return {
    hash,
    unknown: false,
    displayProperties: { name: "", description: "", icon: path(d.iconImagePath) },
    index: num(d.index),
  };
}

/** A loadout colour is an image (a swatch), not RGB values. */
export function trimLoadoutColor(d: Json, hash: number): LoadoutIdentifierDefinition {
  return {
    hash,
    unknown: false,
    displayProperties: { name: "", description: "", icon: path(d.colorImagePath) },
    index: num(d.index),
  };
}
