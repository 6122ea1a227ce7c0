import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Redis } from "ioredis";
import { createCache } from "@/lib/cache/cache";
import { setLogSink } from "@/lib/log";
import { openRedis, redisHealth, redisServing } from "@/lib/redis";
import { startFaultProxy, type FaultProxy } from "../../support/fault-proxy";

// Redis going away under a running app and coming back, through a fault-injecting proxy. The
// app holds several connections (the cache, the Bungie limiter, the per-player limits): the
// outage is logged once and the return once, whatever number of them notice, and the callers
// fall back to process memory at once instead of waiting for commands to time out.
describe("Redis lost and back", () => {
  let proxy: FaultProxy;
  const connections: Redis[] = [];
  const lines: { event: string; level: string }[] = [];
  const count = (event: string) => lines.filter((l) => l.event === event).length;

  beforeAll(async () => {
    const target = new URL(process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379");
    proxy = await startFaultProxy({
      target: { host: target.hostname, port: Number(target.port || 6379) },
    });
    setLogSink((line) => lines.push(JSON.parse(line)));
    for (let i = 0; i < 3; i++) connections.push(openRedis(`redis://127.0.0.1:${proxy.port}`));
    await Promise.all(
      connections.map((c) =>
        c.status === "ready" ? null : new Promise((resolve) => c.once("ready", resolve)),
      ),
    );
  });

  afterAll(async () => {
    for (const c of connections) c.disconnect();
    setLogSink(undefined);
    await proxy.close();
  });

  it("is logged once each way, shown by redisHealth, and the cache answers from memory meanwhile", async () => {
    const cache = createCache({
      redis: connections[0],
      prefix: `warmind:test:faults:${Date.now()}`,
    });
    expect(await cache.getOrLoad("k", async () => "first", { ttlMs: 60_000 })).toBe("first");
    lines.length = 0;

    await proxy.setMode("refuse");
    await expect.poll(() => count("redis.down"), { timeout: 5_000 }).toBe(1);
    expect(redisHealth().down).toBe(true);
    await expect
      .poll(() => connections.some((c) => redisServing(c)), { timeout: 5_000 })
      .toBe(false);
    // Several reconnection attempts fail meanwhile: still one line.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(count("redis.down")).toBe(1);
    expect(lines.find((l) => l.event === "redis.down")?.level).toBe("error");

    const started = Date.now();
    expect(await cache.getOrLoad("k", async () => "reloaded", { ttlMs: 60_000 })).toBe("first");
    expect(await cache.getOrLoad("other", async () => "loaded", { ttlMs: 60_000 })).toBe("loaded");
    expect(Date.now() - started).toBeLessThan(200);

    await proxy.setMode("pass");
    await expect.poll(() => count("redis.up"), { timeout: 10_000 }).toBe(1);
    expect(redisHealth().down).toBe(false);
    expect(connections.every((c) => c.status === "ready")).toBe(true);
    expect(count("redis.down")).toBe(1);
    expect(count("redis.up")).toBe(1);
  }, 30_000);
});
