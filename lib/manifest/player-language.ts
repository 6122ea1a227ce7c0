import "server-only";
// Which manifest language a player reads: their choice (PlayerSettings.language), else English.
import type { ManifestLanguage } from "@/lib/destiny/game-facts";
import { manifestDb, type ManifestDb } from "./db";
import { resolveManifestLanguage } from "./language";

/** The manifest language a signed-in player chose; English when they never chose. */
export async function getPlayerManifestLanguage(
  userId: string,
  db?: ManifestDb,
): Promise<ManifestLanguage> {
  const settings = await manifestDb(db).playerSettings.findUnique({
    where: { userId },
    select: { language: true },
  });
  return resolveManifestLanguage(settings?.language);
}
