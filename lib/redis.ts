import "server-only";
import { Redis } from "ioredis";
import { processLog } from "@/lib/log";

// The one place Redis connections are opened (the cache, the Bungie limiter, the per-player
// limits each hold one), and so the one place that knows whether Redis is there. Every caller
// has a fallback in process memory, so Redis going away costs sharing between instances, not
// pages. That is logged once when it happens (`redis.down`) and once when Redis is back
// (`redis.up`), whatever number of connections notice, and /api/health shows it.

type Tracked = { redis: Redis };
type State = {
  connections: Set<Tracked>;
  down: boolean;
  since: number;
  lastError?: string;
};

const globalForRedis = globalThis as unknown as { warmindRedis?: State };
const state = (): State =>
  (globalForRedis.warmindRedis ??= { connections: new Set(), down: false, since: Date.now() });

/**
 * A Redis connection for the app's optional sharing (Bungie limits, per-player limits, caches).
 * It fails fast: a request waits on these calls, and a hung Redis must cost a fallback, not
 * time. ioredis emits "error" while it reconnects; without a listener Node would report it as
 * unhandled, so the listener here turns it into the state above.
 */
export function openRedis(url: string): Redis {
  const redis = new Redis(url, {
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    commandTimeout: 1_000,
  });
  const tracked: Tracked = { redis };
  const s = state();
  s.connections.add(tracked);
  redis.on("ready", update);
  redis.on("error", (error: Error) => markDown(error));
  // "reconnecting": the connection was lost or could not be made (a connection we close
  // ourselves ends instead). "end": it stops for good, and no longer counts.
  redis.on("reconnecting", () => markDown(new Error("connection lost; reconnecting")));
  redis.on("end", () => {
    s.connections.delete(tracked);
    update();
  });
  return redis;
}

function markDown(error: Error): void {
  const s = state();
  if (s.down) return;
  s.down = true;
  s.since = Date.now();
  s.lastError = error.message;
  processLog.error("redis.down", {
    error,
    fallback: "per-instance limits and caches until Redis is back",
  });
}

function update(): void {
  const s = state();
  if (!s.down) return;
  // Back when every connection the app holds is ready again.
  if ([...s.connections].some((c) => c.redis.status !== "ready")) return;
  processLog.info("redis.up", { downForMs: Date.now() - s.since });
  s.down = false;
  s.since = Date.now();
  s.lastError = undefined;
}

// ioredis states in which a command would wait for a reconnection instead of failing fast.
const NOT_SERVING = new Set(["reconnecting", "close", "end"]);

/**
 * Whether a command sent on `redis` now can get a prompt answer. While a connection is lost the
 * callers use their in-process fallback at once instead of waiting for a command to fail. (While
 * first connecting, commands queue and run on connect.)
 */
export function redisServing(redis: Pick<Redis, "status">): boolean {
  return !NOT_SERVING.has(redis.status);
}

export type RedisHealth = {
  /** Whether any Redis connection is open in this process. */
  connections: number;
  down: boolean;
  since: number;
  lastError?: string;
};

export function redisHealth(): RedisHealth {
  const s = state();
  return {
    connections: s.connections.size,
    down: s.down,
    since: s.since,
    ...(s.lastError ? { lastError: s.lastError } : {}),
  };
}

/** Round trip of a PING on one of the app's connections, or why there is none. */
export async function pingRedis(
  url: string,
  timeoutMs = 1_000,
): Promise<{ ok: true; ms: number } | { ok: false; ms: number; error: string }> {
  const started = performance.now();
  const ms = () => Math.round((performance.now() - started) * 10) / 10;
  const globalPing = globalThis as unknown as { warmindRedisPing?: Redis };
  const redis = (globalPing.warmindRedisPing ??= openRedis(url));
  if (!redisServing(redis)) {
    return { ok: false, ms: ms(), error: `connection is ${redis.status}` };
  }
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      redis.ping(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { ok: true, ms: ms() };
  } catch (error) {
    return { ok: false, ms: ms(), error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
