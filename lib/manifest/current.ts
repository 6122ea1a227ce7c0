import "server-only";
// The imported versions, as the sync and the CLI's `status` see them.
import type { RawDb } from "./db";

export type StoredVersion = {
  id: number;
  version: string;
  language: string;
  status: string;
  contentPaths: unknown;
  rowCount: number;
  startedAt: Date;
  finishedAt: Date | null;
  current: boolean;
};

/** The version readers of `language` use, or null before the first import. */
export async function readCurrentVersion(
  db: RawDb,
  language: string,
): Promise<StoredVersion | null> {
  const rows = await db.$queryRaw<StoredVersion[]>`
    SELECT v."id", v."version", v."language", v."status", v."contentPaths", v."rowCount",
           v."startedAt", v."finishedAt", true AS "current"
    FROM "ManifestCurrent" c JOIN "ManifestVersion" v ON v."id" = c."versionId"
    WHERE c."language" = ${language}`;
  return rows[0] ?? null;
}

/** Every stored version, current ones first. */
export async function listManifestVersions(db: RawDb): Promise<StoredVersion[]> {
  return db.$queryRaw<StoredVersion[]>`
    SELECT v."id", v."version", v."language", v."status", v."contentPaths", v."rowCount",
           v."startedAt", v."finishedAt", (c."versionId" IS NOT NULL) AS "current"
    FROM "ManifestVersion" v LEFT JOIN "ManifestCurrent" c ON c."versionId" = v."id"
    ORDER BY (c."versionId" IS NOT NULL) DESC, v."language", v."id" DESC`;
}
