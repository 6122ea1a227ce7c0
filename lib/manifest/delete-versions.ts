import "server-only";
// Deletes every version no language reads: the one a switch replaced, and what crashed or
// failed imports left. Callers hold the import lease, so none of these is being written.
import type { RawDb } from "./db";

/** Rows per DELETE: on PGlite (one connection) readers get a turn between chunks. */
const CHUNK_ROWS = 5_000;

export async function deleteUnusedVersions(db: RawDb): Promise<number[]> {
  const unused = await db.$queryRaw<{ id: number }[]>`
    SELECT v."id" FROM "ManifestVersion" v
    WHERE NOT EXISTS (SELECT 1 FROM "ManifestCurrent" c WHERE c."versionId" = v."id")`;
  if (unused.length === 0) return [];
  const ids = unused.map((v) => v.id).join(",");
  // A 150 MB item table is ~90,000 rows: one DELETE would hold PGlite for seconds.
  for (let deleted = CHUNK_ROWS; deleted > 0;) {
    deleted = await db.$executeRaw`
      DELETE FROM "ManifestDefinition" WHERE ctid IN (
        SELECT ctid FROM "ManifestDefinition"
        WHERE "versionId" = ANY(string_to_array(${ids}, ',')::int[])
        LIMIT ${CHUNK_ROWS})`;
  }
  await db.$executeRaw`
    DELETE FROM "ManifestVersion" WHERE "id" = ANY(string_to_array(${ids}, ',')::int[])`;
  return unused.map((v) => v.id);
}
