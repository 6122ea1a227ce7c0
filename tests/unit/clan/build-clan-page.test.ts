import { describe, expect, it } from "vitest";
import { createPool } from "@/lib/async/pool";
import { createCache } from "@/lib/cache/cache";
import { buildClanPage } from "@/lib/clan/build-clan-page";
import { createClanSource } from "@/lib/clan/clan-source";
import { gameFactsNamer, type CharacterNamer } from "@/lib/clan/views";
import { fakeBungie, makeMembers, type FakeClan } from "./fake-bungie";

const CLAN: FakeClan = {
  groupId: "881",
  name: "Last City Wardens",
  members: makeMembers(5, (i) => ({
    isOnline: i === 3,
    memberType: i === 0 ? 5 : i === 1 ? 3 : 2,
    profile: i === 4 ? "private" : "public",
  })),
};

function page(
  clans: Record<string, FakeClan>,
  namer: CharacterNamer | Promise<CharacterNamer>,
  fail?: Parameters<typeof fakeBungie>[0]["fail"],
) {
  const bungie = fakeBungie({ clans, fail });
  const source = createClanSource({
    cache: createCache(),
    pool: createPool(4),
    client: bungie.client,
  });
  const deps = { source, namer, assetUrl: (p: string | null) => `/assets${p}`, now: 42 };
  return {
    bungie,
    build: (account: { membershipType: number; membershipId: string }) =>
      buildClanPage(account, deps),
  };
}

describe("buildClanPage", () => {
  const viewer = CLAN.members[1]!;

  it("gives the roster at once, online members first, the viewer marked, details pending", async () => {
    const { build } = page({ [`3:${viewer.membershipId}`]: CLAN }, gameFactsNamer);
    const data = await build(viewer);
    if (data.kind !== "clan") throw new Error(`expected a clan, got ${data.kind}`);
    expect(data.clan).toMatchObject({ name: "Last City Wardens", memberCount: 5 });
    expect(data.viewerRank).toBe("Admin");
    expect(data.now).toBe(42);
    expect(data.members[0]?.displayName).toBe("Guardian 003");
    expect(data.members.filter((m) => m.isViewer).map((m) => m.membershipId)).toEqual([
      viewer.membershipId,
    ]);
    expect(data.members[0]).toMatchObject({
      platformName: "Steam",
      href: `/clan/member/3/${CLAN.members[3]!.membershipId}`,
    });
    expect(Object.keys(data.details).sort()).toEqual(data.members.map((m) => m.key).sort());
    const details = await data.details[data.members[0]!.key]!;
    expect(details).toMatchObject({ status: "ok" });
    if (details.status !== "ok") return;
    expect(details.characters[0]).toMatchObject({
      className: "Warlock",
      raceName: "Human",
      emblemUrl: "/assets/common/destiny2_content/icons/emblem.jpg",
    });
    const priv = data.members.find((m) => m.membershipId === CLAN.members[4]!.membershipId)!;
    expect(await data.details[priv.key]!).toEqual({ status: "private" });
  });

  it("names characters with the namer once it is ready, without holding the roster for it", async () => {
    let resolveNamer!: (n: CharacterNamer) => void;
    const namer = new Promise<CharacterNamer>((r) => (resolveNamer = r));
    const { build } = page({ [`3:${viewer.membershipId}`]: CLAN }, namer);
    const data = await build(viewer);
    if (data.kind !== "clan") throw new Error("expected a clan");
    resolveNamer({ className: () => "Arcaniste", raceName: () => "Humaine" });
    const details = await data.details[data.members[0]!.key]!;
    expect(details.status === "ok" && details.characters[0]?.className).toBe("Arcaniste");
  });

  it("hands details at hand as values (drawn in the HTML) and the rest as promises (streamed)", async () => {
    const { build } = page({ [`3:${viewer.membershipId}`]: CLAN }, gameFactsNamer);
    const first = await build(viewer);
    if (first.kind !== "clan") throw new Error("expected a clan");
    await Promise.all(Object.values(first.details));
    // Cached now: a second visit gets every member's details as plain values.
    const warm = await build(viewer);
    if (warm.kind !== "clan") throw new Error("expected a clan");
    const values = Object.values(warm.details);
    expect(values).toHaveLength(5);
    for (const value of values) expect(value).not.toBeInstanceOf(Promise);
    expect(values.filter((d) => !(d instanceof Promise) && d.status === "ok")).toHaveLength(4);

    // A namer still loading (the manifest on a cold start) holds the details: promises.
    let resolveNamer!: (n: CharacterNamer) => void;
    const slow = page(
      { [`3:${viewer.membershipId}`]: CLAN },
      new Promise<CharacterNamer>((r) => (resolveNamer = r)),
    );
    const cold = await slow.build(viewer);
    if (cold.kind !== "clan") throw new Error("expected a clan");
    for (const value of Object.values(cold.details)) expect(value).toBeInstanceOf(Promise);
    resolveNamer(gameFactsNamer);
    await Promise.all(Object.values(cold.details));
  });

  it("says so for a player in no clan", async () => {
    const { build } = page({}, gameFactsNamer);
    expect(await build(viewer)).toEqual({ kind: "no-clan" });
  });

  it("turns Bungie trouble with the clan itself into a message, not a crash", async () => {
    const clans = { [`3:${viewer.membershipId}`]: CLAN };
    const roster = page(clans, gameFactsNamer, { path: /\/Members\/$/, errorCode: 5, status: 503 });
    expect(await roster.build(viewer)).toEqual({
      kind: "unavailable",
      message: "Bungie.net is down for maintenance. Try again later.",
    });
    const lookup = page(clans, gameFactsNamer, { path: /^\/GroupV2\/User\//, errorCode: 3 });
    expect(await lookup.build(viewer)).toEqual({
      kind: "unavailable",
      message: "Bungie.net is not answering right now. Try again in a moment.",
    });
  });
});
