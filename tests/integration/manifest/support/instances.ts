// A second "app instance" on the same database: its own client object, so its own in-process
// state (in-flight syncs, cache, trusted version), and only the database in common.
import { openAdapter } from "@/lib/db/adapter";
import { PrismaClient } from "@/lib/generated/prisma/client";
import type { TestDatabase } from "../../../support/databases";

export async function openSecondInstance(
  t: TestDatabase,
): Promise<{ db: PrismaClient; close: () => Promise<void> }> {
  if (t.name === "postgres") {
    const db = new PrismaClient({ adapter: openAdapter(t.url).factory });
    return { db, close: () => db.$disconnect() };
  }
  // An in-memory PGlite lives in this process only: a distinct object over the same client
  // stands in for the other instance (the lease and the data are still only in the database).
  const db = new Proxy(t.db, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function"
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value;
    },
  });
  return { db, close: async () => {} };
}

/** A client that counts the operations (raw queries included) it runs. */
export function countingClient(db: PrismaClient): { db: PrismaClient; count: () => number } {
  let operations = 0;
  const counted = db.$extends({
    query: {
      async $allOperations({ args, query }) {
        operations += 1;
        return query(args);
      },
    },
  });
  return { db: counted as unknown as PrismaClient, count: () => operations };
}

/** Rows of every manifest table, to prove what a failed import left behind. */
export async function manifestRowCounts(db: PrismaClient) {
  const [versions, definitions, current] = await Promise.all([
    db.manifestVersion.findMany({
      select: { id: true, status: true, version: true, language: true },
      orderBy: { id: "asc" },
    }),
    db.$queryRaw<{ versionId: number; count: bigint }[]>`
      SELECT "versionId", count(*) AS count FROM "ManifestDefinition" GROUP BY "versionId" ORDER BY "versionId"`,
    db.manifestCurrent.findMany({ select: { language: true, versionId: true } }),
  ]);
  return {
    versions,
    definitions: definitions.map((d) => ({ versionId: d.versionId, count: Number(d.count) })),
    current,
  };
}
