// The profile cache shared through Redis (REDIS_URL): one instance's load serves another, and
// an action's invalidation on one instance is seen by every other at once.
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createProfileCache } from "@/lib/guardian/profile-cache";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

describe("profile cache shared through Redis", () => {
  let redis: Redis;
  const prefix = `warmind:test:profile:${randomUUID()}`;

  beforeAll(async () => {
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1, connectTimeout: 2_000 });
    await redis.ping();
  });

  afterAll(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it("serves one instance's load to another, and expires it with the TTL", async () => {
    const first = createProfileCache<{ items: number }>({
      redis: REDIS_URL,
      prefix,
      ttlMs: 15_000,
    });
    const second = createProfileCache<{ items: number }>({
      redis: REDIS_URL,
      prefix,
      ttlMs: 15_000,
    });
    try {
      const load = vi.fn(async () => ({ items: 700 }));
      expect(await first.get("3:111", load)).toEqual({ items: 700 });
      expect(await second.get("3:111", load)).toEqual({ items: 700 });
      expect(load).toHaveBeenCalledTimes(1);
      const pttl = await redis.pttl(`${prefix}:3:111`);
      expect(pttl).toBeGreaterThan(10_000);
      expect(pttl).toBeLessThanOrEqual(15_000);
    } finally {
      await first.close();
      await second.close();
    }
  });

  it("an invalidation on one instance makes every instance read again", async () => {
    const first = createProfileCache<string>({ redis: REDIS_URL, prefix });
    const second = createProfileCache<string>({ redis: REDIS_URL, prefix });
    try {
      await first.get("3:222", async () => "before the move");
      expect(await second.get("3:222", async () => "never")).toBe("before the move");
      // The action ran on the first instance...
      await first.invalidate("3:222");
      // ...and the second, which had its own copy in memory, doesn't serve it any more.
      const reload = vi.fn(async () => "after the move");
      expect(await second.get("3:222", reload)).toBe("after the move");
      expect(reload).toHaveBeenCalledTimes(1);
      expect(await first.get("3:222", async () => "never")).toBe("after the move");
    } finally {
      await first.close();
      await second.close();
    }
  });

  it("falls back to memory when Redis is unreachable", async () => {
    const cache = createProfileCache<string>({ redis: "redis://127.0.0.1:1", prefix });
    try {
      const load = vi.fn(async () => "from Bungie");
      expect(await cache.get("3:333", load)).toBe("from Bungie");
      expect(await cache.get("3:333", load)).toBe("from Bungie");
      expect(load).toHaveBeenCalledTimes(1);
      await cache.invalidate("3:333");
      expect(await cache.get("3:333", async () => "again")).toBe("again");
    } finally {
      await cache.close();
    }
  });
});
