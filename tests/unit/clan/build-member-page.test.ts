import { describe, expect, it } from "vitest";
import { createPool } from "@/lib/async/pool";
import { createCache } from "@/lib/cache/cache";
import { createClanSource } from "@/lib/clan/clan-source";
import { buildMemberPage } from "@/lib/clan/build-member-page";
import { gameFactsNamer } from "@/lib/clan/views";
import { fakeBungie, makeMembers, type FakeClan } from "./fake-bungie";

const CLAN: FakeClan = {
  groupId: "881",
  name: "Last City Wardens",
  members: makeMembers(4, (i) => ({
    memberType: i === 0 ? 5 : 2,
    isOnline: i === 2,
    profile: i === 3 ? "private" : "public",
  })),
};
const viewer = CLAN.members[1]!;
const stranger = {
  membershipType: 2,
  membershipId: "4611686018499999999",
  name: "Wanderer",
};
const outsiders: FakeClan = { groupId: "900", name: "Elsewhere", members: [stranger] };

function setup() {
  const bungie = fakeBungie({ clans: { [`3:${viewer.membershipId}`]: CLAN, x: outsiders } });
  const source = createClanSource({
    cache: createCache(),
    pool: createPool(4),
    client: bungie.client,
  });
  const deps = { source, namer: gameFactsNamer, assetUrl: (p: string | null) => `/a${p}`, now: 7 };
  return {
    bungie,
    source,
    build: (m: { membershipType: number; membershipId: string }) =>
      buildMemberPage(m, viewer, deps),
  };
}

describe("buildMemberPage", () => {
  it("shows a clan mate with their rank, join date and guardians", async () => {
    const { build } = setup();
    const data = await build(CLAN.members[2]!);
    expect(data).toMatchObject({
      name: "Guardian 002#0042",
      platformName: "Steam",
      clanName: "Last City Wardens",
      clanEntry: { rankName: "Member", isOnline: true, isViewer: false },
      details: { status: "ok", maxLight: 540 },
      now: 7,
    });
    if (data.details.status !== "ok") return;
    expect(data.details.characters[0]).toMatchObject({
      className: "Warlock",
      emblemUrl: "/a/common/destiny2_content/icons/emblem.jpg",
    });
  });

  it("shows anyone else's public profile without clan standing", async () => {
    const { build } = setup();
    const data = await build(stranger);
    expect(data).toMatchObject({
      name: "Wanderer#0042",
      platformName: "PlayStation",
      clanEntry: null,
      clanName: null,
      details: { status: "ok" },
    });
  });

  it("names a private clan mate from the roster and says the profile is private", async () => {
    const { build } = setup();
    const data = await build(CLAN.members[3]!);
    expect(data.name).toBe("Guardian 003#0042");
    expect(data.details).toEqual({ status: "private" });
  });

  it("reuses what the roster page loaded: no calls for a member it already fetched", async () => {
    const { build, source, bungie } = setup();
    const roster = await source.getRoster((await source.findClanOf(viewer))!);
    await Promise.all(Object.values(source.getAllDetails(roster.members)));
    const before = bungie.calls.length;
    await build(CLAN.members[0]!);
    expect(bungie.calls.length).toBe(before);
  });
});
