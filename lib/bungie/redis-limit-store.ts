import "server-only";
import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import { openRedis, redisServing } from "@/lib/redis";
import { PRIORITIES } from "./fair-queue";
import {
  ACTION_POLL_MS,
  ANONYMOUS_PLAYER,
  BUNGIE_LIMITS,
  QUEUE_POLL_MS,
  QUEUE_STALE_MS,
  servedKeepMs,
  createLimiter,
  longestSpacing,
  type ActionKind,
  type BungieLimiter,
  type LimitSettings,
  type Claimant,
  type LimitStore,
} from "./limits";
import type { SafeLogger } from "./logger";
import { createMemoryLimitStore } from "./memory-limit-store";

const ANONYMOUS_PAGE: readonly Claimant[] = [{ priority: "page", player: ANONYMOUS_PLAYER }];

// The scripts read the clock from Redis (TIME), not from the app, so instances with skewed
// clocks still agree. Each runs atomically: check-and-take can't interleave between instances.

// The scope's window and its line of waiting claimants. KEYS: [1] sorted set of sends (member
// "<player>|<unique>", score: send time, ms), [2] the line (member "<class rank>|<player>", score:
// claimScore), [3] when each line member last asked (ms), [4] when each player was last granted
// a slot (ms, kept servedKeepMs), [5] backoff end (ms), [6] each player's sends in the window.
// ARGV: windowMs, maxRequests, unique send id, staleMs, pollMs, servedKeepMs, reserve, then one
// (class rank, player) pair per candidate. Returns {granted candidate index or -1, wait ms}.
// Scores are written with %.0f: Lua's default number format would round them.
const WINDOW_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[1])
local stale = tonumber(ARGV[4])
local servedKeep = tonumber(ARGV[6])
local reserve = tonumber(ARGV[7])
for _, send in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now - window)) do
  local player = string.match(send, '^(.*)|[^|]*$')
  if tonumber(redis.call('ZINCRBY', KEYS[6], -1, player)) <= 0 then
    redis.call('ZREM', KEYS[6], player)
  end
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', now - servedKeep)
for _, member in ipairs(redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', now - stale)) do
  redis.call('ZREM', KEYS[2], member)
  redis.call('ZREM', KEYS[3], member)
end
local function scoreOf(rank, player)
  local last = tonumber(redis.call('ZSCORE', KEYS[4], player) or '0')
  return tonumber(rank) * 1e13 + last
end
for i = 8, #ARGV, 2 do
  local member = ARGV[i] .. '|' .. ARGV[i + 1]
  redis.call('ZADD', KEYS[2], string.format('%.0f', scoreOf(ARGV[i], ARGV[i + 1])), member)
  redis.call('ZADD', KEYS[3], now, member)
end
redis.call('PEXPIRE', KEYS[2], window + stale)
redis.call('PEXPIRE', KEYS[3], window + stale)
local backoff = tonumber(redis.call('GET', KEYS[5]) or '0')
if backoff > now then return {-1, backoff - now} end
local free = tonumber(ARGV[2]) - redis.call('ZCARD', KEYS[1])
local function untilOldestLeaves()
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  if not oldest[2] then return 1 end
  return math.max(1, tonumber(oldest[2]) + window - now)
end
if free <= 0 then return {-1, untilOldestLeaves()} end
-- Down to the reserve, only light players (fewer than reserve sends in the window) may take one.
local function eligible(player)
  return free > reserve or tonumber(redis.call('ZSCORE', KEYS[6], player) or '0') < reserve
end
local best, bestScore, bestMember, bestPlayer = -1, nil, nil, nil
for i = 8, #ARGV, 2 do
  local score = scoreOf(ARGV[i], ARGV[i + 1])
  if eligible(ARGV[i + 1]) and (bestScore == nil or score < bestScore) then
    best, bestScore, bestMember, bestPlayer = (i - 8) / 2, score, ARGV[i] .. '|' .. ARGV[i + 1], ARGV[i + 1]
  end
end
if best < 0 then return {-1, untilOldestLeaves()} end
local bound = '(' .. string.format('%.0f', bestScore)
local ahead
if free > reserve then
  ahead = redis.call('ZCOUNT', KEYS[2], '-inf', bound)
else
  ahead = 0
  for _, member in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', bound, 'LIMIT', 0, 500)) do
    if eligible(string.match(member, '^[^|]*|(.*)$')) then ahead = ahead + 1 end
  end
end
if ahead >= free then return {-1, tonumber(ARGV[5])} end
redis.call('ZADD', KEYS[1], now, bestPlayer .. '|' .. ARGV[3])
redis.call('PEXPIRE', KEYS[1], window)
redis.call('ZINCRBY', KEYS[6], 1, bestPlayer)
redis.call('PEXPIRE', KEYS[6], window)
redis.call('ZADD', KEYS[4], now, bestPlayer)
redis.call('PEXPIRE', KEYS[4], servedKeep)
redis.call('ZREM', KEYS[2], bestMember)
redis.call('ZREM', KEYS[3], bestMember)
return {best, 0}
`;

// KEYS[1] the sends in the window, KEYS[2] each player's sends; ARGV: the send's member, windowMs.
// The answered send counts from now (LimitStore.answered); one that already left stays gone.
// (A plain ZADD after the comparison, not ZADD GT: that needs Redis 6.2.)
const ANSWERED_SCRIPT = `
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not score then return 0 end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
if tonumber(score) <= now - tonumber(ARGV[2]) or tonumber(score) >= now then return 0 end
redis.call('ZADD', KEYS[1], now, ARGV[1])
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]))
redis.call('PEXPIRE', KEYS[2], tonumber(ARGV[2]))
return 1
`;

// KEYS[1] the line, KEYS[2] its last-asked times; ARGV: the members that stopped waiting.
const LEAVE_SCRIPT = `
for _, member in ipairs(ARGV) do
  redis.call('ZREM', KEYS[1], member)
  redis.call('ZREM', KEYS[2], member)
end
return 0
`;

// KEYS[1] backoff end (ms); ARGV: ms. Extends the backoff, never shortens it.
const BACKOFF_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ms = tonumber(ARGV[1])
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if current < now + ms then
  redis.call('SET', KEYS[1], now + ms, 'PX', ms)
end
return 0
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
  warmindWindow(...args: (string | number)[]): Promise<[number, number]>;
  warmindAnswered(sends: string, usage: string, send: string, windowMs: number): Promise<number>;
  warmindLeave(...args: string[]): Promise<number>;
  warmindBackoff(key: string, ms: number): Promise<number>;
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
   * Key namespace of the players' action slots (client.ts limitScope): `warmind:bungie:<key id>`.
   * Bungie paces a player's actions whichever address they come from. Never holds a secret.
   */
  prefix: string;
  /**
   * Key namespace of the rolling window, its line of waiting players and the throttle backoff:
   * Bungie counts them per source IP, so every instance sending from one address shares it.
   * Defaults to `prefix`.
   */
  windowPrefix?: string;
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
  redis.defineCommand("warmindWindow", { numberOfKeys: 6, lua: WINDOW_SCRIPT });
  redis.defineCommand("warmindAnswered", { numberOfKeys: 2, lua: ANSWERED_SCRIPT });
  redis.defineCommand("warmindLeave", { numberOfKeys: 2, lua: LEAVE_SCRIPT });
  redis.defineCommand("warmindBackoff", { numberOfKeys: 1, lua: BACKOFF_SCRIPT });
  redis.defineCommand("warmindAction", { numberOfKeys: 1, lua: ACTION_SCRIPT });
  redis.defineCommand("warmindRelease", { numberOfKeys: 1, lua: RELEASE_SCRIPT });

  const fallback = createMemoryLimitStore(settings);
  const actionKey = (player: string) => `${options.prefix}:action:${player}`;
  const scope = options.windowPrefix ?? options.prefix;
  const windowKeys = ["window", "line", "line-seen", "served", "backoff", "usage"].map(
    (k) => `${scope}:${k}`,
  );
  const member = (c: Claimant) => `${PRIORITIES.indexOf(c.priority)}|${c.player}`;
  // A player's slot outlives their last answer by ten times the longest spacing.
  const keepMs = Math.max(1_000, longestSpacing(settings) * 10);
  const instance = randomUUID();
  let counter = 0;
  let warnedAt = 0;

  // While ioredis is reconnecting after a failure, don't make every request wait for a command
  // to fail: go local at once. (While first connecting, commands queue and run on connect.)
  const isDown = () => !redisServing(redis);

  const guarded = async <T>(run: () => Promise<T>, local: () => Promise<T>) => {
    if (isDown()) return local();
    try {
      return await run();
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
    tryRequest: (candidates = ANONYMOUS_PAGE) =>
      guarded(
        async () => {
          const unique = `${instance}:${++counter}`;
          const [granted, waitMs] = await redis.warmindWindow(
            ...windowKeys,
            settings.windowMs,
            settings.maxRequests,
            unique,
            QUEUE_STALE_MS,
            QUEUE_POLL_MS,
            servedKeepMs(settings),
            settings.reserve ?? 0,
            ...candidates.flatMap((c) => [PRIORITIES.indexOf(c.priority), c.player]),
          );
          const chosen = candidates[Number(granted)];
          // The member the script added to the window (see WINDOW_SCRIPT).
          const send = chosen ? `${chosen.player}|${unique}` : undefined;
          return { granted: Number(granted), waitMs: Number(waitMs), send };
        },
        () => fallback.tryRequest(candidates),
      ),
    async answered(send) {
      // Both: the slot may have come from either (fallback ids never match Redis members).
      await guarded(
        () => redis.warmindAnswered(windowKeys[0]!, windowKeys[5]!, send, settings.windowMs),
        async () => 0,
      );
      await fallback.answered(send);
    },
    async leaveQueue(claimants) {
      if (claimants.length === 0) return;
      await guarded(
        () => redis.warmindLeave(windowKeys[1]!, windowKeys[2]!, ...claimants.map(member)),
        async () => 0,
      );
      await fallback.leaveQueue(claimants);
    },
    async backOff(ms) {
      // Both: if Redis goes down during the backoff, this instance still keeps it.
      await fallback.backOff(ms);
      await guarded(
        () => redis.warmindBackoff(windowKeys[4]!, ms),
        async () => 0,
      );
    },
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
