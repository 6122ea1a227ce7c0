import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { checkRateLimit, createRedisRateLimitStore } from "@/lib/security/player-rate-limit";

const redis = new Redis(process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379", {
  maxRetriesPerRequest: 1,
});

afterAll(async () => {
  await redis.quit();
});

describe("per-player rate limit in Redis", () => {
  it("is shared by every store (app instance) on the same Redis", async () => {
    const prefix = `warmind:test:rl:${process.pid}:${Date.now()}`;
    const a = createRedisRateLimitStore(redis, prefix);
    const b = createRedisRateLimitStore(redis, prefix);
    const rule = { limit: 4, windowMs: 30_000 };
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => checkRateLimit(i % 2 ? a : b, "item:u1", rule)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(4);
    const refused = results.find((r) => !r.ok);
    expect(refused && !refused.ok && refused.retryAfterSeconds).toBeGreaterThan(25);
    expect(await redis.pttl(`${prefix}:item:u1`)).toBeGreaterThan(25_000);
  });
});
