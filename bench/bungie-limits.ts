// What the Bungie client's limits cost per call: the in-process and Redis limiters alone, the
// fair queue that orders waiting calls, and a whole request through the client (fake fetch, so
// only our own overhead is measured).
//   npx tsx --conditions=react-server bench/bungie-limits.ts
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { createBungieClient } from "../lib/bungie/http";
import {
  BUNGIE_LIMITS,
  createLimiter,
  unlimited,
  type BungieLimiter,
  type LimitStore,
} from "../lib/bungie/limits";
import { createMemoryLimiter, createMemoryLimitStore } from "../lib/bungie/memory-limit-store";
import { createRedisLimitStore } from "../lib/bungie/redis-limit-store";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
// Limits high enough never to wait: we measure bookkeeping, not throttling.
const OPEN = {
  maxRequests: 1e9,
  windowMs: 10_000,
  actionSpacingMs: { item: 0, loadout: 0, plug: 0 },
};

async function time(label: string, n: number, run: (i: number) => Promise<unknown>) {
  for (let i = 0; i < Math.min(n, 200); i++) await run(i); // warm-up
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await run(i);
  report(label, n, start);
}

function report(label: string, n: number, start: bigint) {
  const perCall = Number(process.hrtime.bigint() - start) / n / 1000;
  console.log(`${label.padEnd(58)} ${perCall.toFixed(2).padStart(8)} µs/call  (n=${n})`);
}

/**
 * `n` callers of 100 players and all four priorities waiting at once, then served one by one by
 * the queue: the cost per call of queueing, ordering and handing out the slot.
 */
async function queued(label: string, n: number, store: LimitStore) {
  let open = false;
  // The window is "full" until every caller has queued; then every try succeeds.
  const limiter = createLimiter({
    ...store,
    tryRequest: async (candidates) =>
      open ? store.tryRequest(candidates) : { granted: -1, waitMs: 1 },
  });
  const priorities = ["token", "action", "page", "background"] as const;
  const first = limiter.acquireRequest();
  await new Promise((resolve) => setImmediate(resolve)); // the first caller is queued
  const all = Array.from({ length: n }, (_, i) =>
    limiter.acquireRequest({ priority: priorities[i % 4]!, player: `p${i % 100}` }),
  );
  open = true;
  const start = process.hrtime.bigint();
  await Promise.all([first, ...all]);
  report(label, n, start);
}

async function main() {
  const memory = createMemoryLimiter(OPEN);
  await time("memory limiter: acquireRequest", 100_000, () => memory.acquireRequest());
  await time("memory limiter: acquireAction + release", 100_000, async (i) => {
    const lease = await memory.acquireAction(`p${i % 5000}`, { action: "item", leaseMs: 10_000 });
    await lease.release();
  });
  await queued("memory limiter: acquireRequest through the fair queue", 100_000, {
    ...createMemoryLimitStore(OPEN),
  });
  // A loadout-paced player alone: confirms the limiter waits its 1 s (one call, real time).
  const paced = createMemoryLimiter(BUNGIE_LIMITS);
  const first = await paced.acquireAction("p", { action: "loadout", leaseMs: 10_000 });
  await first.release();
  const before = performance.now();
  const second = await paced.acquireAction("p", { action: "loadout", leaseMs: 10_000 });
  await second.release();
  console.log(
    `${"memory limiter: second loadout action of a player waited".padEnd(58)} ${(performance.now() - before).toFixed(0).padStart(8)} ms`,
  );

  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: true });
  let redisLimiter: BungieLimiter | undefined;
  try {
    await redis.connect();
    const prefix = `warmind-bench:${randomUUID()}`;
    const store = createRedisLimitStore({ redis, prefix, settings: OPEN });
    redisLimiter = createLimiter(store);
    // The window holds one entry per request; keep n well below a memory concern.
    await time("redis limiter: acquireRequest (sequential)", 5_000, () =>
      redisLimiter!.acquireRequest(),
    );
    await time("redis limiter: acquireAction + release (sequential)", 5_000, async (i) => {
      const lease = await redisLimiter!.acquireAction(`p${i}`, {
        action: "item",
        leaseMs: 10_000,
      });
      await lease.release();
    });
    await queued("redis limiter: acquireRequest through the fair queue", 5_000, store);
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
  for (const [label, limiter, accessToken] of [
    ["client request, no limiter", unlimited, undefined],
    ["client request, memory limiter", createMemoryLimiter(OPEN), undefined],
    // The queue's player id is then a hash of the token.
    ["client request, memory limiter, with an access token", createMemoryLimiter(OPEN), "tok"],
  ] as const) {
    const client = createBungieClient({
      origin: "http://bench.test",
      apiKey: "bench-key",
      fetch: fakeFetch,
      limiter,
      logger: () => {},
    });
    await time(label, 20_000, () => client.request(req, { accessToken }));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
