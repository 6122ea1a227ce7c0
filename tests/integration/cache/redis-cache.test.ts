// The app's cache shared through Redis (REDIS_URL): what one app instance loaded, another reads
// without calling Bungie; an invalidation on one instance is seen by every other at once; and a
// Redis outage costs Bungie calls, never a broken page.
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createCache } from "@/lib/cache/cache";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

describe("cache shared through Redis", () => {
  let redis: Redis;
  const prefix = `warmind:test:cache:${randomUUID()}`;
  const dataKey = (key: string) => `${prefix}:data:${key}`;

  beforeAll(async () => {
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1, connectTimeout: 2_000 });
    await redis.ping();
  });

  afterAll(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it("serves one instance's load to another, and Redis expires it with the TTL", async () => {
    const first = createCache({ redis: REDIS_URL, prefix });
    const second = createCache({ redis: REDIS_URL, prefix });
    const ttl = { ttlMs: 300_000 };
    try {
      const load = vi.fn(async () => ({ members: ["a", "b"], fetchedAt: 1 }));
      expect(await first.getOrLoad("roster:881", load, ttl)).toEqual({
        members: ["a", "b"],
        fetchedAt: 1,
      });
      expect(await second.getOrLoad("roster:881", load, ttl)).toEqual({
        members: ["a", "b"],
        fetchedAt: 1,
      });
      expect(load).toHaveBeenCalledTimes(1);
      const pttl = await redis.pttl(dataKey("roster:881"));
      expect(pttl).toBeGreaterThan(290_000);
      expect(pttl).toBeLessThanOrEqual(300_000);
      expect(await second.peek("roster:881")).toEqual({ members: ["a", "b"], fetchedAt: 1 });
    } finally {
      await first.close();
      await second.close();
    }
  });

  it("expires an entry kept until an absolute time (a vendor's next refresh) in Redis too", async () => {
    const cache = createCache({ redis: REDIS_URL, prefix });
    try {
      const refresh = Date.now() + 90_000;
      await cache.getOrLoad("vendors:3:46:c1", async () => ({ refresh }), {
        expiresAt: (v) => v.refresh,
      });
      const pttl = await redis.pttl(dataKey("vendors:3:46:c1"));
      expect(pttl).toBeGreaterThan(80_000);
      expect(pttl).toBeLessThanOrEqual(90_000);
    } finally {
      await cache.close();
    }
  });

  it("an invalidation on one instance makes every instance read again", async () => {
    const first = createCache({ redis: REDIS_URL, prefix });
    const second = createCache({ redis: REDIS_URL, prefix });
    const ttl = { ttlMs: 15_000 };
    try {
      await first.getOrLoad("3:222", async () => "before the move", ttl);
      expect(await second.getOrLoad("3:222", async () => "never", ttl)).toBe("before the move");
      // The action ran on the first instance...
      await first.invalidate("3:222");
      // The version key does not stay in Redis forever (it outlives every entry's lifetime).
      expect(await redis.pttl(`${prefix}:ver:3:222`)).toBeGreaterThan(30 * 24 * 3_600_000);
      // ...and the second, which had its own copy in memory, doesn't serve it any more.
      expect(await second.peek("3:222")).toBeUndefined();
      const reload = vi.fn(async () => "after the move");
      expect(await second.getOrLoad("3:222", reload, ttl)).toBe("after the move");
      expect(reload).toHaveBeenCalledTimes(1);
      expect(await first.getOrLoad("3:222", async () => "never", ttl)).toBe("after the move");
    } finally {
      await first.close();
      await second.close();
    }
  });

  it("shares a value set() on one instance with the others", async () => {
    const first = createCache({ redis: REDIS_URL, prefix });
    const second = createCache({ redis: REDIS_URL, prefix });
    try {
      await first.set("3:444", "re-read after a failed action", { ttlMs: 15_000 });
      expect(await second.peek("3:444")).toBe("re-read after a failed action");
    } finally {
      await first.close();
      await second.close();
    }
  });

  it("does not share values that were not meant to be kept", async () => {
    const cache = createCache({ redis: REDIS_URL, prefix });
    try {
      await cache.getOrLoad("member:3:1", async () => "unavailable", { ttlMs: () => 0 });
      expect(await redis.exists(dataKey("member:3:1"))).toBe(0);
    } finally {
      await cache.close();
    }
  });

  it("ignores an entry whose own expiry has passed (clock of the writer)", async () => {
    await redis.set(
      dataKey("stale"),
      JSON.stringify({ v: 0, e: Date.now() - 1, d: "old" }),
      "PX",
      60_000,
    );
    const cache = createCache({ redis: REDIS_URL, prefix });
    try {
      expect(await cache.getOrLoad("stale", async () => "new", { ttlMs: 1000 })).toBe("new");
    } finally {
      await cache.close();
    }
  });

  it("keeps working from memory when Redis is unreachable, and says so once a minute", async () => {
    let now = Date.now();
    const log = vi.fn();
    // Nothing listens on port 1: every Redis command fails fast.
    const cache = createCache({ redis: "redis://127.0.0.1:1", prefix, log, now: () => now });
    const load = vi.fn(async () => "from Bungie");
    const ttl = { ttlMs: 10 * 60_000 };
    try {
      expect(await cache.getOrLoad("k", load, ttl)).toBe("from Bungie");
      expect(await cache.getOrLoad("k", load, ttl)).toBe("from Bungie");
      expect(load).toHaveBeenCalledTimes(1);
      await cache.invalidate("k");
      expect(await cache.getOrLoad("k", async () => "again", ttl)).toBe("again");
      expect(log).toHaveBeenCalledTimes(1);
      expect(log.mock.calls[0]?.[0]).toMatch(/Redis unavailable/);
      now += 60_000;
      await cache.getOrLoad("k", load, ttl);
      expect(log).toHaveBeenCalledTimes(2);
    } finally {
      await cache.close();
    }
  });
});
