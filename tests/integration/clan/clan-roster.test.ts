// The clan page's data against the Bungie sandbox over real HTTP: the demo clan, a full
// 100-member clan, the calls a first and a second visit cost, and member calls that fail, are
// throttled or hang.
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPool } from "@/lib/async/pool";
import type { BungieClient } from "@/lib/bungie/http";
import { BUNGIE_LIMITS } from "@/lib/bungie/limits";
import { createMemoryLimiter } from "@/lib/bungie/memory-limit-store";
import { createCache, type CacheOptions } from "@/lib/cache/cache";
import { buildClanPage, type ClanPageData } from "@/lib/clan/build-clan-page";
import { createClanSource, type ClanSource } from "@/lib/clan/clan-source";
import type { MemberDetailsView } from "@/lib/clan/types";
import { gameFactsNamer } from "@/lib/clan/views";
import { demoPlayer, startHarness, type DemoPlayer, type Harness } from "../bungie/sandbox-harness";

let harness: Harness;
let client: BungieClient;
/** Paths of every request the client sent, retries included (the sandbox counts only those it answered). */
let sent: string[];
let demo: DemoPlayer;
let now = Date.now();

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.close());
beforeEach(async () => {
  await harness.control("reset");
  demo = await demoPlayer(harness);
  now = Date.now();
  // A client per test: each has its own rate limiter (Bungie's 250 calls per 10 s), which a
  // whole file of 100-member visits would otherwise reach and slow down.
  // Short backoff for Bungie's transient errors; throttles still wait what Bungie asks.
  ({ client, sent } = harness.client({ retry: { baseDelayMs: 20, maxDelayMs: 80 } }));
});

function source(options: { memberTimeoutMs?: number; cache?: CacheOptions } = {}): ClanSource {
  return createClanSource({
    cache: createCache({ now: () => now, ...options.cache }),
    pool: createPool(10),
    client,
    memberTimeoutMs: options.memberTimeoutMs,
  });
}

const build = (s: ClanSource, account: { membershipType: number; membershipId: string } = demo) =>
  buildClanPage(account, { source: s, namer: gameFactsNamer, assetUrl: (p) => p ?? "", now });

async function stats(): Promise<Record<string, number>> {
  const { operations } = (await harness.get("stats")) as { operations: Record<string, number> };
  return operations;
}

async function settle(data: ClanPageData): Promise<Map<string, MemberDetailsView>> {
  if (data.kind !== "clan") throw new Error(`expected a clan page, got ${data.kind}`);
  const entries = await Promise.all(
    Object.entries(data.details).map(async ([key, p]) => [key, await p] as const),
  );
  return new Map(entries);
}

const countBy = (details: Map<string, MemberDetailsView>) => {
  const out: Record<string, number> = {};
  for (const d of details.values()) {
    const label = d.status === "unavailable" ? `unavailable:${d.reason}` : d.status;
    out[label] = (out[label] ?? 0) + 1;
  }
  return out;
};

describe("the demo clan", () => {
  it("lists every member with rank and status, and each one's characters or why not", async () => {
    const world = harness.server.sandbox.state.world;
    const clan = world.clans[0]!;
    const data = await build(source());
    if (data.kind !== "clan") throw new Error(data.kind);
    expect(data.clan).toMatchObject({
      name: clan.name,
      motto: clan.motto,
      callsign: clan.callsign,
      memberCount: clan.members.length,
    });
    expect(Date.parse(data.clan.creationDate ?? "")).toBe(clan.creationDate);
    const founder = world.profiles.get(clan.founderMembershipId)!;
    expect(data.clan.founder?.bungieName).toBe(
      `${founder.bungieGlobalDisplayName}#${String(founder.bungieGlobalDisplayNameCode).padStart(4, "0")}`,
    );
    expect(data.viewerRank).toBe("Admin");
    expect(data.members).toHaveLength(clan.members.length);
    expect(data.members.filter((m) => m.isViewer)).toHaveLength(1);
    // Online members first.
    const online = clan.members.filter((m) => m.isOnline).length;
    expect(data.members.slice(0, online).every((m) => m.isOnline)).toBe(true);
    // Names arrive as Bungie sends them; escaping is the page's job.
    expect(data.members.some((m) => m.displayName === "<script>alert(1)</script>")).toBe(true);

    const details = await settle(data);
    const availability = (status: string) =>
      clan.members.filter((m) => world.profiles.get(m.membershipId)?.availability === status)
        .length;
    expect(countBy(details)).toEqual({
      ok: availability("public"),
      private: availability("private"),
      "not-found": availability("missing"),
    });
    const sample = clan.members.find(
      (m) => world.profiles.get(m.membershipId)?.availability === "public",
    )!;
    const profile = world.profiles.get(sample.membershipId)!;
    const loaded = details.get(`${profile.membershipType}:${profile.membershipId}`);
    if (loaded?.status !== "ok") throw new Error("expected the sample member loaded");
    expect(loaded.characters.map((c) => c.classType).sort()).toEqual(
      profile.characters.map((c) => c.classType).sort(),
    );
    expect(loaded.minutesPlayedTotal).toBe(
      profile.characters.reduce((sum, c) => sum + c.minutesPlayedTotal, 0),
    );
    expect(loaded.maxLight).toBe(Math.max(...loaded.characters.map((c) => c.light)));
  });

  it("gives a player in no clan the no-clan page", async () => {
    const { users } = (await harness.get("users")) as {
      users: { key: string; profiles: { membershipId: string; membershipType: number }[] }[];
    };
    const rival = users.find((u) => u.key === "rival")!.profiles[0]!;
    expect(await build(source(), rival)).toEqual({ kind: "no-clan" });
  });

  it("says Bungie is down for maintenance instead of failing", async () => {
    await harness.control("maintenance", { enabled: true });
    expect(await build(source())).toEqual({
      kind: "unavailable",
      message: "Bungie.net is down for maintenance. Try again later.",
    });
  });
});

/** Bungie's biggest clan: the demo clan rebuilt with 100 members (the same demo player). */
async function fullClan() {
  const reset = await harness.control("reset", { clanSize: 100 });
  expect(reset.clanSize).toBe(100);
  expect(await demoPlayer(harness)).toEqual(demo);
}

describe("a 100-member clan", () => {
  beforeEach(fullClan);

  it("costs 103 calls on the first visit and none on the second", async () => {
    const s = source();
    await harness.control("stats/reset");
    const first = await settle(await build(s));
    expect(first.size).toBe(100);
    const afterFirst = await stats();
    expect(afterFirst).toEqual({
      "GroupV2.GetGroupsForMember": 1,
      "GroupV2.GetMembersOfGroup": 2,
      "Destiny2.GetProfile": 100,
    });
    now += 4 * 60_000;
    const second = await settle(await build(s));
    expect(second).toEqual(first);
    expect(await stats()).toEqual(afterFirst);
    // After five minutes the page asks Bungie again.
    now += 61_000;
    await settle(await build(s));
    expect((await stats())["Destiny2.GetProfile"]).toBe(200);
  });

  it("lets a second app instance reuse the first one's work through Redis", async () => {
    const prefix = `warmind:test:clan:${randomUUID()}`;
    const redis = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
    const one = createCache({ redis, prefix });
    const two = createCache({ redis, prefix });
    try {
      const instance = (cache: typeof one) =>
        createClanSource({ cache, pool: createPool(10), client });
      await harness.control("stats/reset");
      await settle(await build(instance(one)));
      const total = (await harness.get("stats")).total;
      expect(total).toBe(103);
      await settle(await build(instance(two)));
      expect((await harness.get("stats")).total).toBe(total);
    } finally {
      await one.close();
      await two.close();
      const cleanup = new Redis(redis);
      const keys = await cleanup.keys(`${prefix}:*`);
      if (keys.length) await cleanup.del(...keys);
      cleanup.disconnect();
    }
  });
});

describe("member calls that fail", () => {
  beforeEach(fullClan);

  /** Loads and caches the roster first, so the injected faults hit only member profiles. */
  async function withRoster() {
    const s = source({ memberTimeoutMs: 1_000 });
    const membership = (await s.findClanOf(demo))!;
    await s.getRoster(membership);
    await harness.control("stats/reset");
    return s;
  }

  it("waits out short throttles (lib/bungie retries reads) and shows everyone", async () => {
    const s = await withRoster();
    await harness.control("throttle", { count: 5, throttleSeconds: 1 });
    const details = await settle(await build(s));
    expect(countBy(details).ok).toBe(100 - 5);
    expect(countBy(details)["unavailable:throttled"]).toBeUndefined();
    // The 5 refused calls were sent again once Bungie's wait was over.
    expect((await stats())["Destiny2.GetProfile"]).toBe(100 + 5);
  });

  it("shows members throttled for longer than a page can wait as unavailable, and asks again 30 s later", async () => {
    const s = await withRoster();
    await harness.control("throttle", { count: 4, throttleSeconds: 60 });
    const first = await settle(await build(s));
    expect(countBy(first)).toMatchObject({ ok: 100 - 5 - 4, "unavailable:throttled": 4 });
    // A reload right away does not hammer Bungie for them…
    await harness.control("stats/reset");
    await settle(await build(s));
    expect((await stats())["Destiny2.GetProfile"]).toBeUndefined();
    // …but half a minute later it asks for those four only, and they load.
    now += 30_000;
    const later = await settle(await build(s));
    expect((await stats())["Destiny2.GetProfile"]).toBe(4);
    expect(countBy(later)["unavailable:throttled"]).toBeUndefined();
  });

  it("retries Bungie's errors, then stops asking and shows the members as unavailable", async () => {
    // 500 calls in a few seconds: more than Bungie's rate, which the client's limiter would
    // (rightly) spread over 20 s. The limiter is not what this test is about.
    ({ client, sent } = harness.client({
      retry: { baseDelayMs: 20, maxDelayMs: 80 },
      limiter: createMemoryLimiter({ ...BUNGIE_LIMITS, maxRequests: 2_000 }),
    }));
    const s = await withRoster();
    await harness.control("error-rate", { rate: 1, status: 500 });
    const data = await build(s);
    expect(data.kind).toBe("clan");
    const details = await settle(data);
    // Bungie's front door fails before it looks at the profile, so private and missing
    // profiles fail the same way here.
    expect(countBy(details)).toEqual({ "unavailable:error": 100 });
    // One attempt and three retries for each member asked; once five had failed (more than
    // had loaded), the members still queued were not asked at all. With ten at once, at most
    // the first ten and the four that started as the first four failed were asked.
    const asked = new Set(sent.filter((p) => p.includes("/Profile/")));
    expect(asked.size).toBeGreaterThanOrEqual(5);
    expect(asked.size).toBeLessThanOrEqual(14);
    expect((await stats())["Destiny2.GetProfile"]).toBe(4 * asked.size);
    // Once Bungie recovers and the 30 s pause is over, the page fills in.
    await harness.control("error-rate", { rate: 0 });
    now += 30_000;
    expect(countBy(await settle(await build(s)))).toEqual({ ok: 95, private: 3, "not-found": 2 });
  });

  it("times out a member call that hangs and retries it", async () => {
    const s = await withRoster();
    await harness.control("hang", { count: 3, maxMs: 30_000 });
    const before = sent.length;
    const details = await settle(await build(s));
    expect(countBy(details)).toEqual({ ok: 95, private: 3, "not-found": 2 });
    // 100 profiles and 3 retries; the sandbox never answered the 3 hung attempts.
    expect(sent.slice(before).filter((p) => p.includes("/Profile/"))).toHaveLength(103);
    expect((await stats())["Destiny2.GetProfile"]).toBe(100);
  });
});
