import "server-only";
import { classifyBungieTrouble, getDestinyManifest } from "@/lib/bungie";
import { getDb } from "@/lib/db";
import { databaseHealth, probeDatabase } from "@/lib/db/health";
import { getEnv } from "@/lib/env";
import { pingRedis, redisHealth } from "@/lib/redis";

// What /api/health reports: whether this instance can reach its database, Redis and Bungie, and
// how long each took. Load balancers read the status (503 while the database is away: this
// instance cannot serve a signed-in player); operators read the body. It says nothing secret:
// states and timings, never hosts, URLs or error text.

export type Reachability = {
  ok: boolean;
  /** Round trip of this check, in ms. */
  ms: number;
  /** When the current state (up or down) began, as this instance saw it. */
  since?: string;
};

export type HealthReport = {
  /** False only when the database is unreachable. */
  ok: boolean;
  demo: boolean;
  database: Reachability;
  redis:
    | { configured: false; limits: "per-instance" }
    | (Reachability & { configured: true; limits: "shared" | "per-instance" });
  /**
   * The last check of Bungie (made at most every 30 s, in the background: the answer never
   * waits more than 1 s for it). `ok: null` until the first check has finished.
   */
  bungie: { ok: null } | (Reachability & { trouble?: string; checkedAt: string });
};

const DATABASE_TIMEOUT_MS = 2_000;
const REDIS_TIMEOUT_MS = 1_000;
const BUNGIE_TIMEOUT_MS = 4_000;
/** Bungie's budget is shared by every player: a health poll every few seconds must not spend it. */
const BUNGIE_CHECK_EVERY_MS = 30_000;
const BUNGIE_WAIT_MS = 1_000;

type BungieCheck = Exclude<HealthReport["bungie"], { ok: null }>;
const globalForHealth = globalThis as unknown as {
  warmindBungieHealth?: { startedAt: number; last?: BungieCheck; running?: Promise<void> };
};

export async function checkHealth(): Promise<HealthReport> {
  const env = getEnv();
  const [database, redis, bungie] = await Promise.all([
    checkDatabase(),
    checkRedis(env.REDIS_URL),
    checkBungie(),
  ]);
  return { ok: database.ok, demo: env.demo, database, redis, bungie };
}

async function checkDatabase(): Promise<Reachability> {
  getDb(); // opens the client (and registers its probe) on the first check
  const started = performance.now();
  const ok = await probeDatabase(DATABASE_TIMEOUT_MS);
  return { ok, ms: elapsed(started), since: new Date(databaseHealth().since).toISOString() };
}

async function checkRedis(url: string | undefined): Promise<HealthReport["redis"]> {
  if (!url) return { configured: false, limits: "per-instance" };
  const ping = await pingRedis(url, REDIS_TIMEOUT_MS);
  const state = redisHealth();
  const ok = ping.ok && !state.down;
  return {
    configured: true,
    ok,
    ms: ping.ms,
    since: new Date(state.since).toISOString(),
    // While Redis is away each instance limits and caches on its own.
    limits: ok ? "shared" : "per-instance",
  };
}

async function checkBungie(): Promise<HealthReport["bungie"]> {
  const state = (globalForHealth.warmindBungieHealth ??= { startedAt: 0 });
  if (!state.running && Date.now() - state.startedAt >= BUNGIE_CHECK_EVERY_MS) {
    state.startedAt = Date.now();
    state.running = askBungie().then((result) => {
      state.last = result;
      state.running = undefined;
    });
  }
  if (state.running) {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      state.running,
      new Promise((resolve) => (timer = setTimeout(resolve, BUNGIE_WAIT_MS))),
    ]);
    clearTimeout(timer);
  }
  return state.last ?? { ok: null };
}

async function askBungie(): Promise<BungieCheck> {
  const started = performance.now();
  const checkedAt = new Date().toISOString();
  try {
    await getDestinyManifest({ timeoutMs: BUNGIE_TIMEOUT_MS, priority: "background" });
    return { ok: true, ms: elapsed(started), checkedAt };
  } catch (error) {
    return {
      ok: false,
      ms: elapsed(started),
      checkedAt,
      trouble: classifyBungieTrouble(error).kind,
    };
  }
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}
