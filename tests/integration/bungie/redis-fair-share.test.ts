// Two app instances behind one source IP share, through the Redis at 127.0.0.1:6379 (REDIS_URL
// overrides), the window, its line of waiting players and the backoff after a throttle: a
// player hammering through one instance cannot starve a player on the other. Each test under
// its own key prefix.
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import {
  BUNGIE_LIMITS,
  createLimiter,
  type Claimant,
  type LimitSettings,
} from "@/lib/bungie/limits";
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

const page = (player: string): Claimant => ({ priority: "page", player });
const settings = (maxRequests: number, windowMs: number): LimitSettings => ({
  maxRequests,
  windowMs,
  actionSpacingMs: BUNGIE_LIMITS.actionSpacingMs,
});
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function twoInstances(limits: LimitSettings) {
  const scope = `${RUN}:${randomUUID()}`;
  // Actions keyed per API key, the window per source IP: both instances share both.
  const open = () =>
    createRedisLimitStore({
      redis: REDIS_URL,
      prefix: `${scope}:key`,
      windowPrefix: `${scope}:ip`,
      settings: limits,
    });
  const a = open();
  const b = open();
  stores.push(a, b);
  return { a, b, scope };
}

describe("Redis fair share across instances", () => {
  it("gives a freed slot to the other instance's player when the hammering one was served last", async () => {
    const { a, b } = twoInstances(settings(1, 200));
    expect((await a.tryRequest([page("fan")])).granted).toBe(0); // window full
    expect((await b.tryRequest([page("quiet")])).granted).toBe(-1); // listed in the shared line
    await pause(250);
    // Instance A asks first for its fan, but the quiet player on B is ahead of it.
    const fan = await a.tryRequest([page("fan")]);
    expect(fan.granted).toBe(-1);
    expect(fan.waitMs).toBeGreaterThan(0);
    expect((await b.tryRequest([page("quiet")])).granted).toBe(0);
  });

  it("serves a quiet player on one instance within its turn while the other instance has a fan's twenty calls queued", async () => {
    const { a, b } = twoInstances(settings(1, 40));
    const la = createLimiter(a);
    const lb = createLimiter(b);
    const order: string[] = [];
    const fan = Array.from({ length: 20 }, (_, i) =>
      la.acquireRequest(page("fan")).then(() => order.push(`fan-${i}`)),
    );
    while (order.length < 3) await pause(5);
    const arrivedAfter = order.length;
    await lb.acquireRequest(page("quiet")).then(() => order.push("quiet"));
    // At most one more of the fan's calls (the slot being taken as it arrived) goes first.
    expect(order.indexOf("quiet")).toBeLessThanOrEqual(arrivedAfter + 1);
    await Promise.all(fan);
  });

  it("keeps the shared window's last slots for light players on either instance", async () => {
    const { a, b } = twoInstances({ ...settings(10, 10_000), reserve: 3 });
    for (let i = 0; i < 7; i++) expect((await a.tryRequest([page("fan")])).granted).toBe(0);
    expect((await b.tryRequest([page("fan")])).granted).toBe(-1); // heavy, on either instance
    expect((await b.tryRequest([page("quiet")])).granted).toBe(0);
    expect((await a.tryRequest([page("other")])).granted).toBe(0);
    expect((await b.tryRequest([page("quiet")])).granted).toBe(0);
    expect((await a.tryRequest([page("late")])).granted).toBe(-1); // full
  });

  it("counts a player's sends out as they leave the window", async () => {
    const { a, scope } = twoInstances({ ...settings(4, 200), reserve: 2 });
    for (let i = 0; i < 2; i++) expect((await a.tryRequest([page("fan")])).granted).toBe(0);
    expect((await a.tryRequest([page("fan")])).granted).toBe(-1); // 2 free, reserved; fan heavy
    expect(await admin.zscore(`${scope}:ip:usage`, "fan")).toBe("2");
    await pause(250);
    expect((await a.tryRequest([page("fan")])).granted).toBe(0);
    expect(await admin.zscore(`${scope}:ip:usage`, "fan")).toBe("1");
  });

  it("forgets a player whose calls were cancelled, so the other instance's player is not held up", async () => {
    const { a, b } = twoInstances(settings(1, 100));
    await a.tryRequest([page("fan")]);
    await b.tryRequest([page("gone")]);
    await b.leaveQueue([page("gone")]);
    await pause(150);
    expect((await a.tryRequest([page("fan")])).granted).toBe(0);
  });

  it("pauses both instances when one of them was throttled", async () => {
    const { a, b, scope } = twoInstances(settings(250, 10_000));
    await a.backOff(1_500);
    const onB = await b.tryRequest([page("anyone")]);
    expect(onB.granted).toBe(-1);
    expect(onB.waitMs).toBeGreaterThan(1_000);
    expect(onB.waitMs).toBeLessThanOrEqual(1_500);
    expect(await admin.pttl(`${scope}:ip:backoff`)).toBeGreaterThan(0);
    // A shorter backoff does not cut the longer one short.
    await b.backOff(100);
    expect((await a.tryRequest([page("anyone")])).waitMs).toBeGreaterThan(1_000);
  });

  it("keeps the window and line under the source IP's prefix and the actions under the key's", async () => {
    const { a, scope } = twoInstances(settings(5, 10_000));
    await a.tryRequest([page("p")]);
    const lease = await createLimiter(a).acquireAction("20000009", {
      action: "item",
      leaseMs: 1_000,
    });
    await lease.release();
    const keys = (await admin.keys(`${scope}:*`)).sort();
    expect(keys).toEqual(
      [
        `${scope}:ip:served`,
        `${scope}:ip:usage`,
        `${scope}:ip:window`,
        `${scope}:key:action:20000009`,
      ].sort(),
    );
  });
});
