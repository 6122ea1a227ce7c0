import { describe, expect, it } from "vitest";
import { createPool } from "@/lib/async/pool";
import { createCache } from "@/lib/cache/cache";
import { createClanSource } from "@/lib/clan/clan-source";
import type { MemberDetails } from "@/lib/clan/types";
import { fakeBungie, makeMembers, type FakeClan } from "./fake-bungie";

const PROFILE = /^\/Destiny2\/\d+\/Profile\//;
const PAGES = /\/Members\/$/;

function setup(
  clan: FakeClan,
  options: {
    delayMs?: number;
    concurrency?: number;
    fail?: Parameters<typeof fakeBungie>[0]["fail"];
  } = {},
) {
  let now = 1_000_000;
  const viewer = clan.members[1]!;
  const bungie = fakeBungie({
    clans: { [`${viewer.membershipType}:${viewer.membershipId}`]: clan },
    delayMs: options.delayMs,
    fail: options.fail,
  });
  const pool = createPool(options.concurrency ?? 10);
  const source = createClanSource({
    cache: createCache({ now: () => now }),
    pool,
    client: bungie.client,
  });
  return { bungie, source, pool, viewer, advance: (ms: number) => (now += ms) };
}

describe("clan source: clan and roster", () => {
  it("reads a 100-member clan in three calls: the clan, then both pages at once", async () => {
    const clan: FakeClan = { groupId: "881", name: "Wardens", members: makeMembers(100) };
    const { bungie, source, viewer } = setup(clan, { delayMs: 20 });
    const membership = await source.findClanOf(viewer);
    expect(membership).toMatchObject({ groupId: "881", memberType: 2 });
    expect(membership?.clan).toMatchObject({ name: "Wardens", callsign: "TST", memberCount: 100 });
    const roster = await source.getRoster(membership!);
    expect(roster.members).toHaveLength(100);
    expect(new Set(roster.members.map((m) => m.key)).size).toBe(100);
    expect(roster.clan.founder).toEqual({
      bungieName: "Guardian 000#0042",
      displayName: "Guardian 000",
    });
    expect(bungie.calls.map((c) => c.path)).toEqual([
      "/GroupV2/User/3/4611686018400000002/0/1/",
      "/GroupV2/881/Members/",
      "/GroupV2/881/Members/",
    ]);
    expect(bungie.calls.slice(1).map((c) => c.query.get("currentpage"))).toEqual(["1", "2"]);
    // Both pages were asked before either answered.
    expect(bungie.peakInFlight).toBe(2);
  });

  it("keeps reading pages while Bungie says there are more than the member count promised", async () => {
    const clan: FakeClan = {
      groupId: "7",
      name: "Growing",
      memberCount: 30,
      members: makeMembers(120),
    };
    const { bungie, source, viewer } = setup(clan);
    const roster = await source.getRoster((await source.findClanOf(viewer))!);
    expect(roster.members).toHaveLength(120);
    expect(bungie.count(PAGES)).toBe(3);
    expect(roster.clan.memberCount).toBe(120);
  });

  it("asks GetGroup for the founder only when the roster has none", async () => {
    const clan: FakeClan = {
      groupId: "9",
      name: "Leaderless",
      members: makeMembers(3, () => ({ memberType: 2 })),
    };
    const { bungie, source, viewer } = setup(clan);
    const roster = await source.getRoster((await source.findClanOf(viewer))!);
    expect(bungie.count(/^\/GroupV2\/9\/$/)).toBe(1);
    expect(roster.clan.founder?.displayName).toBe("Guardian 000");
  });

  it("says null for a player in no clan", async () => {
    const { source } = setup({ groupId: "1", name: "x", members: makeMembers(3) });
    expect(await source.findClanOf({ membershipType: 2, membershipId: "123" })).toBeNull();
  });

  it("costs no calls on a second visit within five minutes, and asks again after", async () => {
    const clan: FakeClan = { groupId: "881", name: "Wardens", members: makeMembers(60) };
    const { bungie, source, viewer, advance } = setup(clan);
    const visit = async () => {
      const roster = await source.getRoster((await source.findClanOf(viewer))!);
      return Promise.all(Object.values(source.getAllDetails(roster.members)));
    };
    await visit();
    const first = bungie.calls.length;
    expect(first).toBe(1 + 2 + 60);
    advance(4 * 60_000);
    await visit();
    expect(bungie.calls.length).toBe(first);
    advance(61_000);
    await visit();
    expect(bungie.calls.length).toBe(2 * first);
  });
});

describe("clan source: member details", () => {
  const clan: FakeClan = {
    groupId: "5",
    name: "Mixed",
    members: makeMembers(6, (i) =>
      i === 1
        ? { profile: "private" }
        : i === 2
          ? { profile: { errorCode: 1601 } }
          : i === 3
            ? // Asks for a minute: longer than the client waits, so it is surfaced, not waited out.
              { profile: { errorCode: 36, throttleSeconds: 60, status: 429 } }
            : i === 4
              ? { profile: { errorCode: 5, status: 503 } }
              : {
                  characters: [
                    { classType: 0, light: 530, minutes: 600, lastPlayed: "2026-11-01T00:00:00Z" },
                    { classType: 2, light: 545, minutes: 900, lastPlayed: "2026-11-20T00:00:00Z" },
                  ],
                },
    ),
  };

  it("shows each member as loaded, private, missing or unavailable, never failing", async () => {
    const { source, viewer } = setup(clan);
    const roster = await source.getRoster((await source.findClanOf(viewer))!);
    const pending = source.getAllDetails(roster.members);
    const byId = Object.fromEntries(
      await Promise.all(
        roster.members.map(async (m) => [m.membershipId.slice(-1), await pending[m.key]!] as const),
      ),
    ) as Record<string, MemberDetails>;
    // Ids end in 1…6 for members 0…5.
    expect(byId["2"]).toEqual({ status: "private" });
    expect(byId["3"]).toEqual({ status: "not-found" });
    expect(byId["4"]).toEqual({ status: "unavailable", reason: "throttled" });
    expect(byId["5"]).toEqual({ status: "unavailable", reason: "maintenance" });
    const loaded = byId["6"];
    expect(loaded?.status).toBe("ok");
    if (loaded?.status !== "ok") return;
    expect(loaded.maxLight).toBe(545);
    expect(loaded.minutesPlayedTotal).toBe(1500);
    // Most recently played first, as in the game.
    expect(loaded.characters.map((c) => c.classType)).toEqual([2, 0]);
    expect(loaded.bungieName).toBe("Guardian 005#0042");
  });

  it("asks failed members again after 30 s, and not before; others stay cached", async () => {
    const { bungie, source, advance, viewer } = setup(clan);
    const roster = await source.getRoster((await source.findClanOf(viewer))!);
    await Promise.all(Object.values(source.getAllDetails(roster.members)));
    const profileCalls = bungie.count(PROFILE);
    await Promise.all(Object.values(source.getAllDetails(roster.members)));
    expect(bungie.count(PROFILE)).toBe(profileCalls);
    advance(30_000);
    await Promise.all(Object.values(source.getAllDetails(roster.members)));
    // Only the throttled and the maintenance member are asked again.
    const again = bungie.calls.slice(-2).map((c) => c.path.split("/")[4]);
    expect(bungie.count(PROFILE) - profileCalls).toBe(2);
    expect(again.sort()).toEqual(["4611686018400000004", "4611686018400000005"]);
  });

  it("never has more profile requests in flight than the pool allows", async () => {
    const big: FakeClan = { groupId: "8", name: "Big", members: makeMembers(40) };
    const { bungie, source, pool } = setup(big, { delayMs: 5, concurrency: 4 });
    const roster = await source.getRoster((await source.findClanOf(big.members[1]!))!);
    const details = await Promise.all(Object.values(source.getAllDetails(roster.members)));
    expect(details.every((d) => d.status === "ok")).toBe(true);
    expect(pool.peak).toBe(4);
    expect(bungie.peakInFlight).toBe(4);
  });

  it("fetches in the order it is given, so the top of the page fills in first", async () => {
    const members: FakeClan = { groupId: "8", name: "Ordered", members: makeMembers(8) };
    const { bungie, source } = setup(members, { concurrency: 1 });
    const roster = await source.getRoster((await source.findClanOf(members.members[1]!))!);
    const reversed = [...roster.members].reverse();
    await Promise.all(Object.values(source.getAllDetails(reversed)));
    const asked = bungie.calls.filter((c) => PROFILE.test(c.path)).map((c) => c.path.split("/")[4]);
    expect(asked).toEqual(reversed.map((m) => m.membershipId));
  });

  it("stops asking once most members of a load fail, and shows the rest as unavailable", async () => {
    const clan: FakeClan = { groupId: "8", name: "Down", members: makeMembers(20) };
    // Every profile but the first three answers "maintenance" (not retried by lib/bungie).
    const { bungie, source, viewer } = setup(clan, {
      concurrency: 1,
      fail: { path: /\/Profile\/46116860184000000(0[4-9]|1\d|20)\//, errorCode: 5, status: 503 },
    });
    const roster = await source.getRoster((await source.findClanOf(viewer))!);
    const details = await Promise.all(Object.values(source.getAllDetails(roster.members)));
    expect(details.filter((d) => d.status === "ok")).toHaveLength(3);
    expect(details.filter((d) => d.status === "unavailable")).toHaveLength(17);
    expect(new Set(details.slice(3).map((d) => JSON.stringify(d)))).toEqual(
      new Set([JSON.stringify({ status: "unavailable", reason: "maintenance" })]),
    );
    // 3 loaded, then 5 failures (more failures than successes): the other 12 are not asked.
    expect(bungie.count(PROFILE)).toBe(3 + 5);
  });
});
