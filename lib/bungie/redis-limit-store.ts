import "server-only";
import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import { openRedis, redisServing } from "@/lib/redis";
import {
  ACTION_POLL_MS,
  BUNGIE_LIMITS,
  createLimiter,
  longestSpacing,
  type ActionKind,
  type BungieLimiter,
  type LimitSettings,
  type LimitStore,
} from "./limits";
import type { SafeLogger } from "./logger";
import { createMemoryLimitStore } from "./memory-limit-store";

// The scripts read the clock from Redis (TIME), not from the app, so instances with skewed
// clocks still agree. Each runs atomically: check-and-take can't interleave between instances.

// KEYS[1] sorted set of send times (ms); ARGV: windowMs, maxRequests, unique member.
const WINDOW_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[2]) then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], window)
  return 0
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return math.max(1, tonumber(oldest[2]) + window - now)
`;

// KEYS[1] hash of the player's action slot {lease, until, done:<kind>…}; ARGV: spacingMs (of
// this kind, or longer for a resend), leaseMs, leaseId, pollMs, kind, keepMs. Waits while another
// lease of the player (of any kind) is live, then until done:<kind> + spacing.
const ACTION_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local spacing = tonumber(ARGV[1])
local slot = redis.call('HMGET', KEYS[1], 'lease', 'until', 'done:' .. ARGV[5])
if slot[1] and tonumber(slot[2]) > now then
  return math.min(tonumber(ARGV[4]), tonumber(slot[2]) - now)
end
if slot[3] then
  local wait = tonumber(slot[3]) + spacing - now
  if wait > 0 then return wait end
end
local lease = tonumber(ARGV[2])
redis.call('HSET', KEYS[1], 'lease', ARGV[3], 'until', now + lease)
redis.call('PEXPIRE', KEYS[1], lease + tonumber(ARGV[6]))
return 0
`;

// KEYS[1] as above; ARGV: leaseId, kind, keepMs. Only the lease holder may end it. The slot is
// kept keepMs (ten times the longest spacing) so every kind's spacing outlives it.
const RELEASE_SCRIPT = `
if redis.call('HGET', KEYS[1], 'lease') ~= ARGV[1] then return 0 end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('HDEL', KEYS[1], 'lease', 'until')
redis.call('HSET', KEYS[1], 'done:' .. ARGV[2], now)
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[3]))
return 1
`;

type ScriptedRedis = Redis & {
  warmindWindow(key: string, windowMs: number, max: number, member: string): Promise<number>;
  warmindAction(
    key: string,
    spacingMs: number,
    leaseMs: number,
    leaseId: string,
    pollMs: number,
    kind: ActionKind,
    keepMs: number,
  ): Promise<number>;
  warmindRelease(key: string, leaseId: string, kind: ActionKind, keepMs: number): Promise<number>;
};

export type RedisLimitOptions = {
  /** A redis:// URL (a connection is opened and closed by the store) or an ioredis instance. */
  redis: string | Redis;
  /**
   * Key namespace of the limits' scope (client.ts limitScope): `warmind:bungie:<scope id>`. Every
   * instance sending from the same address should share it; it never holds a secret.
   */
  prefix: string;
  settings?: LimitSettings;
  log?: SafeLogger;
};

/**
 * Limits shared by every app instance through Redis. If Redis is unreachable the store falls
 * back to this process's own counters (and says so in the log) rather than failing requests:
 * a Redis outage should not take the site down, and per-instance limits are still limits.
 */
export function createRedisLimitStore(options: RedisLimitOptions): LimitStore {
  const settings = options.settings ?? BUNGIE_LIMITS;
  const ownsConnection = typeof options.redis === "string";
  // Fail fast: a request waits on the limiter, so a hung Redis must not hang pages.
  const redis = (
    typeof options.redis === "string" ? openRedis(options.redis) : options.redis
  ) as ScriptedRedis;
  redis.defineCommand("warmindWindow", { numberOfKeys: 1, lua: WINDOW_SCRIPT });
  redis.defineCommand("warmindAction", { numberOfKeys: 1, lua: ACTION_SCRIPT });
  redis.defineCommand("warmindRelease", { numberOfKeys: 1, lua: RELEASE_SCRIPT });

  const fallback = createMemoryLimitStore(settings);
  const actionKey = (player: string) => `${options.prefix}:action:${player}`;
  // A player's slot outlives their last answer by ten times the longest spacing.
  const keepMs = Math.max(1_000, longestSpacing(settings) * 10);
  const instance = randomUUID();
  let counter = 0;
  let warnedAt = 0;

  // While ioredis is reconnecting after a failure, don't make every request wait for a command
  // to fail: go local at once. (While first connecting, commands queue and run on connect.)
  const isDown = () => !redisServing(redis);

  const guarded = async (run: () => Promise<number>, local: () => Promise<number>) => {
    if (isDown()) return local();
    try {
      return Number(await run());
    } catch (error) {
      if (Date.now() - warnedAt > 60_000) {
        warnedAt = Date.now();
        options.log?.("warn", "Redis limiter unavailable; using in-process limits", { error });
      }
      return local();
    }
  };

  return {
    kind: "redis",
    tryRequest: () =>
      guarded(
        () =>
          redis.warmindWindow(
            `${options.prefix}:window`,
            settings.windowMs,
            settings.maxRequests,
            `${instance}:${++counter}`,
          ),
        () => fallback.tryRequest(),
      ),
    tryAction: (claim) =>
      guarded(
        () =>
          redis.warmindAction(
            actionKey(claim.player),
            Math.max(settings.actionSpacingMs[claim.action], claim.minSpacingMs ?? 0),
            claim.leaseMs,
            claim.leaseId,
            ACTION_POLL_MS,
            claim.action,
            keepMs,
          ),
        () => fallback.tryAction(claim),
      ),
    async releaseAction(player, action, leaseId) {
      // Release where the lease was taken; both calls are harmless for a lease they don't hold.
      await guarded(
        () => redis.warmindRelease(actionKey(player), leaseId, action, keepMs),
        async () => 0,
      );
      await fallback.releaseAction(player, action, leaseId);
    },
    async close() {
      if (ownsConnection) redis.disconnect();
    },
  };
}

export function createRedisLimiter(options: RedisLimitOptions): BungieLimiter {
  return createLimiter(createRedisLimitStore(options));
}
