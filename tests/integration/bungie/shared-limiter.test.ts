// Two app instances (two clients) sharing Bungie's per-address window and per-player spacing
// through Redis, against a sandbox whose per-key limit is lowered so that going over shows.
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setItemLockState } from "@/lib/bungie/actions";
import { BungieError } from "@/lib/bungie/errors";
import { createMemoryLimiter } from "@/lib/bungie/memory-limit-store";
import { getDestinyManifest } from "@/lib/bungie/manifest";
import { getProfile } from "@/lib/bungie/profile";
import { createRedisLimiter } from "@/lib/bungie/redis-limit-store";
import { reshapeProfile } from "@/lib/bungie/reshape/profile";
import { demoPlayer, startHarness, type Harness } from "./sandbox-harness";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const RUN = `warmind-test:${randomUUID()}`;
// The sandbox allows 1 request/s averaged over 10 s, i.e. 10 per window; so do we.
const SETTINGS = {
  maxRequests: 10,
  windowMs: 10_000,
  actionSpacingMs: { item: 110, loadout: 1_000, plug: 500 },
};
// No retries: a single throttle from the sandbox fails the test.
const NO_RETRY = { maxRetries: 0 };

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness.close();
  const admin = new Redis(REDIS_URL);
  const keys = await admin.keys(`${RUN}:*`);
  if (keys.length > 0) await admin.del(...keys);
  admin.disconnect();
});
beforeEach(() => harness.control("reset"));

function twoInstances(shared: boolean, settings = SETTINGS) {
  const prefix = `${RUN}:${randomUUID()}`;
  const limiter = () =>
    shared
      ? createRedisLimiter({ redis: REDIS_URL, prefix, settings })
      : createMemoryLimiter(settings);
  return [
    harness.client({ limiter: limiter(), retry: NO_RETRY }).client,
    harness.client({ limiter: limiter(), retry: NO_RETRY }).client,
  ] as const;
}

describe("Redis-shared limits across two clients", () => {
  it("keeps both instances together under the shared window: delayed, never throttled", async () => {
    const [a, b] = twoInstances(true);
    await harness.control("rate-limit", { perSecond: 1 });
    const started = performance.now();
    const done: number[] = [];
    await Promise.all(
      Array.from({ length: 13 }, (_, i) =>
        getDestinyManifest({ client: i % 2 ? a : b }).then(() =>
          done.push(performance.now() - started),
        ),
      ),
    );
    expect(done).toHaveLength(13);
    // 10 fit the first window; the other 3 waited for it to slide.
    expect(done.filter((t) => t < 5_000)).toHaveLength(10);
    expect(Math.max(...done)).toBeGreaterThanOrEqual(9_900);
  });

  it("stays under Bungie's window when calls reach it late: it counts arrivals, not our sends", async () => {
    // The first ten reach Bungie 1.5 s after we send them (a congested network, a busy front
    // door); the network is fast again when the last three go. Counted from when their slots were
    // taken, the first ten leave our window 10 s after the send, while Bungie, which counts
    // arrivals, still has them in its own: the next sends would be throttled.
    const [a, b] = twoInstances(true);
    await harness.control("rate-limit", { perSecond: 1 });
    await harness.control("latency", { fixedMs: 1_500 });
    let answered = 0;
    let firstTen!: () => void;
    const tenAnswered = new Promise<void>((resolve) => (firstTen = resolve));
    const calls = Array.from({ length: 13 }, (_, i) =>
      getDestinyManifest({ client: i % 2 ? a : b }).finally(() => {
        if (++answered === 10) firstTen();
      }),
    );
    await tenAnswered;
    await harness.control("latency", { fixedMs: 0 });
    const results = await Promise.allSettled(calls);
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
  });

  it("(control) with per-instance limits the same load gets throttled", async () => {
    const [a, b] = twoInstances(false);
    await harness.control("rate-limit", { perSecond: 1 });
    const results = await Promise.allSettled(
      Array.from({ length: 13 }, (_, i) => getDestinyManifest({ client: i % 2 ? a : b })),
    );
    const codes = results.map((r) =>
      r.status === "rejected" ? (r.reason as BungieError).code : 1,
    );
    expect(codes).toContain(31);
  });

  it("spaces one player's item actions across instances", async () => {
    const open = { ...SETTINGS, maxRequests: 1_000 };
    const [a, b] = twoInstances(true, open);
    const demo = await demoPlayer(harness);
    const accessToken = (await harness.token()).access_token;
    const profile = reshapeProfile(
      await getProfile(
        { membershipType: demo.membershipType, membershipId: demo.membershipId, accessToken },
        { client: a },
      ),
    );
    const item = profile.items.find((i) => i.lockable && i.itemInstanceId && i.ownerCharacterId)!;
    const lock = (locked: boolean, client: typeof a) =>
      setItemLockState(
        {
          accessToken,
          bungieMembershipId: demo.bungieMembershipId,
          membershipType: demo.membershipType,
          characterId: item.ownerCharacterId!,
          itemId: item.itemInstanceId!,
          locked,
        },
        { client },
      );
    // Every one would be a 36 (and fail: no retries) if the instances didn't share spacing.
    await Promise.all([lock(true, a), lock(false, b), lock(true, a), lock(false, b)]);
  });
});
