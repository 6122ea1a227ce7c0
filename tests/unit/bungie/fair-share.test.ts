// A fair share of the source window for every player, and a scope-wide pause when Bungie
// throttles: the memory store's rules on a fake clock, the limiter's grant order, and the
// client telling the limiter about a throttle answer.
import { describe, expect, it } from "vitest";
import {
  createLimiter,
  MAX_SCOPE_BACKOFF_MS,
  unlimited,
  type BungieLimiter,
  type Claimant,
  type LimitSettings,
} from "@/lib/bungie/limits";
import { createMemoryLimitStore } from "@/lib/bungie/memory-limit-store";
import { envelope, testClient } from "./fake-fetch";

const settings = (maxRequests: number, windowMs: number): LimitSettings => ({
  maxRequests,
  windowMs,
  actionSpacingMs: { item: 100, loadout: 1_000, plug: 500 },
});
const page = (player: string): Claimant => ({ priority: "page", player });

describe("the window's line (memory store, fake clock)", () => {
  it("gives a freed slot to the player served least recently, not to the one that asks first", async () => {
    let now = 10_000;
    const store = createMemoryLimitStore(settings(2, 1_000), () => now);
    expect((await store.tryRequest([page("fan")])).granted).toBe(0);
    now = 10_500;
    expect((await store.tryRequest([page("fan")])).granted).toBe(0); // window full now
    now = 10_600;
    expect((await store.tryRequest([page("fan")])).granted).toBe(-1);
    expect((await store.tryRequest([page("quiet")])).granted).toBe(-1);
    now = 11_000; // the 10 000 send leaves: one free slot
    // The fan asks first (its instance woke first) but was served at 10 500; the quiet player
    // never was, so the slot waits for it.
    const fan = await store.tryRequest([page("fan")]);
    expect(fan.granted).toBe(-1);
    expect(fan.waitMs).toBeGreaterThan(0);
    expect((await store.tryRequest([page("quiet")])).granted).toBe(0);
  });

  it("picks the best placed of several candidates, and a higher class before any player", async () => {
    let now = 10_000;
    const store = createMemoryLimitStore(settings(1, 100), () => now);
    expect((await store.tryRequest([page("a")])).granted).toBe(0);
    now = 10_100;
    const candidates = [
      page("a"),
      page("b"),
      { priority: "background", player: "digest" } as const,
    ];
    expect((await store.tryRequest(candidates)).granted).toBe(1); // b: never served
    now = 10_200;
    expect(
      (await store.tryRequest([...candidates, { priority: "token", player: "a" }])).granted,
    ).toBe(3);
  });

  it("does not keep a slot for a player who stopped waiting", async () => {
    let now = 10_000;
    const store = createMemoryLimitStore(settings(1, 100), () => now);
    await store.tryRequest([page("fan")]);
    expect((await store.tryRequest([page("gone")])).granted).toBe(-1); // listed, then cancelled
    await store.leaveQueue([page("gone")]);
    now = 10_100;
    expect((await store.tryRequest([page("fan")])).granted).toBe(0);
  });

  it("drops a listed player whose instance stopped asking (crashed) after a few seconds", async () => {
    let now = 10_000;
    const store = createMemoryLimitStore(settings(1, 100), () => now);
    await store.tryRequest([page("fan")]);
    await store.tryRequest([page("crashed")]);
    now = 10_100;
    expect((await store.tryRequest([page("fan")])).granted).toBe(-1);
    now = 15_000;
    expect((await store.tryRequest([page("fan")])).granted).toBe(0);
  });

  it("keeps the window's last slots for light players: a fan's burst stops short of them", async () => {
    let now = 10_000;
    const store = createMemoryLimitStore({ ...settings(10, 10_000), reserve: 3 }, () => now);
    for (let i = 0; i < 7; i++) expect((await store.tryRequest([page("fan")])).granted).toBe(0);
    // Three slots left, all reserved; the fan has 7 sends in the window: it waits for its oldest.
    expect(await store.tryRequest([page("fan")])).toEqual({ granted: -1, waitMs: 10_000 });
    // Light players (fewer than 3 sends) still get them at once, the quiet one twice.
    expect((await store.tryRequest([page("quiet")])).granted).toBe(0);
    expect((await store.tryRequest([page("quiet")])).granted).toBe(0);
    expect((await store.tryRequest([page("other")])).granted).toBe(0);
    expect((await store.tryRequest([page("late")])).granted).toBe(-1); // window full
    now = 20_000; // the fan's burst has aged out: it is light again
    expect((await store.tryRequest([page("fan")])).granted).toBe(0);
  });

  it("lets many light players use the whole window (fifty sign-ins at once)", async () => {
    const store = createMemoryLimitStore({ ...settings(10, 10_000), reserve: 3 }, () => 10_000);
    for (let i = 0; i < 10; i++) {
      expect((await store.tryRequest([page(`player-${i}`)])).granted).toBe(0);
    }
  });

  it("grants nothing to anyone during a throttle backoff, then carries on", async () => {
    let now = 0;
    const store = createMemoryLimitStore(settings(250, 10_000), () => now);
    await store.backOff(2_000);
    await store.backOff(500); // a shorter one does not cut the longer short
    const during = await store.tryRequest([page("anyone")]);
    expect(during).toEqual({ granted: -1, waitMs: 2_000 });
    now = 1_999;
    expect((await store.tryRequest([page("anyone")])).granted).toBe(-1);
    now = 2_000;
    expect((await store.tryRequest([page("anyone")])).granted).toBe(0);
  });
});

describe("the limiter's grant order", () => {
  it("serves a quiet player's one call within its turn while another player has twenty queued", async () => {
    // One slot every 5 ms: the fan's twenty calls wait in line, then the quiet player arrives.
    const limiter = createLimiter(createMemoryLimitStore(settings(1, 5)));
    const order: string[] = [];
    const fan = Array.from({ length: 20 }, (_, i) =>
      limiter.acquireRequest(page("fan")).then(() => order.push(`fan-${i}`)),
    );
    while (order.length < 3) await new Promise((resolve) => setTimeout(resolve, 1));
    const arrivedAfter = order.length;
    const quiet = limiter.acquireRequest(page("quiet")).then(() => order.push("quiet"));
    await Promise.all([...fan, quiet]);
    // At most one more of the fan's calls goes before it (the one whose slot was being taken).
    expect(order.indexOf("quiet")).toBeLessThanOrEqual(arrivedAfter + 1);
    expect(order.filter((o) => o.startsWith("fan-"))).toEqual(
      Array.from({ length: 20 }, (_, i) => `fan-${i}`),
    );
  });

  it("leaves the line when a waiting call is cancelled, so the next player is not held up", async () => {
    const store = createMemoryLimitStore(settings(1, 30));
    const limiter = createLimiter(store);
    await limiter.acquireRequest(page("first"));
    const cancel = new AbortController();
    const cancelled = limiter.acquireRequest({ ...page("gone"), signal: cancel.signal });
    cancel.abort();
    await expect(cancelled).rejects.toBeDefined();
    await limiter.acquireRequest(page("next")); // would wait ~3 s for a stale place otherwise
    expect((await store.tryRequest([page("gone")])).granted).toBe(-1); // the window is full
  });
});

describe("the client after a throttle answer", () => {
  const recordingLimiter = () => {
    const backoffs: number[] = [];
    const limiter: BungieLimiter = { ...unlimited, backOff: async (ms) => void backoffs.push(ms) };
    return { limiter, backoffs };
  };
  const transfer = {
    method: "POST" as const,
    url: "https://www.bungie.net/Platform/Destiny2/Actions/Items/TransferItem/",
    body: {},
  };

  it("pauses the whole scope for Bungie's ThrottleSeconds (31, 51, 1672 alike), at most 5 s", async () => {
    for (const code of [31, 51, 1672]) {
      const { limiter, backoffs } = recordingLimiter();
      const { client } = testClient(
        () => ({ status: 429, json: envelope(0, code, { ThrottleSeconds: 7 }) }),
        { limiter },
      );
      await expect(client.request(transfer, { accessToken: "tok-abcdef" })).rejects.toMatchObject({
        code,
      });
      expect(backoffs).toEqual([MAX_SCOPE_BACKOFF_MS]);
    }
    // A short answer is waited out exactly.
    const { limiter, backoffs } = recordingLimiter();
    const { client } = testClient(
      () => ({ status: 429, json: envelope(0, 31, { ThrottleSeconds: 3 }) }),
      { limiter },
    );
    await expect(client.request(transfer, { accessToken: "tok-abcdef" })).rejects.toMatchObject({
      code: 31,
    });
    expect(backoffs).toEqual([3_000]);
  });

  it("pauses at least a second when Bungie gives no ThrottleSeconds, and not for other errors", async () => {
    const { limiter, backoffs } = recordingLimiter();
    const { client } = testClient(
      [
        { status: 500, json: envelope(undefined, 36, { ThrottleSeconds: 0 }) },
        { status: 500, json: envelope(undefined, 1618) },
        { json: envelope("fine") },
      ],
      { limiter },
    );
    const read = {
      method: "GET" as const,
      url: "https://www.bungie.net/Platform/Destiny2/Manifest/",
    };
    expect((await client.request(read)).Response).toBe("fine");
    expect(backoffs).toEqual([1_000]);
  });
});
