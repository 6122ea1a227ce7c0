import "server-only";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { openAdapter } from "@/lib/db/adapter";
import { attachRawExecute } from "@/lib/db/raw-execute";
import { getEnv } from "@/lib/env";
import { registerDatabaseProbe } from "@/lib/db/health";

// One client per process, kept on globalThis so dev hot reloads don't open a new pool (or a
// second PGlite on the same data directory, which PGlite does not allow). Opened on first use,
// not at import, so `next build` never touches the database.
const globalForDb = globalThis as unknown as { warmindDb?: PrismaClient };

export function createDb(databaseUrl: string): PrismaClient {
  const opened = openAdapter(databaseUrl);
  return attachRawExecute(new PrismaClient({ adapter: opened.factory }), opened.execute);
}

export function getDb(): PrismaClient {
  if (globalForDb.warmindDb) return globalForDb.warmindDb;
  const client = createDb(getEnv().databaseUrl);
  // How /api/health and proxy.ts ask whether the database answers (lib/db/health.ts).
  registerDatabaseProbe(async () => {
    await client.$queryRaw`SELECT 1`;
  });
  return (globalForDb.warmindDb = client);
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getDb();
    const value: unknown = Reflect.get(client, property, client);
    return typeof value === "function"
      ? (value as (...a: unknown[]) => unknown).bind(client)
      : value;
  },
});
