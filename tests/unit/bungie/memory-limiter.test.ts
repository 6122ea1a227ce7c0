import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { BUNGIE_LIMITS } from "@/lib/bungie/limits";
import { createMemoryLimiter, createMemoryLimitStore } from "@/lib/bungie/memory-limit-store";

describe("memory limit store (window math)", () => {
  it("admits maxRequests per window and then says when the oldest slot frees", async () => {
    let now = 1_000;
    const store = createMemoryLimitStore(
      { maxRequests: 3, windowMs: 1_000, actionSpacingMs: 100 },
      () => now,
    );
    expect(await store.tryRequest()).toBe(0);
    now = 1_200;
    expect(await store.tryRequest()).toBe(0);
    now = 1_500;
    expect(await store.tryRequest()).toBe(0);
    expect(await store.tryRequest()).toBe(500); // first send at 1000 leaves at 2000
    now = 1_999;
    expect(await store.tryRequest()).toBe(1);
    now = 2_000;
    expect(await store.tryRequest()).toBe(0); // took the slot freed by the 1000 send
    expect(await store.tryRequest()).toBe(200); // next to leave: the 1200 send
  });

  it("holds one action lease per player and spaces the next from its release", async () => {
    let now = 0;
    const store = createMemoryLimitStore(
      { maxRequests: 100, windowMs: 1_000, actionSpacingMs: 100 },
      () => now,
    );
    expect(await store.tryAction("a", "a1", 5_000)).toBe(0);
    expect(await store.tryAction("b", "b1", 5_000)).toBe(0); // other players are independent
    now = 300;
    // a1 is still in flight: poll again shortly, whatever the spacing says.
    expect(await store.tryAction("a", "a2", 5_000)).toBe(20);
    now = 400;
    await store.releaseAction("a", "a1");
    now = 440;
    expect(await store.tryAction("a", "a2", 5_000)).toBe(60); // 100 ms after the answer at 400
    now = 500;
    expect(await store.tryAction("a", "a2", 5_000)).toBe(0);
  });

  it("lets a lease expire (a crashed holder) and ignores a stale release", async () => {
    let now = 0;
    const store = createMemoryLimitStore(
      { maxRequests: 100, windowMs: 1_000, actionSpacingMs: 100 },
      () => now,
    );
    expect(await store.tryAction("a", "old", 1_000)).toBe(0);
    now = 990;
    expect(await store.tryAction("a", "new", 1_000)).toBe(10);
    now = 1_000;
    expect(await store.tryAction("a", "new", 1_000)).toBe(0);
    await store.releaseAction("a", "old"); // must not end "new"'s lease
    now = 1_050;
    expect(await store.tryAction("a", "third", 1_000)).toBe(20);
  });
});

describe("memory limiter (delays, never fails)", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("delays the request that doesn't fit until the window slides", async () => {
    const limiter = createMemoryLimiter({
      maxRequests: 250,
      windowMs: 10_000,
      actionSpacingMs: 100,
    });
    const admitted: number[] = [];
    const all = Array.from({ length: 260 }, () =>
      limiter.acquireRequest().then(() => admitted.push(Date.now())),
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(admitted).toHaveLength(250);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(admitted).toHaveLength(250);
    await vi.advanceTimersByTimeAsync(1);
    await Promise.all(all);
    expect(admitted).toHaveLength(260);
    expect(admitted.slice(250).every((t) => t === 10_000)).toBe(true);
  });

  it("never lets more than maxRequests through in any window", async () => {
    const limiter = createMemoryLimiter({ maxRequests: 5, windowMs: 1_000, actionSpacingMs: 100 });
    const admitted: number[] = [];
    const all = Array.from({ length: 23 }, () =>
      limiter.acquireRequest().then(() => admitted.push(Date.now())),
    );
    await vi.advanceTimersByTimeAsync(5_000);
    await Promise.all(all);
    expect(admitted).toHaveLength(23);
    for (const t of admitted) {
      expect(admitted.filter((u) => u > t - 1_000 && u <= t).length).toBeLessThanOrEqual(5);
    }
    expect(Math.max(...admitted)).toBe(4_000);
  });

  it("runs one player's actions one at a time, spacing each from the previous answer", async () => {
    expect(BUNGIE_LIMITS.actionSpacingMs).toBe(100);
    const limiter = createMemoryLimiter();
    const starts: number[] = [];
    // Each "request" takes 30 ms between acquiring and answering.
    const action = async () => {
      const lease = await limiter.acquireAction("player", { leaseMs: 10_000 });
      starts.push(Date.now());
      await new Promise((resolve) => setTimeout(resolve, 30));
      await lease.release();
    };
    const all = [action(), action(), action(), action()];
    await vi.advanceTimersByTimeAsync(2_000);
    await Promise.all(all);
    // Polling every 20 ms while busy means a start may come up to 20 ms late, never early.
    expect(starts[0]).toBe(0);
    for (let i = 1; i < starts.length; i++) {
      const gap = starts[i]! - starts[i - 1]!;
      expect(gap).toBeGreaterThanOrEqual(130);
      expect(gap).toBeLessThanOrEqual(150);
    }
  });

  it("stops waiting when the caller aborts", async () => {
    const limiter = createMemoryLimiter({ maxRequests: 1, windowMs: 10_000, actionSpacingMs: 100 });
    await limiter.acquireRequest();
    const controller = new AbortController();
    const waiting = limiter.acquireRequest(controller.signal);
    const assertion = expect(waiting).rejects.toThrow();
    controller.abort(new Error("gone"));
    await assertion;
  });
});
