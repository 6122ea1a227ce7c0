import "server-only";
// Batched definition lookups: one query per table per call, whatever the number of hashes, and an
// in-process cache keyed by (version, language, table, hash).
//
// Consistency: the query joins through ManifestCurrent, so every row it returns comes from the
// one version current when the statement ran, never a half-imported one. Which version is
// current is trusted without a query for VERSION_TTL_MS; a switch made by this process is known
// at once, one made by another instance within that TTL. On a switch the old version's cache
// entries are dropped and the call re-reads what it had taken from them.
import type { ManifestLanguage } from "@/lib/destiny/game-facts";
import { manifestDb, type ManifestDb, type RawDb } from "./db";
import { DefinitionBatch } from "./definition-batch";
import { CHECK_INTERVAL_MS, ensureManifest, refreshManifestInBackground } from "./ensure";
import { ManifestUnavailableError } from "./errors";
import { resolveManifestLanguage } from "./language";
import type { ManifestLogger } from "./progress";
import { toHash } from "./read";
import type { ManifestSources } from "./sources";
import { ManifestState, manifestState, type ServingVersion } from "./state";
import type { AnyDefinition, DefinitionOf, ManifestTableName } from "./types";
import { unknownDefinition } from "./unknown";

export const VERSION_TTL_MS = 15_000;

export type LookupOptions = {
  db?: ManifestDb;
  /**
   * Where to import from when nothing is stored yet, and for the periodic background check.
   * Defaults to lib/bungie; `false` never syncs (a lookup with nothing stored then throws).
   */
  sources?: ManifestSources | false;
  /** How long the current version is trusted without asking the database (ms). */
  versionTtlMs?: number;
  /** How often a language is checked against Bungie's manifest (ms). */
  checkIntervalMs?: number;
  /** Where imports started by lookups log (default: console). */
  log?: ManifestLogger;
};

type Row = { versionId: number; language: string; hash: bigint | number | null; data: unknown };

/**
 * The definitions of `hashes` in one table, in the given language (default English). Hashes the
 * manifest lacks get the table's "unknown" definition. Cached definitions are frozen: treat
 * them as read-only.
 */
export async function getDefinitions<T extends ManifestTableName>(
  table: T,
  hashes: Iterable<number>,
  language?: string | null,
  options: LookupOptions = {},
): Promise<DefinitionBatch<T>> {
  const db = manifestDb(options.db);
  const state = manifestState(db);
  const requested = resolveManifestLanguage(language);
  const ttl = options.versionTtlMs ?? VERSION_TTL_MS;

  const wanted = new Set<number>();
  const invalid = new Map<number, DefinitionOf<T>>();
  for (const value of hashes) {
    const hash = Number.isInteger(value) && value >= 0 ? toHash(value) : null;
    if (hash === null) invalid.set(value, unknownDefinition(table, value));
    else wanted.add(hash);
  }

  for (let attempt = 0; ; attempt++) {
    const known = state.serving.get(requested);
    const trusted = known && Date.now() - known.confirmedAt < ttl ? known : undefined;
    const found = new Map<number, DefinitionOf<T>>(invalid);
    const missing: number[] = [];
    for (const hash of wanted) {
      const hit = trusted && state.cache.get(ManifestState.key(trusted, table, hash));
      if (hit) found.set(hash, hit as DefinitionOf<T>);
      else missing.push(hash);
    }
    if (trusted && missing.length === 0) {
      return new DefinitionBatch(table, found, trusted.versionId, trusted.language);
    }

    // An untrusted version is re-confirmed by the same query that fetches the misses.
    const rows = await queryDefinitions(db, requested, table, missing);
    const first = rows[0];
    if (!first) {
      if (attempt > 0 || options.sources === false) {
        throw new ManifestUnavailableError(
          `No manifest is imported for "${requested}" or "en"; run \`npm run manifest -- sync\``,
        );
      }
      await ensureManifest(db, requested, options.sources, options.log).catch((cause: unknown) => {
        throw new ManifestUnavailableError(
          `No manifest is imported yet, and importing one failed: ${cause instanceof Error ? cause.message : String(cause)}`,
          { cause },
        );
      });
      continue;
    }

    const current: ServingVersion = {
      versionId: first.versionId,
      language: resolveManifestLanguage(first.language),
      confirmedAt: Date.now(),
    };
    if (known && known.versionId !== current.versionId) {
      state.switched(current.language, current.versionId);
      if (trusted && found.size > invalid.size) {
        // Part of this answer came from the replaced version: read it all again, consistently.
        state.serving.set(requested, current);
        continue;
      }
    }
    state.serving.set(requested, current);
    for (const row of rows) {
      if (row.hash === null || row.data === null) continue;
      const definition = deepFreeze(row.data as DefinitionOf<T>);
      const hash = Number(row.hash);
      state.cache.set(ManifestState.key(current, table, hash), definition as AnyDefinition);
      found.set(hash, definition);
    }
    for (const hash of missing) {
      if (found.has(hash)) continue;
      // Remembered too, so a page full of unknown hashes doesn't query on every render.
      const unknown = deepFreeze(unknownDefinition(table, hash));
      state.cache.set(ManifestState.key(current, table, hash), unknown as AnyDefinition);
      found.set(hash, unknown);
    }
    if (options.sources !== false) {
      refreshManifestInBackground(
        db,
        requested,
        options.sources,
        options.checkIntervalMs ?? CHECK_INTERVAL_MS,
        options.log,
      );
    }
    return new DefinitionBatch(table, found, current.versionId, current.language);
  }
}

/**
 * The current version of `language` (else of English) left-joined with the asked rows: always
 * one row when any manifest is imported, so an all-unknown answer still names its version.
 */
function queryDefinitions(
  db: RawDb,
  language: ManifestLanguage,
  table: ManifestTableName,
  hashes: number[],
): Promise<Row[]> {
  return db.$queryRaw<Row[]>`
    WITH serving AS (
      SELECT "language", "versionId" FROM "ManifestCurrent"
      WHERE "language" IN (${language}, 'en')
      ORDER BY ("language" = ${language}) DESC
      LIMIT 1
    )
    SELECT s."versionId", s."language", d."hash", d."data"
    FROM serving s
    LEFT JOIN "ManifestDefinition" d
      ON d."versionId" = s."versionId" AND d."tableName" = ${table}
     AND d."hash" = ANY(string_to_array(${hashes.join(",")}, ',')::bigint[])`;
}

function deepFreeze<V>(value: V): V {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
