import { AsyncLocalStorage } from "node:async_hooks";
import { log } from "@/lib/log";
import { DatabaseUnavailableError } from "./unavailable";

// What this process knows about its database: reachable or not, since when, and a probe to ask
// again. The driver guard (guard.ts) reports every query's outcome here, so an outage and the
// recovery are each logged once, whatever number of requests notice them. State lives on
// globalThis: proxy.ts (bundled apart from the pages, in the same process) reads it to answer
// signed-in page views with the outage page while the database is away.
//
// Embedded PGlite runs inside the process and cannot be "away": it only ever reports success.

type Probe = () => Promise<void>;
type State = {
  down: boolean;
  /** When the current state began (epoch ms). */
  since: number;
  lastOkAt: number;
  lastError?: string;
  probe?: Probe;
  probing?: Promise<boolean>;
  probedAt: number;
};

const globalForHealth = globalThis as unknown as { warmindDbHealth?: State };
const state = (): State =>
  (globalForHealth.warmindDbHealth ??= {
    down: false,
    since: Date.now(),
    lastOkAt: 0,
    probedAt: 0,
  });

/** A query got an answer. */
export function noteDatabaseOk(): void {
  const s = state();
  const now = Date.now();
  s.lastOkAt = now;
  if (!s.down) return;
  log.info("db.recovered", { downForMs: now - s.since });
  s.down = false;
  s.since = now;
  s.lastError = undefined;
}

/**
 * A pooled connection died (the server restarted, a failover, an administrator killed it): not
 * yet an outage, but the last good answer no longer vouches for the database, so the next
 * signed-in page view asks it (databaseReachable) before it is served.
 */
export function noteDatabaseSuspect(): void {
  state().lastOkAt = 0;
}

/** A query could not reach the database. */
export function noteDatabaseDown(error: DatabaseUnavailableError): void {
  const s = state();
  outageCapture.getStore()?.outages.push(error);
  if (s.down) return;
  s.down = true;
  s.since = Date.now();
  s.lastError = error.message;
  log.error("db.unavailable", { error });
}

export type DatabaseHealth = { down: boolean; since: number; lastOkAt: number; lastError?: string };

export function databaseHealth(): DatabaseHealth {
  const { down, since, lastOkAt, lastError } = state();
  return { down, since, lastOkAt, ...(lastError ? { lastError } : {}) };
}

/** lib/db.ts registers how to ask the database (a `SELECT 1`) when it opens the client. */
export function registerDatabaseProbe(probe: Probe): void {
  state().probe = probe;
}

/** A good answer this recent needs no probe. */
const FRESH_MS = 2_000;
/** After a failed probe, the next waits this long: an outage must not be hammered. */
const RETRY_PROBE_MS = 1_000;
const PROBE_TIMEOUT_MS = 2_000;

/**
 * Whether the database answers, cheaply: trusts a good answer from the last 2 s; otherwise asks
 * (one probe at a time for the whole process, at most 2 s, and at most once a second while it
 * is down). Undefined when this process has not opened its database yet: nothing to go on.
 */
export async function databaseReachable(): Promise<boolean | undefined> {
  const s = state();
  if (!s.probe) return undefined;
  const now = Date.now();
  if (!s.down && now - s.lastOkAt < FRESH_MS) return true;
  if (s.down && now - s.probedAt < RETRY_PROBE_MS) return false;
  return (s.probing ??= probeNow(s).finally(() => (s.probing = undefined)));
}

/** Asks the database now, within `timeoutMs`; the answer also updates the state. */
export async function probeDatabase(timeoutMs = PROBE_TIMEOUT_MS): Promise<boolean> {
  return probeNow(state(), timeoutMs);
}

async function probeNow(s: State, timeoutMs = PROBE_TIMEOUT_MS): Promise<boolean> {
  const probe = s.probe;
  if (!probe) return false;
  s.probedAt = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    timer.unref?.();
  });
  try {
    await Promise.race([probe(), timeout]);
    noteDatabaseOk();
    return true;
  } catch (error) {
    noteDatabaseDown(
      error instanceof DatabaseUnavailableError ? error : new DatabaseUnavailableError(error),
    );
    return false;
  } finally {
    clearTimeout(timer);
  }
}

// On globalThis like the state: Next.js bundles this module once per layer (pages, server actions,
// route handlers), and the client that reports an outage may come from another layer's copy.
type Capture = AsyncLocalStorage<{ outages: DatabaseUnavailableError[] }>;
const globalForCapture = globalThis as unknown as { warmindDbOutageCapture?: Capture };
const outageCapture: Capture = (globalForCapture.warmindDbOutageCapture ??=
  new AsyncLocalStorage());

/**
 * Runs `fn` and reports whether it met a database outage, even one a library caught and hid:
 * Auth.js treats a failed session lookup as "no session" and a failed sign-in as a generic
 * error, so its callers ask here to tell an outage apart from a signed-out visitor.
 */
export async function captureDatabaseOutage<T>(
  fn: () => Promise<T>,
): Promise<{ result: T; outage?: DatabaseUnavailableError }> {
  const box = { outages: [] as DatabaseUnavailableError[] };
  const result = await outageCapture.run(box, fn);
  return { result, ...(box.outages[0] ? { outage: box.outages[0] } : {}) };
}
