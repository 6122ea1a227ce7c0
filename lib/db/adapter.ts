// Chooses Prisma's driver adapter from DATABASE_URL: a PostgreSQL server for postgres:// URLs
// (Vercel, any Node host), otherwise embedded PGlite (PostgreSQL compiled to WASM, in-process),
// so the same schema, migrations and SQL run in the demo, in tests and in production.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { processLog } from "@/lib/log";
import { guardAdapterFactory } from "./guard";
import { noteDatabaseSuspect } from "./health";
import { pgliteExecutor, postgresExecutor, type RawExecute } from "./raw-execute";

export type DatabaseTarget =
  { kind: "postgres"; url: string; schema?: string } | { kind: "pglite"; dataDir: string | null };

export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const schema = new URL(url).searchParams.get("schema") ?? undefined;
    return { kind: "postgres", url, schema };
  }
  if (url.startsWith("pglite:")) {
    const dir = url.slice("pglite:".length);
    return { kind: "pglite", dataDir: dir === "" || dir === "memory" ? null : path.resolve(dir) };
  }
  throw new Error(`Unsupported DATABASE_URL: expected postgres:// or pglite:<dir>`);
}

export type OpenedAdapter = {
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** The same database without Prisma in between (see raw-execute.ts): for bulk writes. */
  execute: RawExecute;
  close: () => Promise<void>;
};

export function openAdapter(url: string): OpenedAdapter {
  const target = parseDatabaseUrl(url);
  if (target.kind === "postgres") {
    // `?schema=` (Prisma's convention) must also become the search_path: the schema engine's
    // migration SQL is unqualified and would otherwise land in "public".
    const config = {
      connectionString: target.url,
      connectionTimeoutMillis: 10_000,
      ...(target.schema ? { options: `-c search_path="${target.schema}"` } : {}),
    };
    // A pool emits "error" when an idle connection dies (the server restarted, a failover, an
    // administrator's pg_terminate_backend): without a listener that is an uncaught exception,
    // which ends any process but Next's server. The pool drops the connection and opens a new
    // one on the next query; the outage itself, if any, is noted by the next query (guard.ts).
    const factory = new PrismaPg(config, {
      ...(target.schema ? { schema: target.schema } : {}),
      onPoolError: (error) => {
        noteDatabaseSuspect();
        processLog.warn("db.idle_connection_lost", { error });
      },
      onConnectionError: (error) => {
        noteDatabaseSuspect();
        processLog.warn("db.connection_lost", { error });
      },
    });
    const raw = postgresExecutor(config);
    return { factory: guardAdapterFactory(factory), execute: raw.execute, close: raw.close };
  }
  if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
  const pglite = target.dataDir ? new PGlite(target.dataDir) : new PGlite();
  const raw = pgliteExecutor(pglite);
  return {
    factory: guardAdapterFactory(new PrismaPGlite(pglite)),
    execute: raw.execute,
    close: () => pglite.close(),
  };
}
