// What an import of Bungie's current manifest would fetch: the language actually served and the
// content path of each table we use. Pure, so the decision "is a re-import needed" is testable.
import type { DestinyManifest } from "bungie-api-ts/destiny2";
import type { ManifestLanguage } from "@/lib/destiny/game-facts";
import { ManifestDownloadError } from "./errors";
import { DEFAULT_MANIFEST_LANGUAGE, isManifestLanguage } from "./language";
import type { ManifestLogger } from "./progress";
import { MANIFEST_TABLE_NAMES, MANIFEST_TABLES, TRIM_VERSION } from "./tables";
import type { ManifestTableName } from "./types";

export type ContentPaths = Partial<Record<ManifestTableName, string>>;

export type ImportPlan = {
  version: string;
  requestedLanguage: string;
  /** The language imported: the requested one, or English when Bungie does not serve it. */
  language: ManifestLanguage;
  /** Table -> content path, for every table we use that the manifest lists. */
  paths: ContentPaths;
};

export function planImport(
  manifest: DestinyManifest,
  requestedLanguage: string,
  log: ManifestLogger,
): ImportPlan {
  const byLanguage = manifest.jsonWorldComponentContentPaths ?? {};
  let language: ManifestLanguage = isManifestLanguage(requestedLanguage)
    ? requestedLanguage
    : DEFAULT_MANIFEST_LANGUAGE;
  if (!byLanguage[language]) {
    const offered = Object.keys(byLanguage).join(", ") || "none";
    if (!byLanguage[DEFAULT_MANIFEST_LANGUAGE]) {
      throw new ManifestDownloadError(
        `Bungie's manifest ${manifest.version} lists no "${language}" or "en" tables (offered: ${offered})`,
      );
    }
    log(
      `Bungie's manifest does not offer language "${requestedLanguage}" (offered: ${offered}); falling back to en`,
    );
    language = DEFAULT_MANIFEST_LANGUAGE;
  }
  const available = byLanguage[language] ?? {};
  const paths: ContentPaths = {};
  for (const table of MANIFEST_TABLE_NAMES) {
    const path = available[table];
    if (typeof path === "string" && path !== "") paths[table] = path;
    else if (MANIFEST_TABLES[table].required) {
      throw new ManifestDownloadError(
        `Bungie's manifest ${manifest.version} lists no ${table} for "${language}"`,
        table,
      );
    } else
      log(`Bungie's manifest lists no ${table} for "${language}"; its lookups will be unknown`);
  }
  return { version: manifest.version, requestedLanguage, language, paths };
}

/**
 * The key under which a stored version's contentPaths record the trim shape it was imported with
 * (TRIM_VERSION). Bungie's table names all start with "Destiny", so it can't clash with one.
 */
export const TRIM_VERSION_KEY = "warmind:trimVersion";

/** What a version imported from `planned` stores as its contentPaths: the paths and the trim. */
export function stampedPaths(planned: ContentPaths): Record<string, string> {
  return { ...planned, [TRIM_VERSION_KEY]: String(TRIM_VERSION) };
}

/**
 * Same tables at the same content paths, trimmed to the same shape: nothing to import, whatever
 * `version` says. A version stored by an older trimmer (no stamp, or another one) is re-imported.
 */
export function samePaths(stored: unknown, planned: ContentPaths): boolean {
  if (typeof stored !== "object" || stored === null) return false;
  const a = Object.entries(stored as Record<string, unknown>).sort(([x], [y]) =>
    x.localeCompare(y),
  );
  const b = Object.entries(stampedPaths(planned)).sort(([x], [y]) => x.localeCompare(y));
  return (
    a.length === b.length && a.every(([key, value], i) => b[i]?.[0] === key && b[i]?.[1] === value)
  );
}
