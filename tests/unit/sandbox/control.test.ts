import { describe, expect, it } from "vitest";
import type { Sandbox } from "@/sandbox";
import { call, control, demo, ORIGIN, snapshot, testSandbox } from "./helpers";

describe("control API", () => {
  it("counts Bungie calls by operation and resets the counters", async () => {
    const { sandbox } = testSandbox();
    const d = await demo(sandbox);
    await call(sandbox, "/Platform/Destiny2/Manifest/");
    await call(sandbox, `/Platform/Destiny2/3/Profile/${d.profile.membershipId}/?components=100`);
    await call(sandbox, `/Platform/Destiny2/3/Profile/${d.profile.membershipId}/?components=200`);
    await call(sandbox, "/Platform/Nope/");
    const stats = await control<{ total: number; operations: Record<string, number> }>(
      sandbox,
      "stats",
    );
    expect(stats.operations["Destiny2.GetProfile"]).toBe(2);
    expect(stats.operations["Destiny2.GetDestinyManifest"]).toBe(1);
    expect(stats.operations.NotFound).toBe(1);
    expect(stats.total).toBe(4);
    await control(sandbox, "stats/reset", {});
    expect((await control<{ total: number }>(sandbox, "stats")).total).toBe(0);
  });

  it("reports where every item is, and reset restores the world", async () => {
    const { sandbox } = testSandbox();
    const d = await demo(sandbox);
    const before = await snapshot(sandbox);
    expect(before.profiles[0]?.counts.instanced).toBe(
      before.profiles[0]?.items.filter((i) => i.itemInstanceId).length,
    );
    const item = d.profile.items.find((i) => i.itemInstanceId && i.where === "vault");
    await call(sandbox, "/Platform/Destiny2/Actions/Items/SetLockState/", {
      token: d.token,
      body: {
        state: !item?.locked,
        itemId: item?.itemInstanceId,
        characterId: d.titan.characterId,
        membershipType: 3,
      },
    });
    const changed = await snapshot(sandbox);
    expect(changed).not.toEqual(before);
    await control(sandbox, "reset", {});
    expect(await snapshot(sandbox)).toEqual(before);
    // Tokens are forgotten on reset.
    expect(
      (await call(sandbox, "/Platform/User/GetMembershipsForCurrentUser/", { token: d.token })).body
        .ErrorCode,
    ).toBe(99);
  });

  it("rejects unknown controls and bad bodies", async () => {
    const { sandbox } = testSandbox();
    const bad = await sandbox.handle(
      new Request(`${ORIGIN}/__sandbox/latency`, { method: "POST", body: "{nope" }),
    );
    expect(bad.status).toBe(400);
    const unknown = await sandbox.handle(
      new Request(`${ORIGIN}/__sandbox/teleport`, { method: "POST", body: "{}" }),
    );
    expect(unknown.status).toBe(404);
    const user = await sandbox.handle(
      new Request(`${ORIGIN}/__sandbox/token`, {
        method: "POST",
        body: JSON.stringify({ user: "ghost" }),
      }),
    );
    expect(user.status).toBe(404);
  });

  it("moves characters in and out of activities, visible in CharacterActivities", async () => {
    const { sandbox } = testSandbox();
    const d = await demo(sandbox);
    const read = async () =>
      (
        await call<{
          characterActivities: {
            data: Record<
              string,
              { currentActivityHash: number; currentActivityModeTypes: number[] }
            >;
          };
        }>(sandbox, `/Platform/Destiny2/3/Profile/${d.profile.membershipId}/?components=204`)
      ).body.Response?.characterActivities.data[d.hunter.characterId];
    const orbit = await read();
    expect(orbit?.currentActivityHash).not.toBe(0);
    await control(sandbox, "activity", { characterId: d.hunter.characterId, activity: "raid" });
    const raid = await read();
    expect(raid?.currentActivityModeTypes).toContain(4);
    expect(raid?.currentActivityHash).not.toBe(orbit?.currentActivityHash);
  });
});

describe("control API: per-key limit", () => {
  it("lowers the per-API-key rate limit at runtime (31 with ThrottleSeconds)", async () => {
    const { sandbox } = testSandbox();
    await control(sandbox, "rate-limit", { perSecond: 1 });
    const codes: number[] = [];
    for (let i = 0; i < 11; i++)
      codes.push((await call(sandbox, "/Platform/Destiny2/Manifest/")).body.ErrorCode);
    expect(codes).toEqual([...Array(10).fill(1), 31]);
    const over = await call(sandbox, "/Platform/Destiny2/Manifest/");
    expect(over.status).toBe(429);
    expect(over.body).toMatchObject({
      ErrorCode: 31,
      ErrorStatus: "ThrottleLimitExceeded",
      ThrottleSeconds: 10,
    });
  });
});

describe("control API: clan size", () => {
  type Member = {
    memberType: number;
    destinyUserInfo: {
      membershipId: string;
      membershipType: number;
      bungieGlobalDisplayName: string;
    };
  };
  type Page = { results: Member[]; totalResults: number; hasMore: boolean };

  /** The demo player's clan as an app reads it: GetGroupsForMember, then every members page. */
  async function roster(sandbox: Sandbox) {
    const d = await demo(sandbox);
    const groups = await call<{ results: { group: { groupId: string; memberCount: number } }[] }>(
      sandbox,
      `/Platform/GroupV2/User/3/${d.profile.membershipId}/0/1/`,
    );
    const group = groups.body.Response!.results[0]!.group;
    const pages: Page[] = [];
    for (let page = 1; page === 1 || pages.at(-1)?.hasMore; page++) {
      const members = await call<Page>(
        sandbox,
        `/Platform/GroupV2/${group.groupId}/Members/?currentpage=${page}`,
      );
      pages.push(members.body.Response!);
    }
    return { demoId: d.profile.membershipId, memberCount: group.memberCount, pages };
  }

  async function reset(sandbox: Sandbox, body: unknown) {
    const response = await sandbox.handle(
      new Request(`${ORIGIN}/__sandbox/reset`, { method: "POST", body: JSON.stringify(body) }),
    );
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it("builds a 100-member clan on reset, served over two pages as Bungie pages it", async () => {
    const { sandbox } = testSandbox();
    const before = await roster(sandbox);
    expect(await reset(sandbox, { clanSize: 100 })).toEqual({
      status: 200,
      body: { ok: true, seed: sandbox.options.seed, fullVault: false, clanSize: 100 },
    });
    expect(await control(sandbox, "config")).toMatchObject({ clanSize: 100 });

    const full = await roster(sandbox);
    expect(full.memberCount).toBe(100);
    expect(full.pages.map((p) => [p.results.length, p.totalResults, p.hasMore])).toEqual([
      [50, 100, true],
      [50, 100, false],
    ]);
    const members = full.pages.flatMap((p) => p.results);
    const ids = members.map((m) => m.destinyUserInfo.membershipId);
    expect(new Set(ids).size).toBe(100);
    expect(ids).toContain(full.demoId);
    expect(new Set(members.map((m) => m.destinyUserInfo.bungieGlobalDisplayName)).size).toBe(100);
    expect(members.filter((m) => m.memberType === 5)).toHaveLength(1);
    // The default clan's members are all still there: a bigger clan only adds members.
    const defaultIds = before.pages.flatMap((p) =>
      p.results.map((m) => m.destinyUserInfo.membershipId),
    );
    expect(defaultIds).toHaveLength(60);
    expect(ids.slice(0, 60)).toEqual(defaultIds);
    // The added members have real profiles, gear included.
    const added = members[99]!.destinyUserInfo;
    const profile = await call<{
      characterEquipment: { data: Record<string, { items: unknown[] }> };
    }>(
      sandbox,
      `/Platform/Destiny2/${added.membershipType}/Profile/${added.membershipId}/?components=205`,
    );
    expect(profile.body.ErrorCode).toBe(1);
    const equipped = Object.values(profile.body.Response!.characterEquipment.data);
    expect(equipped.length).toBeGreaterThanOrEqual(1);
    for (const character of equipped) expect(character.items.length).toBeGreaterThan(0);

    // A reset without clanSize goes back to the configured size (60 by default).
    expect((await reset(sandbox, {})).body.clanSize).toBe(60);
    expect((await roster(sandbox)).memberCount).toBe(60);
  });

  it("keeps the clanSize option across resets", async () => {
    const { sandbox } = testSandbox({ clanSize: 2 });
    const small = await roster(sandbox);
    expect(small.memberCount).toBe(2);
    expect(
      small.pages.flatMap((p) => p.results.map((m) => m.destinyUserInfo.membershipId)),
    ).toContain(small.demoId);
    await control(sandbox, "reset", {});
    expect(await control(sandbox, "config")).toMatchObject({ clanSize: 2 });
  });

  it("rejects sizes Bungie would not allow, and keeps the world", async () => {
    const { sandbox } = testSandbox();
    for (const clanSize of [101, 1, 0, 50.5, "x", null]) {
      expect(await reset(sandbox, { clanSize })).toEqual({
        status: 400,
        body: {
          ok: false,
          error:
            typeof clanSize === "number"
              ? "clanSize must be an integer from 2 to 100"
              : "clanSize must be a number",
        },
      });
    }
    expect(await control(sandbox, "config")).toMatchObject({ clanSize: 60 });
    expect((await roster(sandbox)).memberCount).toBe(60);
  });
});
