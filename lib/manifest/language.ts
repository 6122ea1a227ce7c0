// Bungie's manifest language keys. Pure: the planner and the CLI validate with it too.
import { MANIFEST_LANGUAGES, type ManifestLanguage } from "@/lib/destiny/game-facts";
import { consoleManifestLogger, type ManifestLogger } from "./progress";

export const DEFAULT_MANIFEST_LANGUAGE: ManifestLanguage = "en";

export function isManifestLanguage(value: unknown): value is ManifestLanguage {
  return typeof value === "string" && (MANIFEST_LANGUAGES as readonly string[]).includes(value);
}

/** A valid language key, or English (with a log line) for anything Bungie does not serve. */
export function resolveManifestLanguage(
  value: string | null | undefined,
  log: ManifestLogger = consoleManifestLogger,
): ManifestLanguage {
  if (value === null || value === undefined || value === "") return DEFAULT_MANIFEST_LANGUAGE;
  if (isManifestLanguage(value)) return value;
  log(`"${value}" is not a manifest language (${MANIFEST_LANGUAGES.join(", ")}); using en`);
  return DEFAULT_MANIFEST_LANGUAGE;
}
