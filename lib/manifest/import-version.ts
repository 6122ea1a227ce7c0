import "server-only";
// Imports one manifest version: downloads each table, trims each definition, inserts in batches
// under a new ManifestVersion ("importing"), then, in one transaction, marks it ready and points
// the language at it. Readers join through that pointer, so until the switch they keep reading
// the previous version in full, and a failure anywhere leaves nothing visible.
import { rawExecuteOf } from "@/lib/db/raw-execute";
import type { ManifestDb } from "./db";
import { deleteUnusedVersions } from "./delete-versions";
import { ManifestDownloadError, ManifestLeaseLostError } from "./errors";
import { holdsLease, type ImportLease } from "./lease";
import { stampedPaths, type ImportPlan } from "./plan";
import type { ImportProgress, ManifestLogger } from "./progress";
import { hashOf, recordOrNull } from "./read";
import { streamTableEntries } from "./stream-table";
import { MANIFEST_TABLE_NAMES, MANIFEST_TABLES } from "./tables";
import type { ManifestSources } from "./sources";
import type { ManifestTableName } from "./types";

export type FetchContent = ManifestSources["fetchContent"];

export type ImportOptions = {
  db: ManifestDb;
  plan: ImportPlan;
  fetchContent: FetchContent;
  lease: ImportLease;
  log: ManifestLogger;
  onProgress?: (progress: ImportProgress) => void;
  /** Rows per INSERT, and the most JSON text one INSERT may carry. */
  batchRows?: number;
  batchBytes?: number;
};

export type TableImport = { table: ManifestTableName; rows: number; bytes: number; ms: number };

export type ImportedVersion = {
  versionId: number;
  rows: number;
  tables: TableImport[];
  /** Versions no language read any more (the replaced one), deleted after the switch. */
  replacedVersionIds: number[];
};

// 500 trimmed items are ~450 KB of JSON: big enough that round trips don't dominate, small enough
// that the batch in flight plus the one being parsed stay a few MB.
const DEFAULT_BATCH_ROWS = 500;
const DEFAULT_BATCH_BYTES = 512 * 1024;

const INSERT_BATCH_SQL = `
  INSERT INTO "ManifestDefinition" ("versionId", "tableName", "hash", "data")
  SELECT $1::int, $2::text, e.key::bigint, e.value
  FROM jsonb_each($3::jsonb) AS e
  ON CONFLICT ("versionId", "tableName", "hash") DO UPDATE SET "data" = EXCLUDED."data"`;

/**
 * One multi-row INSERT per batch. The rows travel as a single JSON object parameter that
 * PostgreSQL unpacks with jsonb_each: one bind parameter whatever the batch size, and the same
 * statement on PGlite and PostgreSQL. Straight on the driver when the client has one beside it
 * (the app's does): through Prisma, every batch would stay pinned in its debug history.
 */
async function insertBatch(
  db: ManifestDb,
  versionId: number,
  table: ManifestTableName,
  json: string,
): Promise<void> {
  const execute = rawExecuteOf(db);
  if (execute) return execute(INSERT_BATCH_SQL, [versionId, table, json]);
  await db.$executeRaw`
    INSERT INTO "ManifestDefinition" ("versionId", "tableName", "hash", "data")
    SELECT ${versionId}::int, ${table}::text, e.key::bigint, e.value
    FROM jsonb_each(${json}::jsonb) AS e
    ON CONFLICT ("versionId", "tableName", "hash") DO UPDATE SET "data" = EXCLUDED."data"`;
}

async function importTable(
  options: ImportOptions,
  versionId: number,
  table: ManifestTableName,
  path: string,
  position: { tableNumber: number; tableCount: number },
): Promise<TableImport> {
  const { db, lease, onProgress } = options;
  const batchRows = options.batchRows ?? DEFAULT_BATCH_ROWS;
  const batchBytes = options.batchBytes ?? DEFAULT_BATCH_BYTES;
  const started = performance.now();
  const trim = MANIFEST_TABLES[table].trim;

  let response: Response;
  try {
    response = await options.fetchContent(path);
  } catch (cause) {
    throw new ManifestDownloadError(`Downloading ${table} failed: ${message(cause)}`, table, {
      cause,
    });
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel().catch(() => {});
    throw new ManifestDownloadError(
      `Downloading ${table} failed: HTTP ${response.status} for ${path}`,
      table,
    );
  }
  // A compressed body's Content-Length counts compressed bytes; we count decompressed ones.
  const length = Number(response.headers.get("content-length"));
  const totalBytes =
    Number.isFinite(length) && length > 0 && !response.headers.get("content-encoding")
      ? length
      : null;

  let bytes = 0;
  let rows = 0;
  let batch: string[] = [];
  let batchSize = 0;
  const progress = (done: boolean, stored: number) =>
    onProgress?.({
      table,
      ...position,
      rows: stored,
      bytes,
      totalBytes,
      fraction: totalBytes === null ? null : Math.min(bytes / totalBytes, 1),
      done,
    });
  // One INSERT in flight while the next batch is parsed: on a PostgreSQL server the two overlap
  // (on PGlite, which runs in this thread, they simply take turns). Memory: one batch more.
  let inFlight: Promise<void> = Promise.resolve();
  const flush = async () => {
    await inFlight; // rethrows the previous INSERT's error
    if (batch.length === 0) return;
    lease.assertHeld();
    const json = `{${batch.join(",")}}`;
    const inserted = rows;
    batch = [];
    batchSize = 0;
    inFlight = insertBatch(db, versionId, table, json).then(() => {
      progress(false, inserted);
    });
    inFlight.catch(() => {}); // observed by the next flush; keeps Node from calling it unhandled
  };

  const entries = streamTableEntries(response.body, (count) => (bytes = count));
  try {
    for (;;) {
      let step: IteratorResult<{ key: string; value: unknown }>;
      try {
        step = await entries.next();
      } catch (cause) {
        throw new ManifestDownloadError(
          `Reading ${table} failed after ${bytes} bytes: ${message(cause)}`,
          table,
          { cause },
        );
      }
      if (step.done) break;
      const definition = recordOrNull(step.value.value);
      const hash = definition ? hashOf(definition, step.value.key) : null;
      if (!definition || hash === null) continue; // Not a definition: nothing a lookup could find.
      const row = `"${hash}":${JSON.stringify(trim(definition, hash))}`;
      batch.push(row);
      batchSize += row.length;
      rows += 1;
      if (batch.length >= batchRows || batchSize >= batchBytes) await flush();
    }
    await flush();
    await inFlight;
  } finally {
    // On failure, let the last INSERT settle before the caller deletes the version.
    await inFlight.catch(() => {});
  }
  progress(true, rows);
  return { table, rows, bytes, ms: Math.round(performance.now() - started) };
}

export async function importManifestVersion(options: ImportOptions): Promise<ImportedVersion> {
  const { db, plan, lease, log } = options;
  const created = await db.manifestVersion.create({
    data: {
      version: plan.version,
      language: plan.language,
      status: "importing",
      contentPaths: stampedPaths(plan.paths),
    },
    select: { id: true },
  });
  const versionId = created.id;
  try {
    const tables: TableImport[] = [];
    const names = MANIFEST_TABLE_NAMES.filter((table) => plan.paths[table] !== undefined);
    for (const [index, table] of names.entries()) {
      const position = { tableNumber: index + 1, tableCount: names.length };
      tables.push(await importTable(options, versionId, table, plan.paths[table]!, position));
    }
    const rows = tables.reduce((sum, t) => sum + t.rows, 0);

    await db.$transaction(async (tx) => {
      // FOR UPDATE: no other instance can take the lease until this switch commits.
      if (!(await holdsLease(tx, lease.holder))) throw new ManifestLeaseLostError();
      await tx.$executeRaw`
        UPDATE "ManifestVersion" SET "status" = 'ready', "finishedAt" = now(), "rowCount" = ${rows}
        WHERE "id" = ${versionId}`;
      await tx.$executeRaw`
        INSERT INTO "ManifestCurrent" ("language", "versionId", "switchedAt")
        VALUES (${plan.language}, ${versionId}, now())
        ON CONFLICT ("language") DO UPDATE
          SET "versionId" = EXCLUDED."versionId", "switchedAt" = EXCLUDED."switchedAt"`;
    });
    log(`Manifest ${plan.version} (${plan.language}) is now current: ${rows} definitions`);

    // After the switch: a reader that started before it still sees the old rows (its statement's
    // snapshot), and every later reader follows the pointer to the new version.
    const replaced = await deleteUnusedVersions(db).catch((error: unknown) => {
      // Harmless: the next import deletes every version no pointer refers to.
      log(`Could not delete replaced manifest versions yet: ${message(error)}`);
      return [];
    });
    return { versionId, rows, tables, replacedVersionIds: replaced };
  } catch (error) {
    // Never visible (no pointer refers to it); delete it now rather than at the next import.
    await db.$executeRaw`DELETE FROM "ManifestVersion" WHERE "id" = ${versionId}`.catch(() => {});
    throw error;
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
