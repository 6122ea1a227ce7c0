import "server-only";
// One manifest import at a time, across requests and app instances: a lease row in the database.
// Why not pg_advisory_lock: it belongs to a connection, and Prisma's pool gives no guarantee the
// unlock runs on the connection that locked; holding a transaction for the whole import instead
// would block every reader on PGlite (one connection). A lease needs neither, and a crashed
// holder's lease simply expires. Times come from the database clock, so instances' clocks may
// disagree without harm.
import { randomUUID } from "node:crypto";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { ManifestLeaseLostError } from "./errors";
import type { RawDb } from "./db";

const LEASE_ID = "manifest-import";

export type LeaseOptions = {
  /** How long the lease lives without renewal (ms). */
  ttlMs?: number;
  /** How long to wait for another holder before giving up (ms). */
  maxWaitMs?: number;
  /** Delay between attempts while another instance holds it (ms). */
  pollMs?: number;
};

export type ImportLease = {
  readonly holder: string;
  /** Set once a renewal found the lease taken over; the import must stop. */
  readonly lost: boolean;
  /** Throws ManifestLeaseLostError when the lease was lost. */
  assertHeld(): void;
  release(): Promise<void>;
};

const DEFAULTS = { ttlMs: 60_000, maxWaitMs: 20 * 60_000, pollMs: 250 };

async function tryAcquire(db: RawDb, holder: string, ttlMs: number): Promise<boolean> {
  // One atomic statement: creates the row on first use, else takes it only when free or expired.
  const rows = await db.$queryRaw<{ holder: string }[]>`
    INSERT INTO "ManifestImportLease" ("id", "holder", "acquiredAt", "expiresAt")
    VALUES (${LEASE_ID}, ${holder}, now(), now() + make_interval(secs => ${ttlMs / 1000}::float8))
    ON CONFLICT ("id") DO UPDATE
      SET "holder" = EXCLUDED."holder", "acquiredAt" = EXCLUDED."acquiredAt",
          "expiresAt" = EXCLUDED."expiresAt"
      WHERE "ManifestImportLease"."holder" IS NULL OR "ManifestImportLease"."expiresAt" < now()
    RETURNING "holder"`;
  return rows.length === 1;
}

async function renew(db: RawDb, holder: string, ttlMs: number): Promise<boolean> {
  const count = await db.$executeRaw`
    UPDATE "ManifestImportLease"
    SET "expiresAt" = now() + make_interval(secs => ${ttlMs / 1000}::float8)
    WHERE "id" = ${LEASE_ID} AND "holder" = ${holder}`;
  return count === 1;
}

/** Whether `holder` still holds the lease; for use inside the switch transaction. */
export async function holdsLease(db: RawDb, holder: string): Promise<boolean> {
  const rows = await db.$queryRaw<{ holder: string }[]>`
    SELECT "holder" FROM "ManifestImportLease"
    WHERE "id" = ${LEASE_ID} AND "holder" = ${holder} AND "expiresAt" > now()
    FOR UPDATE`;
  return rows.length === 1;
}

/**
 * Takes the import lease, waiting while another import holds it, and keeps it alive with a
 * heartbeat until released. Callers re-check whether an import is still needed once they hold
 * it: the previous holder usually just imported the same manifest.
 */
export async function acquireImportLease(
  db: RawDb,
  options: LeaseOptions = {},
  onWait?: () => void,
): Promise<ImportLease> {
  const { ttlMs, maxWaitMs, pollMs } = { ...DEFAULTS, ...options };
  const holder = randomUUID();
  const deadline = Date.now() + maxWaitMs;
  let waited = false;
  while (!(await tryAcquire(db, holder, ttlMs))) {
    if (!waited) onWait?.();
    waited = true;
    if (Date.now() > deadline) {
      throw new Error(`Gave up after ${maxWaitMs} ms waiting for another manifest import`);
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }

  let lost = false;
  let released = false;
  let renewing: Promise<unknown> = Promise.resolve();
  // Renew at a third of the TTL: two renewals can fail (a slow query) before it expires.
  const heartbeat = setInterval(() => {
    renewing = renew(db, holder, ttlMs).then(
      (held) => {
        if (!held && !released) lost = true;
      },
      () => {}, // A failed renewal is retried by the next beat; expiry is the backstop.
    );
  }, ttlMs / 3);
  heartbeat.unref();

  return {
    holder,
    get lost() {
      return lost;
    },
    assertHeld() {
      if (lost) throw new ManifestLeaseLostError();
    },
    async release() {
      released = true;
      clearInterval(heartbeat);
      await renewing;
      const free = () => db.$executeRaw`
        UPDATE "ManifestImportLease" SET "holder" = NULL, "expiresAt" = NULL
        WHERE "id" = ${LEASE_ID} AND "holder" = ${holder}`;
      try {
        await free();
      } catch (error) {
        if (!isDatabaseUnavailable(error)) throw error;
        // The import failed because the database went away: free the lease as soon as it is
        // back (in the background), so the next page needing definitions does not wait out
        // the TTL. Expiry stays the backstop.
        retryUntil(free, Date.now() + ttlMs);
        throw error;
      }
    },
  };
}

function retryUntil(run: () => Promise<unknown>, deadline: number): void {
  const attempt = () => {
    if (Date.now() > deadline) return;
    run().catch(() => setTimeout(attempt, 1_000).unref());
  };
  setTimeout(attempt, 1_000).unref();
}
