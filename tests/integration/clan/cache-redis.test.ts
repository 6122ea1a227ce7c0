// The clan cache shared through Redis (REDIS_URL): what one app instance loaded, another reads
// without calling Bungie; and a Redis outage costs Bungie calls, never a broken page.
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createClanCache } from "@/lib/clan/cache";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

describe("clan cache shared through Redis", () => {
  let redis: Redis;
  const prefix = `warmind:test:clan:${randomUUID()}`;

  beforeAll(async () => {
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1, connectTimeout: 2_000 });
    await redis.ping();
  });

  afterAll(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it("lets a second instance read what the first one loaded, with Redis expiring it", async () => {
    const first = createClanCache({ redis: REDIS_URL, prefix });
    const second = createClanCache({ redis: REDIS_URL, prefix });
    const load = vi.fn(async () => ({ members: ["a", "b"], fetchedAt: 1 }));
    const ttl = { ttlMs: () => 300_000 };
    try {
      expect(await first.getOrLoad("roster:881", load, ttl)).toEqual({
        members: ["a", "b"],
        fetchedAt: 1,
      });
      expect(await second.getOrLoad("roster:881", load, ttl)).toEqual({
        members: ["a", "b"],
        fetchedAt: 1,
      });
      expect(load).toHaveBeenCalledTimes(1);
      const pttl = await redis.pttl(`${prefix}:roster:881`);
      expect(pttl).toBeGreaterThan(290_000);
      expect(pttl).toBeLessThanOrEqual(300_000);
    } finally {
      await first.close();
      await second.close();
    }
  });

  it("does not share values that were not meant to be kept", async () => {
    const first = createClanCache({ redis: REDIS_URL, prefix });
    try {
      await first.getOrLoad("member:3:1", async () => "unavailable", { ttlMs: () => 0 });
      expect(await redis.exists(`${prefix}:member:3:1`)).toBe(0);
    } finally {
      await first.close();
    }
  });

  it("ignores an entry whose own expiry has passed (clock of the writer)", async () => {
    await redis.set(
      `${prefix}:stale`,
      JSON.stringify({ v: "old", e: Date.now() - 1 }),
      "PX",
      60_000,
    );
    const cache = createClanCache({ redis: REDIS_URL, prefix });
    try {
      expect(await cache.getOrLoad("stale", async () => "new", { ttlMs: () => 1000 })).toBe("new");
    } finally {
      await cache.close();
    }
  });

  it("keeps working from memory when Redis is unreachable, and says so once", async () => {
    const log = vi.fn();
    // Nothing listens on port 1: every Redis command fails fast.
    const cache = createClanCache({ redis: "redis://127.0.0.1:1", prefix, log });
    const load = vi.fn(async () => "from Bungie");
    try {
      expect(await cache.getOrLoad("k", load, { ttlMs: () => 60_000 })).toBe("from Bungie");
      expect(await cache.getOrLoad("k", load, { ttlMs: () => 60_000 })).toBe("from Bungie");
      expect(load).toHaveBeenCalledTimes(1);
      expect(log).toHaveBeenCalledTimes(1);
      expect(log.mock.calls[0]?.[0]).toMatch(/Redis unavailable/);
    } finally {
      await cache.close();
    }
  });
});
