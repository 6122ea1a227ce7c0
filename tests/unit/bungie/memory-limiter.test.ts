import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { BUNGIE_LIMITS, type ActionKind, type LimitSettings } from "@/lib/bungie/limits";
import { createMemoryLimiter, createMemoryLimitStore } from "@/lib/bungie/memory-limit-store";

const SPACING = { item: 100, loadout: 1_000, plug: 500 };
const settings = (maxRequests: number, windowMs: number): LimitSettings => ({
  maxRequests,
  windowMs,
  actionSpacingMs: SPACING,
});
const claim = (player: string, leaseId: string, leaseMs: number, action: ActionKind = "item") => ({
  player,
  action,
  leaseId,
  leaseMs,
});

describe("memory limit store (window math)", () => {
  it("admits maxRequests per window and then says when the oldest slot frees", async () => {
    let now = 1_000;
    const store = createMemoryLimitStore(settings(3, 1_000), () => now);
    expect((await store.tryRequest()).waitMs).toBe(0);
    now = 1_200;
    expect((await store.tryRequest()).waitMs).toBe(0);
    now = 1_500;
    expect((await store.tryRequest()).waitMs).toBe(0);
    expect((await store.tryRequest()).waitMs).toBe(500); // first send at 1000 leaves at 2000
    now = 1_999;
    expect((await store.tryRequest()).waitMs).toBe(1);
    now = 2_000;
    expect((await store.tryRequest()).waitMs).toBe(0); // took the slot freed by the 1000 send
    expect((await store.tryRequest()).waitMs).toBe(200); // next to leave: the 1200 send
  });

  it("counts a send from its answer once answered: Bungie counts arrivals, which come later", async () => {
    let now = 1_000;
    const store = createMemoryLimitStore(settings(2, 1_000), () => now);
    const slow = await store.tryRequest();
    expect(slow).toMatchObject({ granted: 0, waitMs: 0 });
    now = 1_100;
    const fast = await store.tryRequest();
    now = 1_150;
    await store.answered(fast.send!);
    now = 1_400;
    await store.answered(slow.send!); // answered 400 ms after it was sent
    now = 2_000;
    // Sent at 1000, but it may have reached Bungie as late as 1400: still in the window.
    expect((await store.tryRequest()).waitMs).toBe(150); // the fast one, answered at 1150
    now = 2_150;
    expect((await store.tryRequest()).waitMs).toBe(0);
    expect((await store.tryRequest()).waitMs).toBe(250); // then the slow one, at 2400
    // A send that already left the window stays gone; an unknown one changes nothing.
    now = 5_000;
    await store.answered(slow.send!);
    await store.answered("nobody|1");
    expect((await store.tryRequest()).waitMs).toBe(0);
  });

  it("holds one action lease per player and spaces the next from its release", async () => {
    let now = 0;
    const store = createMemoryLimitStore(settings(100, 1_000), () => now);
    expect(await store.tryAction(claim("a", "a1", 5_000))).toBe(0);
    expect(await store.tryAction(claim("b", "b1", 5_000))).toBe(0); // other players are independent
    now = 300;
    // a1 is still in flight: poll again shortly, whatever the spacing says.
    expect(await store.tryAction(claim("a", "a2", 5_000))).toBe(20);
    now = 400;
    await store.releaseAction("a", "item", "a1");
    now = 440;
    expect(await store.tryAction(claim("a", "a2", 5_000))).toBe(60); // 100 ms after the answer at 400
    now = 500;
    expect(await store.tryAction(claim("a", "a2", 5_000))).toBe(0);
  });

  it("lets a lease expire (a crashed holder) and ignores a stale release", async () => {
    let now = 0;
    const store = createMemoryLimitStore(settings(100, 1_000), () => now);
    expect(await store.tryAction(claim("a", "old", 1_000))).toBe(0);
    now = 990;
    expect(await store.tryAction(claim("a", "new", 1_000))).toBe(10);
    now = 1_000;
    expect(await store.tryAction(claim("a", "new", 1_000))).toBe(0);
    await store.releaseAction("a", "item", "old"); // must not end "new"'s lease
    now = 1_050;
    expect(await store.tryAction(claim("a", "third", 1_000))).toBe(20);
  });

  it("spaces each kind from the player's previous answer of that kind: item 100, plug 500, loadout 1000 ms", async () => {
    expect(BUNGIE_LIMITS.actionSpacingMs).toEqual(SPACING);
    let now = 0;
    const store = createMemoryLimitStore(BUNGIE_LIMITS, () => now);
    for (const action of ["item", "plug", "loadout"] as const) {
      expect(await store.tryAction(claim("a", `${action}1`, 5_000, action))).toBe(0);
      await store.releaseAction("a", action, `${action}1`);
    }
    // All three answered at 0. Each kind waits its own spacing; the others don't add to it.
    now = 50;
    expect(await store.tryAction(claim("a", "i2", 5_000, "item"))).toBe(50);
    expect(await store.tryAction(claim("a", "p2", 5_000, "plug"))).toBe(450);
    expect(await store.tryAction(claim("a", "l2", 5_000, "loadout"))).toBe(950);
    now = 100;
    expect(await store.tryAction(claim("a", "i2", 5_000, "item"))).toBe(0);
    await store.releaseAction("a", "item", "i2");
    // An item action answered at 100 does not restart the loadout's second.
    now = 1_000;
    expect(await store.tryAction(claim("a", "l2", 5_000, "loadout"))).toBe(0);
  });

  it("keeps one action of a player in flight across kinds", async () => {
    let now = 0;
    const store = createMemoryLimitStore(BUNGIE_LIMITS, () => now);
    expect(await store.tryAction(claim("a", "loadout", 5_000, "loadout"))).toBe(0);
    now = 2_000; // every spacing has passed, but the loadout is still in flight
    expect(await store.tryAction(claim("a", "item", 5_000, "item"))).toBe(20);
    expect(await store.tryAction(claim("a", "plug", 5_000, "plug"))).toBe(20);
    await store.releaseAction("a", "loadout", "loadout");
    // Its answer spaces the next loadout, not the item action that was waiting for it.
    expect(await store.tryAction(claim("a", "item", 5_000, "item"))).toBe(0);
  });

  it("makes a resend wait longer than the kind's spacing when asked (after Bungie's 36)", async () => {
    let now = 0;
    const store = createMemoryLimitStore(BUNGIE_LIMITS, () => now);
    expect(await store.tryAction(claim("a", "1", 5_000))).toBe(0);
    await store.releaseAction("a", "item", "1");
    now = 100;
    expect(await store.tryAction({ ...claim("a", "2", 5_000), minSpacingMs: 1_000 })).toBe(900);
    expect(await store.tryAction(claim("a", "2", 5_000))).toBe(0);
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
    const limiter = createMemoryLimiter(settings(250, 10_000));
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
    const limiter = createMemoryLimiter(settings(5, 1_000));
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

  it("gives a freed slot to the highest priority waiting, whatever the arrival order", async () => {
    // One request per 100 ms: each grant is one step of the queue.
    const limiter = createMemoryLimiter(settings(1, 100));
    await limiter.acquireRequest(); // fills the window
    const order: string[] = [];
    const wait = (priority: "token" | "action" | "page" | "background", label: string) =>
      limiter.acquireRequest({ priority, player: label }).then(() => order.push(label));
    const all = [
      wait("background", "digest"),
      wait("page", "page-1"),
      wait("page", "page-2"),
      wait("action", "move"),
      wait("token", "refresh"),
    ];
    await vi.advanceTimersByTimeAsync(1_000);
    await Promise.all(all);
    expect(order).toEqual(["refresh", "move", "page-1", "page-2", "digest"]);
  });

  it("serves players in turn: one with 50 calls queued holds another's one call by at most one grant", async () => {
    const limiter = createMemoryLimiter(settings(1, 100));
    await limiter.acquireRequest();
    const order: string[] = [];
    const all = Array.from({ length: 50 }, (_, i) =>
      limiter
        .acquireRequest({ priority: "page", player: "vendors-fan" })
        .then(() => order.push(`fan-${i}`)),
    );
    await vi.advanceTimersByTimeAsync(150); // one of the fan's calls has gone meanwhile
    all.push(
      limiter.acquireRequest({ priority: "page", player: "other" }).then(() => order.push("other")),
    );
    await vi.advanceTimersByTimeAsync(10_000);
    await Promise.all(all);
    expect(order).toHaveLength(51);
    // Queued behind the fan's 49 remaining calls, the other player's call takes the next slot:
    // the fan was served last (fan-0), the other player not within the window.
    expect(order.slice(0, 3)).toEqual(["fan-0", "other", "fan-1"]);
    // Each player's own calls keep their order.
    const fan = order.filter((o) => o.startsWith("fan-"));
    expect(fan).toEqual(Array.from({ length: 50 }, (_, i) => `fan-${i}`));
  });

  it("drops an aborted waiter from the queue; the slot goes to the next one", async () => {
    const limiter = createMemoryLimiter(settings(1, 10_000));
    await limiter.acquireRequest();
    const controller = new AbortController();
    const order: string[] = [];
    const aborted = limiter.acquireRequest({
      priority: "token",
      player: "a",
      signal: controller.signal,
    });
    const assertion = expect(aborted).rejects.toThrow("gone");
    const next = limiter
      .acquireRequest({ priority: "page", player: "b" })
      .then(() => order.push("b"));
    controller.abort(new Error("gone"));
    await assertion;
    await vi.advanceTimersByTimeAsync(10_000);
    await next;
    expect(order).toEqual(["b"]);
    // The aborted waiter took no slot: the window holds the first request and b's.
    const late = limiter.acquireRequest().then(() => order.push("late"));
    await vi.advanceTimersByTimeAsync(9_999);
    expect(order).toEqual(["b"]);
    await vi.advanceTimersByTimeAsync(10_001);
    await late;
  });

  it("stops waiting when the caller aborts", async () => {
    const limiter = createMemoryLimiter(settings(1, 10_000));
    await limiter.acquireRequest();
    const controller = new AbortController();
    const waiting = limiter.acquireRequest({
      priority: "page",
      player: "p",
      signal: controller.signal,
    });
    const assertion = expect(waiting).rejects.toThrow();
    controller.abort(new Error("gone"));
    await assertion;
  });

  it("runs one player's actions one at a time, spacing each from the previous answer", async () => {
    const limiter = createMemoryLimiter();
    const starts: number[] = [];
    // Each "request" takes 30 ms between acquiring and answering.
    const action = async () => {
      const lease = await limiter.acquireAction("player", { action: "item", leaseMs: 10_000 });
      starts.push(Date.now());
      await new Promise((resolve) => setTimeout(resolve, 30));
      await lease.release();
    };
    const all = [action(), action(), action(), action()];
    await vi.advanceTimersByTimeAsync(2_000);
    await Promise.all(all);
    // Waiters of one player queue in the process, so the next starts exactly 100 ms after the
    // answer; never early.
    expect(starts[0]).toBe(0);
    for (let i = 1; i < starts.length; i++) {
      const gap = starts[i]! - starts[i - 1]!;
      expect(gap).toBeGreaterThanOrEqual(130);
      expect(gap).toBeLessThanOrEqual(150);
    }
  });

  it("paces loadout actions 1 s and plug actions 0.5 s apart, item actions between them wait only for the lease", async () => {
    const limiter = createMemoryLimiter();
    const log: string[] = [];
    const act = async (action: "item" | "loadout" | "plug") => {
      const lease = await limiter.acquireAction("player", { action, leaseMs: 10_000 });
      log.push(`${action}@${Date.now()}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
      await lease.release();
    };
    const all = [act("loadout"), act("loadout"), act("item"), act("plug"), act("plug")];
    await vi.advanceTimersByTimeAsync(5_000);
    await Promise.all(all);
    // In arrival order: loadout 0-10, loadout ≥ 10 + 1000, item after it (no item before),
    // plug right after the item, the second plug ≥ 500 after the first plug's answer.
    expect(log).toEqual(["loadout@0", "loadout@1010", "item@1020", "plug@1030", "plug@1540"]);
  });

  it("gives up an action wait when the caller aborts, and the player's next action still goes", async () => {
    const limiter = createMemoryLimiter();
    const first = await limiter.acquireAction("player", { action: "item", leaseMs: 10_000 });
    const controller = new AbortController();
    const aborted = limiter.acquireAction("player", {
      action: "item",
      leaseMs: 10_000,
      signal: controller.signal,
    });
    const assertion = expect(aborted).rejects.toThrow("gone");
    let third = -1;
    const next = limiter
      .acquireAction("player", { action: "item", leaseMs: 10_000 })
      .then(async (lease) => {
        third = Date.now();
        await lease.release();
      });
    controller.abort(new Error("gone"));
    await assertion;
    await vi.advanceTimersByTimeAsync(50);
    await first.release();
    await vi.advanceTimersByTimeAsync(500);
    await next;
    expect(third).toBeGreaterThanOrEqual(150);
    expect(third).toBeLessThanOrEqual(170);
  });
});
