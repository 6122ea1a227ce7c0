import "server-only";
import { Redis } from "ioredis";

/**
 * A Redis connection for the app's optional sharing (Bungie limits, per-player limits, caches).
 * Every caller has a fallback in process memory, so it fails fast: a request waits on these
 * calls, and a hung Redis must cost a fallback, not time. ioredis emits "error" while it
 * reconnects; the callers handle failed commands, so the event is silenced here (without a
 * listener Node reports it as unhandled).
 */
export function openRedis(url: string): Redis {
  const redis = new Redis(url, {
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    commandTimeout: 1_000,
  });
  redis.on("error", () => {});
  return redis;
}
