import "server-only";
// Every definition of a SMALL table, for lists the app offers to pick from (the in-game loadout
// names, icons and colours) and for tables keyed by a hash nobody hands us (the one loadout
// constants entry). Only tables of a few dozen rows may be read whole: the item table has 150k.
import { manifestDb } from "./db";
import { DefinitionBatch } from "./definition-batch";
import { getDefinitions, type LookupOptions } from "./lookup";
import type { DefinitionOf } from "./types";

export const WHOLE_TABLES = [
  "DestinyLoadoutConstantsDefinition",
  "DestinyLoadoutNameDefinition",
  "DestinyLoadoutIconDefinition",
  "DestinyLoadoutColorDefinition",
] as const;
export type WholeTable = (typeof WHOLE_TABLES)[number];

type Row = { hash: bigint | number; data: unknown };

/** Per database client: `${versionId}:${language}:${table}` → the table (versions never change). */
const tables = new WeakMap<object, Map<string, DefinitionBatch<WholeTable>>>();

/**
 * All definitions of `table` in the version serving `language` (as getDefinitions resolves it,
 * importing a manifest if none is stored). Read once per version and process.
 */
export async function getWholeTable<T extends WholeTable>(
  table: T,
  language?: string | null,
  options: LookupOptions = {},
): Promise<DefinitionBatch<T>> {
  const db = manifestDb(options.db);
  // An empty lookup resolves (and usually trusts without a query) the serving version.
  const serving = await getDefinitions(table, [], language, options);
  let byDb = tables.get(db);
  if (!byDb) {
    byDb = new Map();
    tables.set(db, byDb);
  }
  const key = `${serving.versionId}:${serving.language}:${table}`;
  const cached = byDb.get(key);
  if (cached) return cached as unknown as DefinitionBatch<T>;

  const rows = await db.$queryRaw<Row[]>`
    SELECT "hash", "data" FROM "ManifestDefinition"
    WHERE "versionId" = ${serving.versionId} AND "tableName" = ${table}`;
  const found = new Map<number, DefinitionOf<T>>();
  for (const row of rows) {
    const definition = row.data as DefinitionOf<T>;
    found.set(Number(row.hash), Object.freeze(definition) as DefinitionOf<T>);
  }
  const batch = new DefinitionBatch(table, found, serving.versionId, serving.language);
  // Older versions' copies go: a process only ever serves the current one.
  for (const other of byDb.keys()) {
    if (other.endsWith(`:${serving.language}:${table}`)) byDb.delete(other);
  }
  byDb.set(key, batch as unknown as DefinitionBatch<WholeTable>);
  return batch;
}
