// The one list of manifest tables Warmind imports, each with its trimmer. Bungie's manifest has
// ~60 tables (over 500 MB per language); the app reads these, so only these are downloaded.
import type { Json } from "./read";
import {
  trimActivity,
  trimBucket,
  trimClass,
  trimDamageType,
  trimGender,
  trimItem,
  trimItemCategory,
  trimLoadoutColor,
  trimLoadoutConstants,
  trimLoadoutIcon,
  trimLoadoutName,
  trimRace,
  trimSocketType,
  trimStat,
  trimVendor,
  trimVendorGroup,
} from "./trim";
import type { DefinitionOf, ManifestTableName } from "./types";

export type TableSpec<T extends ManifestTableName> = {
  /**
   * A required table missing from Bungie's manifest fails the sync (the app can't work without
   * it); an optional one is skipped with a log line and its lookups return "unknown".
   */
  required: boolean;
  trim: (definition: Json, hash: number) => DefinitionOf<T>;
};

/**
 * The shape of the trimmed definitions. Bump it whenever a trimmer keeps a new field (or drops
 * one): a stored version trimmed by another shape is imported again even though Bungie's content
 * paths did not move, so no database keeps serving definitions without the field.
 * 2: DestinyInventoryItemDefinition keeps `collectibleHash` (the vendors' "not yet owned").
 */
export const TRIM_VERSION = 2;

export const MANIFEST_TABLES: { readonly [T in ManifestTableName]: TableSpec<T> } = {
  DestinyInventoryItemDefinition: { required: true, trim: trimItem },
  DestinyInventoryBucketDefinition: { required: true, trim: trimBucket },
  DestinyClassDefinition: { required: true, trim: trimClass },
  DestinyRaceDefinition: { required: false, trim: trimRace },
  DestinyGenderDefinition: { required: false, trim: trimGender },
  DestinyStatDefinition: { required: true, trim: trimStat },
  DestinyDamageTypeDefinition: { required: true, trim: trimDamageType },
  DestinyVendorDefinition: { required: false, trim: trimVendor },
  DestinyVendorGroupDefinition: { required: false, trim: trimVendorGroup },
  DestinyActivityDefinition: { required: false, trim: trimActivity },
  DestinySocketTypeDefinition: { required: false, trim: trimSocketType },
  DestinyItemCategoryDefinition: { required: false, trim: trimItemCategory },
  // The in-game loadout slots' names, icons and colours (component 206 names them by hash).
  DestinyLoadoutConstantsDefinition: { required: false, trim: trimLoadoutConstants },
  DestinyLoadoutNameDefinition: { required: false, trim: trimLoadoutName },
  DestinyLoadoutIconDefinition: { required: false, trim: trimLoadoutIcon },
  DestinyLoadoutColorDefinition: { required: false, trim: trimLoadoutColor },
};

/** Import order: small tables first, so a broken manifest fails before the 150 MB download. */
export const MANIFEST_TABLE_NAMES = (Object.keys(MANIFEST_TABLES) as ManifestTableName[]).sort(
  (a, b) =>
    Number(a === "DestinyInventoryItemDefinition") - Number(b === "DestinyInventoryItemDefinition"),
);
