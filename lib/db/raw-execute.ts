// A statement straight on the database driver (node-postgres or PGlite), beside Prisma, for bulk
// writes whose arguments are large. Prisma's query path and its driver adapters pass every
// statement's arguments to @prisma/debug, which keeps the last 100 calls' arguments in memory
// even with logging off: for the manifest import (about 450 KB of JSON per INSERT) that pinned
// some 50 MB per process until 100 later queries pushed it out.
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { processLog } from "@/lib/log";
import { noteDatabaseDown, noteDatabaseOk, noteDatabaseSuspect } from "./health";
import { DatabaseUnavailableError, isConnectionFailure } from "./unavailable";

/** Runs one statement with positional parameters ($1, $2, ...) and discards its rows. */
export type RawExecute = (sql: string, params: unknown[]) => Promise<void>;

export type RawExecutor = { execute: RawExecute; close: () => Promise<void> };

/** For a PostgreSQL server: one small pool of its own, opened on first use. */
export function postgresExecutor(config: pg.PoolConfig): RawExecutor {
  let pool: pg.Pool | undefined;
  return {
    execute: async (sql, params) => {
      // One connection is enough: bulk writes run one statement at a time (max 2: the next
      // batch may start while the previous one's connection is being released).
      pool ??= openPool(config);
      try {
        await pool.query(sql, params);
      } catch (error) {
        if (!isConnectionFailure(error)) throw error;
        const outage = new DatabaseUnavailableError(error);
        noteDatabaseDown(outage);
        throw outage;
      }
      noteDatabaseOk();
    },
    close: async () => {
      await pool?.end();
      pool = undefined;
    },
  };
}

function openPool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool({ ...config, max: 2, idleTimeoutMillis: 10_000, allowExitOnIdle: true });
  // An idle connection that dies (server restart, pg_terminate_backend) makes the pool emit
  // "error": without this listener, an uncaught exception that ends `npm run manifest`.
  pool.on("error", (error) => {
    noteDatabaseSuspect();
    processLog.warn("db.idle_connection_lost", { error });
  });
  return pool;
}

/** For embedded PGlite: the same instance Prisma uses (one process, one thread). */
export function pgliteExecutor(pglite: PGlite): RawExecutor {
  return {
    execute: async (sql, params) => {
      await pglite.query(sql, params);
    },
    close: async () => {},
  };
}

const RAW_EXECUTE = Symbol.for("warmind.rawExecute");

/** Remembers the driver beside a Prisma client, so code that is handed the client can use it. */
export function attachRawExecute<T extends object>(client: T, execute: RawExecute): T {
  Object.defineProperty(client, RAW_EXECUTE, { value: execute, enumerable: false });
  return client;
}

/** The driver beside this client, or undefined (a client made without one, as in some tests). */
export function rawExecuteOf(client: object): RawExecute | undefined {
  const execute: unknown = Reflect.get(client, RAW_EXECUTE);
  return typeof execute === "function" ? (execute as RawExecute) : undefined;
}
