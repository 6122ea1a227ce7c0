import "server-only";
// "On first need, and whenever Bungie's manifest changes": lookups call these. With no manifest
// at all a lookup must wait for the import (there is nothing to show); otherwise the check against
// Bungie runs in the background at most every CHECK_INTERVAL_MS per language and process, and
// readers keep the version they have until the new one is switched in.
import type { ManifestLanguage } from "@/lib/destiny/game-facts";
import type { ManifestDb } from "./db";
import { consoleManifestLogger, type ManifestLogger } from "./progress";
import type { ManifestSources } from "./sources";
import { manifestState } from "./state";
import { syncManifest, type SyncResult } from "./sync";

export const CHECK_INTERVAL_MS = 10 * 60_000;

/** Imports the language's manifest if needed, and waits for it. */
export function ensureManifest(
  db: ManifestDb,
  language: ManifestLanguage,
  sources?: ManifestSources,
  log?: ManifestLogger,
): Promise<SyncResult> {
  manifestState(db).lastChecked.set(language, Date.now());
  return syncManifest({ db, language, sources, log });
}

/** Starts a check (and import, if Bungie's changed) when the last one is old enough. */
export function refreshManifestInBackground(
  db: ManifestDb,
  language: ManifestLanguage,
  sources?: ManifestSources,
  intervalMs = CHECK_INTERVAL_MS,
  log: ManifestLogger = consoleManifestLogger,
): void {
  const last = manifestState(db).lastChecked.get(language);
  if (last !== undefined && Date.now() - last < intervalMs) return;
  ensureManifest(db, language, sources, log).catch((error: unknown) => {
    // Readers still have the current version; the next interval tries again.
    log(
      `Background manifest check failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  });
}
