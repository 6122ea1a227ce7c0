import "server-only";
// Destiny's manifest: sync from Bungie, batched lookups, typed definitions. See ./sync.ts and
// ./lookup.ts for the two halves.
export { getDefinitions, type LookupOptions } from "./lookup";
export { DefinitionBatch } from "./definition-batch";
export { getWholeTable, WHOLE_TABLES, type WholeTable } from "./whole-table";
export { syncManifest, type SyncOptions, type SyncResult } from "./sync";
export { ensureManifest } from "./ensure";
export { listManifestVersions, readCurrentVersion, type StoredVersion } from "./current";
export { getPlayerManifestLanguage } from "./player-language";
export { isManifestLanguage, resolveManifestLanguage, DEFAULT_MANIFEST_LANGUAGE } from "./language";
export { unknownDefinition } from "./unknown";
export { MANIFEST_TABLES, MANIFEST_TABLE_NAMES } from "./tables";
export { ManifestDownloadError, ManifestLeaseLostError, ManifestUnavailableError } from "./errors";
export { defaultManifestSources, type ManifestSources } from "./sources";
export type { ImportProgress, ManifestLogger } from "./progress";
export type * from "./types";
