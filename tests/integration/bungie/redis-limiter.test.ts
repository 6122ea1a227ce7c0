// The Redis-backed limits against the Redis at 127.0.0.1:6379 (REDIS_URL overrides), each test
// under its own key prefix so runs and tests never share counters.
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { BUNGIE_LIMITS, createLimiter, type LimitSettings } from "@/lib/bungie/limits";
import { createRedisLimitStore } from "@/lib/bungie/redis-limit-store";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const RUN = `warmind-test:${randomUUID()}`;
const admin = new Redis(REDIS_URL);
const stores: { close(): Promise<void> }[] = [];

afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
  const keys = await admin.keys(`${RUN}:*`);
  if (keys.length > 0) await admin.del(...keys);
  admin.disconnect();
});

const SPACING = BUNGIE_LIMITS.actionSpacingMs;

function twoInstances(settings: LimitSettings) {
  const prefix = `${RUN}:${randomUUID()}`;
  const a = createRedisLimitStore({ redis: REDIS_URL, prefix, settings });
  const b = createRedisLimitStore({ redis: REDIS_URL, prefix, settings });
  stores.push(a, b);
  return { a, b, prefix };
}

describe("Redis limit store", () => {
  it("shares one rolling window between two app instances", async () => {
    const { a, b, prefix } = twoInstances({
      maxRequests: 5,
      windowMs: 1_000,
      actionSpacingMs: SPACING,
    });
    const results = [
      (await a.tryRequest()).waitMs,
      (await b.tryRequest()).waitMs,
      (await a.tryRequest()).waitMs,
      (await b.tryRequest()).waitMs,
      (await a.tryRequest()).waitMs,
    ];
    expect(results).toEqual([0, 0, 0, 0, 0]);
    const waitA = (await a.tryRequest()).waitMs;
    const waitB = (await b.tryRequest()).waitMs;
    expect(waitA).toBeGreaterThan(0);
    expect(waitA).toBeLessThanOrEqual(1_000);
    expect(waitB).toBeGreaterThan(0);
    expect(await admin.zcard(`${prefix}:window`)).toBe(5);
    // The key expires with the window: Redis doesn't fill up with idle counters.
    expect(await admin.pttl(`${prefix}:window`)).toBeGreaterThan(0);
  });

  it("counts an answered send from its answer, for every instance", async () => {
    const { a, b, prefix } = twoInstances({
      maxRequests: 2,
      windowMs: 2_000,
      actionSpacingMs: SPACING,
    });
    const slow = await a.tryRequest();
    const fast = await b.tryRequest();
    expect([slow.granted, fast.granted]).toEqual([0, 0]);
    const sentAt = Number((await admin.zscore(`${prefix}:window`, slow.send!))!);
    await new Promise((resolve) => setTimeout(resolve, 600));
    await a.answered(slow.send!);
    const answeredAt = Number((await admin.zscore(`${prefix}:window`, slow.send!))!);
    expect(answeredAt - sentAt).toBeGreaterThanOrEqual(590);
    // b's send leaves the window first; a's, answered 600 ms late, ~600 ms after it.
    const waitB = (await b.tryRequest()).waitMs;
    expect(waitB).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, waitB));
    expect((await b.tryRequest()).granted).toBe(0);
    expect((await a.tryRequest()).waitMs).toBeGreaterThanOrEqual(200);
    // Answering a send that left the window adds nothing back, dropped or not yet.
    await b.answered(fast.send!);
    expect(await admin.zscore(`${prefix}:window`, fast.send!)).toBeNull();
    // One aged out but not dropped yet (that happens on the next try):
    const old = String(Date.now() - 5_000);
    await admin.zadd(`${prefix}:window`, old, slow.send!);
    await a.answered(slow.send!);
    expect(await admin.zscore(`${prefix}:window`, slow.send!)).toBe(old);
  });

  it("delays (never fails) requests from both instances to stay under the window", async () => {
    const { a, b } = twoInstances({ maxRequests: 5, windowMs: 500, actionSpacingMs: SPACING });
    const la = createLimiter(a);
    const lb = createLimiter(b);
    const started = Date.now();
    const admitted: number[] = [];
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        (i % 2 ? la : lb).acquireRequest().then(() => admitted.push(Date.now() - started)),
      ),
    );
    admitted.sort((x, y) => x - y);
    expect(admitted).toHaveLength(12);
    // 12 requests at 5 per 500 ms need at least two full windows.
    expect(admitted[11]!).toBeGreaterThanOrEqual(990);
    for (const t of admitted) {
      // Allow 10 ms for the gap between Redis' clock and when our promise resolves.
      expect(admitted.filter((u) => u > t - 490 && u <= t).length).toBeLessThanOrEqual(5);
    }
  });

  it("shares the window while each instance serves its own waiters by priority, then player", async () => {
    const { a, b } = twoInstances({ maxRequests: 2, windowMs: 400, actionSpacingMs: SPACING });
    const la = createLimiter(a);
    const lb = createLimiter(b);
    await la.acquireRequest();
    await lb.acquireRequest(); // the shared window is full for both
    const order: string[] = [];
    const wait = (
      limiter: typeof la,
      priority: "token" | "page" | "background",
      player: string,
      label: string,
    ) => limiter.acquireRequest({ priority, player }).then(() => order.push(label));
    const all = [
      wait(la, "background", "digest", "a:digest"),
      wait(la, "page", "fan", "a:fan-1"),
      wait(la, "page", "fan", "a:fan-2"),
      wait(la, "page", "other", "a:other"),
      wait(la, "token", "refresh", "a:token"),
      wait(lb, "page", "b-player", "b:page"),
    ];
    await Promise.all(all);
    const onA = order.filter((o) => o.startsWith("a:"));
    expect(onA).toEqual(["a:token", "a:fan-1", "a:other", "a:fan-2", "a:digest"]);
    expect(order).toContain("b:page");
  });

  it("runs one player's item actions one at a time across instances, spaced from each answer", async () => {
    const { a, b } = twoInstances({ maxRequests: 100, windowMs: 10_000, actionSpacingMs: SPACING });
    const la = createLimiter(a);
    const lb = createLimiter(b);
    const spans: [number, number][] = [];
    const action = async (limiter: typeof la) => {
      const lease = await limiter.acquireAction("20000001", { action: "item", leaseMs: 5_000 });
      const start = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 30));
      spans.push([start, performance.now()]);
      await lease.release();
    };
    await Promise.all([action(la), action(lb), action(la), action(lb)]);
    spans.sort((x, y) => x[0] - y[0]);
    for (let i = 1; i < spans.length; i++) {
      // Never overlapping, and ≥ 100 ms after the previous one ended (2 ms of clock slack).
      expect(spans[i]![0] - spans[i - 1]![1]).toBeGreaterThanOrEqual(98);
    }
    // Another player is not held up.
    const before = performance.now();
    const other = await la.acquireAction("20000002", { action: "item", leaseMs: 5_000 });
    expect(performance.now() - before).toBeLessThan(50);
    await other.release();
  });

  it("spaces each kind across instances from that kind's last answer, one action in flight across kinds", async () => {
    const { a, b, prefix } = twoInstances({
      maxRequests: 100,
      windowMs: 10_000,
      actionSpacingMs: SPACING,
    });
    const player = "20000004";
    const claim = (action: "item" | "loadout" | "plug", leaseId: string) => ({
      player,
      action,
      leaseId,
      leaseMs: 5_000,
    });
    // A loadout in flight on instance a holds every kind on instance b.
    expect(await a.tryAction(claim("loadout", "l1"))).toBe(0);
    for (const kind of ["item", "plug", "loadout"] as const) {
      const wait = await b.tryAction(claim(kind, `${kind}-b`));
      expect(wait, kind).toBeGreaterThan(0);
      expect(wait, kind).toBeLessThanOrEqual(20);
    }
    await a.releaseAction(player, "loadout", "l1");
    // Answered: an item action may go at once from b (no item answered yet)...
    expect(await b.tryAction(claim("item", "i1"))).toBe(0);
    await b.releaseAction(player, "item", "i1");
    // ...the next item waits ~100 ms, a plug not at all, and the next loadout ~1 s, from either.
    const item = await a.tryAction(claim("item", "i2"));
    expect(item).toBeGreaterThan(50);
    expect(item).toBeLessThanOrEqual(100);
    const loadout = await b.tryAction(claim("loadout", "l2"));
    expect(loadout).toBeGreaterThan(900);
    expect(loadout).toBeLessThanOrEqual(1_000);
    expect(await a.tryAction(claim("plug", "p1"))).toBe(0);
    await a.releaseAction(player, "plug", "p1");
    const plug = await b.tryAction(claim("plug", "p2"));
    expect(plug).toBeGreaterThan(400);
    expect(plug).toBeLessThanOrEqual(500);
    // The slot outlives the longest spacing (ten times it), and then goes: no idle keys pile up.
    const ttl = await admin.pttl(`${prefix}:action:${player}`);
    expect(ttl).toBeGreaterThan(1_000);
    expect(ttl).toBeLessThanOrEqual(10_000);
  });

  it("paces one player's loadout actions 1 s apart across two instances' limiters", async () => {
    const { a, b } = twoInstances({ maxRequests: 100, windowMs: 10_000, actionSpacingMs: SPACING });
    const limiters = [createLimiter(a), createLimiter(b)];
    const spans: [number, number][] = [];
    await Promise.all(
      [0, 1, 0].map(async (n) => {
        const lease = await limiters[n]!.acquireAction("20000005", {
          action: "loadout",
          leaseMs: 5_000,
        });
        const start = performance.now();
        await new Promise((resolve) => setTimeout(resolve, 20));
        spans.push([start, performance.now()]);
        await lease.release();
      }),
    );
    spans.sort((x, y) => x[0] - y[0]);
    for (let i = 1; i < spans.length; i++) {
      // ≥ 1 s after the previous answer (2 ms of clock slack).
      expect(spans[i]![0] - spans[i - 1]![1]).toBeGreaterThanOrEqual(998);
    }
  });

  it("frees a player whose lease holder never released (crashed instance)", async () => {
    const { a, b } = twoInstances({ maxRequests: 100, windowMs: 10_000, actionSpacingMs: SPACING });
    await createLimiter(a).acquireAction("20000003", { action: "item", leaseMs: 300 }); // never released
    const before = performance.now();
    const lease = await createLimiter(b).acquireAction("20000003", {
      action: "item",
      leaseMs: 300,
    });
    const waited = performance.now() - before;
    expect(waited).toBeGreaterThanOrEqual(250);
    expect(waited).toBeLessThan(1_000);
    await lease.release();
  });

  it("falls back to in-process limits when Redis is unreachable", async () => {
    const warnings: string[] = [];
    const store = createRedisLimitStore({
      redis: "redis://127.0.0.1:1",
      prefix: `${RUN}:down`,
      settings: { maxRequests: 2, windowMs: 10_000, actionSpacingMs: SPACING },
      log: (level, message) => warnings.push(`${level} ${message}`),
    });
    stores.push(store);
    expect((await store.tryRequest()).waitMs).toBe(0);
    expect((await store.tryRequest()).waitMs).toBe(0);
    expect((await store.tryRequest()).waitMs).toBeGreaterThan(0);
    expect(warnings).toEqual(["warn Redis limiter unavailable; using in-process limits"]);
  });
});
