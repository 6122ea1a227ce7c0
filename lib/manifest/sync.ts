import "server-only";
// Brings the stored manifest of a language up to date with Bungie's: asks for the manifest,
// compares the content paths of the tables we use with the current version's, and imports only
// when they differ (or when forced). One import at a time: concurrent calls of this process share
// one promise, other instances wait on the database lease and then find the work done.
import type { DestinyManifest } from "bungie-api-ts/destiny2";
import type { ManifestLanguage } from "@/lib/destiny/game-facts";
import { readCurrentVersion } from "./current";
import { manifestDb, type ManifestDb } from "./db";
import { deleteUnusedVersions } from "./delete-versions";
import { ManifestDownloadError } from "./errors";
import { importManifestVersion, type TableImport } from "./import-version";
import { resolveManifestLanguage } from "./language";
import { acquireImportLease, type LeaseOptions } from "./lease";
import { planImport, samePaths } from "./plan";
import {
  consoleManifestLogger,
  progressLogger,
  type ImportProgress,
  type ManifestLogger,
} from "./progress";
import { defaultManifestSources, type ManifestSources } from "./sources";
import { manifestState } from "./state";

export type SyncOptions = {
  db?: ManifestDb;
  /** Requested language; unknown keys and languages Bungie does not serve fall back to "en". */
  language?: string | null;
  /** Import even when the stored content paths match Bungie's. */
  force?: boolean;
  sources?: ManifestSources;
  onProgress?: (progress: ImportProgress) => void;
  log?: ManifestLogger;
  lease?: LeaseOptions;
  batchRows?: number;
};

export type SyncResult = {
  /** "up-to-date": nothing imported (already current, or another call imported it meanwhile). */
  status: "imported" | "up-to-date";
  requestedLanguage: string;
  language: ManifestLanguage;
  version: string;
  versionId: number;
  /** This call waited for another import (of this or another instance) to finish. */
  waited: boolean;
  rows: number;
  tables: TableImport[];
  durationMs: number;
};

const inFlight = new WeakMap<object, Map<string, Promise<SyncResult>>>();

export function syncManifest(options: SyncOptions = {}): Promise<SyncResult> {
  const db = manifestDb(options.db);
  const log = options.log ?? consoleManifestLogger;
  const language = resolveManifestLanguage(options.language, log);
  const key = `${language}:${options.force ? "force" : ""}`;
  let running = inFlight.get(db);
  if (!running) inFlight.set(db, (running = new Map()));
  const existing = running.get(key);
  if (existing) return existing;
  const promise = runSync(db, language, options, log).finally(() => running.delete(key));
  running.set(key, promise);
  return promise;
}

async function runSync(
  db: ManifestDb,
  requested: ManifestLanguage,
  options: SyncOptions,
  log: ManifestLogger,
): Promise<SyncResult> {
  const started = performance.now();
  const sources = options.sources ?? defaultManifestSources();
  let manifest: DestinyManifest;
  try {
    manifest = await sources.getManifest();
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new ManifestDownloadError(`Fetching Bungie's manifest failed: ${detail}`, undefined, {
      cause,
    });
  }
  const plan = planImport(manifest, requested, log);
  const result = (
    status: SyncResult["status"],
    versionId: number,
    waited: boolean,
    tables: TableImport[] = [],
  ): SyncResult => ({
    status,
    requestedLanguage: requested,
    language: plan.language,
    version: plan.version,
    versionId,
    waited,
    rows: tables.reduce((sum, t) => sum + t.rows, 0),
    tables,
    durationMs: Math.round(performance.now() - started),
  });

  const before = await readCurrentVersion(db, plan.language);
  if (!options.force && before && samePaths(before.contentPaths, plan.paths)) {
    if (before.version !== plan.version) {
      // Bungie bumped `version` without touching our tables: record it, keep the data.
      await db.$executeRaw`
        UPDATE "ManifestVersion" SET "version" = ${plan.version} WHERE "id" = ${before.id}`;
    }
    return result("up-to-date", before.id, false);
  }

  let waited = false;
  const lease = await acquireImportLease(db, options.lease, () => {
    waited = true;
    log("Another manifest import is running; waiting for it to finish");
  });
  try {
    // The import we waited for has usually just stored this very manifest.
    const now = await readCurrentVersion(db, plan.language);
    const switchedMeanwhile = now !== null && now.id !== before?.id;
    if (now && samePaths(now.contentPaths, plan.paths) && (!options.force || switchedMeanwhile)) {
      return result("up-to-date", now.id, waited);
    }
    // Versions no pointer refers to are left over from crashed or failed imports; none can be
    // in progress, since we hold the lease.
    await deleteUnusedVersions(db);

    log(
      `Importing manifest ${plan.version} (${plan.language}): ${Object.keys(plan.paths).length} tables`,
    );
    const onProgress = options.onProgress;
    const logProgress = progressLogger(log);
    const imported = await importManifestVersion({
      db,
      plan,
      fetchContent: sources.fetchContent,
      lease,
      log,
      batchRows: options.batchRows,
      onProgress: (progress) => {
        logProgress(progress);
        onProgress?.(progress);
      },
    });
    manifestState(db).switched(plan.language, imported.versionId);
    return result("imported", imported.versionId, waited, imported.tables);
  } finally {
    await lease.release().catch((error: unknown) => {
      // The lease expires by itself; the next import only waits for its TTL.
      log(`Could not release the import lease: ${error instanceof Error ? error.message : error}`);
    });
  }
}
