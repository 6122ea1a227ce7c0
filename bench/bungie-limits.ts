// What the Bungie client's limits cost per call: the in-process and Redis limiters alone, and a
// whole request through the client (fake fetch, so only our own overhead is measured).
//   npx tsx --conditions=react-server bench/bungie-limits.ts
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { createBungieClient } from "../lib/bungie/http";
import { createLimiter, unlimited, type BungieLimiter } from "../lib/bungie/limits";
import { createMemoryLimiter } from "../lib/bungie/memory-limit-store";
import { createRedisLimitStore } from "../lib/bungie/redis-limit-store";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
// Limits high enough never to wait: we measure bookkeeping, not throttling.
const OPEN = { maxRequests: 1e9, windowMs: 10_000, actionSpacingMs: 0 };

async function time(label: string, n: number, run: (i: number) => Promise<unknown>) {
  for (let i = 0; i < Math.min(n, 200); i++) await run(i); // warm-up
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await run(i);
  const perCall = Number(process.hrtime.bigint() - start) / n / 1000;
  console.log(`${label.padEnd(52)} ${perCall.toFixed(2).padStart(8)} µs/call  (n=${n})`);
}

async function main() {
  const memory = createMemoryLimiter(OPEN);
  await time("memory limiter: acquireRequest", 100_000, () => memory.acquireRequest());
  await time("memory limiter: acquireAction + release", 100_000, async (i) => {
    const lease = await memory.acquireAction(`p${i % 5000}`, { leaseMs: 10_000 });
    await lease.release();
  });

  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: true });
  let redisLimiter: BungieLimiter | undefined;
  try {
    await redis.connect();
    const prefix = `warmind-bench:${randomUUID()}`;
    redisLimiter = createLimiter(createRedisLimitStore({ redis, prefix, settings: OPEN }));
    // The window holds one entry per request; keep n well below a memory concern.
    await time("redis limiter: acquireRequest (sequential)", 5_000, () =>
      redisLimiter!.acquireRequest(),
    );
    await time("redis limiter: acquireAction + release (sequential)", 5_000, async (i) => {
      const lease = await redisLimiter!.acquireAction(`p${i}`, { leaseMs: 10_000 });
      await lease.release();
    });
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
  } catch (error) {
    console.log(`redis limiter: skipped (${(error as Error).message})`);
  } finally {
    redis.disconnect();
  }

  const body = JSON.stringify({
    Response: { ok: true },
    ErrorCode: 1,
    ThrottleSeconds: 0,
    ErrorStatus: "Success",
    Message: "Ok",
    MessageData: {},
  });
  const fakeFetch = (async () => new Response(body)) as typeof fetch;
  const req = { method: "GET" as const, url: "https://www.bungie.net/Platform/Destiny2/Manifest/" };
  for (const [label, limiter] of [
    ["client request, no limiter", unlimited],
    ["client request, memory limiter", createMemoryLimiter(OPEN)],
  ] as const) {
    const client = createBungieClient({
      origin: "http://bench.test",
      apiKey: "bench-key",
      fetch: fakeFetch,
      limiter,
      logger: () => {},
    });
    await time(label, 20_000, () => client.request(req));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
