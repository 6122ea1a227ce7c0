// The two databases every data-layer integration test runs on: embedded PGlite and PostgreSQL.
import { applyMigrations } from "@/lib/db/schema-engine";
import { openAdapter } from "@/lib/db/adapter";
import { attachRawExecute } from "@/lib/db/raw-execute";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createTestSchema } from "./postgres";

export type TestDatabase = {
  name: string;
  url: string;
  db: PrismaClient;
  /** Prisma's driver adapter under `db`, for a second client on the same database. */
  factory: ReturnType<typeof openAdapter>["factory"];
  close: () => Promise<void>;
};

export const DATABASE_KINDS = ["pglite", "postgres"] as const;

/**
 * A freshly migrated database of the given kind, with its own Prisma client made as the app makes
 * its own (lib/db.ts): with the driver beside it for bulk writes.
 */
export async function openTestDatabase(
  kind: (typeof DATABASE_KINDS)[number],
): Promise<TestDatabase> {
  if (kind === "pglite") {
    const url = "pglite:memory";
    const adapter = openAdapter(url);
    await applyMigrations(adapter.factory);
    const db = attachRawExecute(new PrismaClient({ adapter: adapter.factory }), adapter.execute);
    return {
      name: kind,
      url,
      db,
      factory: adapter.factory,
      close: async () => {
        await db.$disconnect();
        await adapter.close();
      },
    };
  }
  const schema = await createTestSchema("it");
  const adapter = openAdapter(schema.url);
  await applyMigrations(adapter.factory);
  const db = attachRawExecute(new PrismaClient({ adapter: adapter.factory }), adapter.execute);
  return {
    name: kind,
    url: schema.url,
    db,
    factory: adapter.factory,
    close: async () => {
      await db.$disconnect();
      await adapter.close();
      await schema.drop();
    },
  };
}
