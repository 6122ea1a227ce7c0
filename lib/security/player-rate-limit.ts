import "server-only";
import type { Redis } from "ioredis";
import { openRedis, redisServing } from "@/lib/redis";
import { getEnv } from "@/lib/env";

// Per-player limits on our own server actions, so one player (or a script with their cookie)
// cannot hammer Bungie through us or flood the database. Counted in fixed windows: in process
// memory, or in Redis when REDIS_URL is set so every app instance shares the count.

export type RateLimitRule = { limit: number; windowMs: number };

export const ACTION_LIMITS = {
  /** Moves, equips, pulls and locks: a busy player clearing a postmaster stays well under. */
  item: { limit: 120, windowMs: 60_000 },
  /** Settings, character and platform choices, subscriptions. */
  settings: { limit: 30, windowMs: 60_000 },
  /**
   * Re-reads the player asks for past our caches (the vendors page's refresh): each is a Bungie
   * call from the budget every player shares, and a handful a minute is plenty.
   */
  bungieRead: { limit: 6, windowMs: 60_000 },
  /** A vendor's power and gear tiers (one GetVendor each, cached until the vendor refreshes). */
  vendorDetails: { limit: 20, windowMs: 60_000 },
} satisfies Record<string, RateLimitRule>;

export type ActionLimitKind = keyof typeof ACTION_LIMITS;

export type RateLimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface RateLimitStore {
  hit(key: string, windowMs: number): Promise<{ count: number; resetInMs: number }>;
}

export function createMemoryRateLimitStore(now: () => number = Date.now): RateLimitStore {
  const windows = new Map<string, { count: number; resetAt: number }>();
  return {
    async hit(key, windowMs) {
      const t = now();
      let w = windows.get(key);
      if (!w || w.resetAt <= t) {
        w = { count: 0, resetAt: t + windowMs };
        windows.set(key, w);
        if (windows.size > 50_000) {
          for (const [k, v] of windows) if (v.resetAt <= t) windows.delete(k);
        }
      }
      w.count++;
      return { count: w.count, resetInMs: w.resetAt - t };
    },
  };
}

export function createRedisRateLimitStore(redis: Redis, prefix = "warmind:rl:v1"): RateLimitStore {
  return {
    async hit(key, windowMs) {
      const k = `${prefix}:${key}`;
      const [[, count], [, ttl]] = (await redis.multi().incr(k).pttl(k).exec()) as [
        [unknown, number],
        [unknown, number],
      ];
      if (ttl < 0) {
        await redis.pexpire(k, windowMs);
        return { count, resetInMs: windowMs };
      }
      return { count, resetInMs: ttl };
    },
  };
}

export async function checkRateLimit(
  store: RateLimitStore,
  key: string,
  rule: RateLimitRule,
): Promise<RateLimitResult> {
  const { count, resetInMs } = await store.hit(key, rule.windowMs);
  if (count <= rule.limit) return { ok: true };
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(resetInMs / 1000)) };
}

let defaultStore: RateLimitStore | undefined;

function getStore(): RateLimitStore {
  if (!defaultStore) {
    const url = getEnv().REDIS_URL;
    if (url) {
      const redis = openRedis(url);
      const shared = createRedisRateLimitStore(redis);
      const local = createMemoryRateLimitStore();
      // Redis is shared protection; while it is away, keep limiting in this process (at once:
      // an action must not wait for a command to time out).
      defaultStore = {
        hit: (key, windowMs) =>
          redisServing(redis)
            ? shared.hit(key, windowMs).catch(() => local.hit(key, windowMs))
            : local.hit(key, windowMs),
      };
    } else {
      defaultStore = createMemoryRateLimitStore();
    }
  }
  return defaultStore;
}

/** For server actions: whether this player may run one more action of this kind now. */
export function limitPlayerAction(userId: string, kind: ActionLimitKind): Promise<RateLimitResult> {
  return checkRateLimit(getStore(), `${kind}:${userId}`, ACTION_LIMITS[kind]);
}

export function rateLimitMessage(result: { retryAfterSeconds: number }): string {
  return `Too many actions in a short time. Please wait ${result.retryAfterSeconds} s and try again.`;
}
