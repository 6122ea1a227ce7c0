import { describe, expect, it } from "vitest";
import { call, control, demo, testSandbox } from "./helpers";

type Dict = Record<string, unknown>;

describe("GroupV2", () => {
  it("finds the demo player's clan, and none for players without one", async () => {
    const { sandbox } = testSandbox();
    const d = await demo(sandbox);
    const groups = await call<{
      results: { member: Dict; group: Dict }[];
      totalResults: number;
      areAllMembershipsInactive: Dict;
    }>(sandbox, `/Platform/GroupV2/User/3/${d.profile.membershipId}/0/1/`);
    expect(groups.body.Response?.totalResults).toBe(1);
    const { member, group } = groups.body.Response?.results[0] ?? { member: {}, group: {} };
    expect(group).toMatchObject({
      name: "Last City Wardens",
      motto: "Eyes up, Guardian.",
      memberCount: 60,
      groupType: 1,
      clanInfo: { clanCallsign: "LCW" },
    });
    expect(member).toMatchObject({ memberType: 3, isOnline: true });
    expect(typeof member.lastOnlineStatusChange).toBe("string");
    expect(typeof group.groupId).toBe("string");
    const users = await control<{ users: { key: string; membershipId: string }[] }>(
      sandbox,
      "users",
    );
    const bnet = users.users.find((u) => u.key === "demo")?.membershipId;
    expect(
      (await call<{ totalResults: number }>(sandbox, `/Platform/GroupV2/User/254/${bnet}/0/1/`))
        .body.Response?.totalResults,
    ).toBe(1);
    expect(
      (
        await call<{ totalResults: number }>(
          sandbox,
          `/Platform/GroupV2/User/3/${d.profile.membershipId}/1/1/`,
        )
      ).body.Response?.totalResults,
    ).toBe(0);
    expect(
      (
        await call<{ totalResults: number }>(
          sandbox,
          `/Platform/GroupV2/User/3/${d.profile.membershipId}/0/0/`,
        )
      ).body.Response?.totalResults,
    ).toBe(0);
    const nodestiny = users.users.find((u) => u.key === "nodestiny")?.membershipId;
    expect(
      (await call<{ results: unknown[] }>(sandbox, `/Platform/GroupV2/User/254/${nodestiny}/0/1/`))
        .body.Response?.results,
    ).toEqual([]);
  });

  it("GetGroup names the founder and the caller's memberships by platform name", async () => {
    const { sandbox } = testSandbox();
    const d = await demo(sandbox);
    const groups = await call<{ results: { group: { groupId: string } }[] }>(
      sandbox,
      `/Platform/GroupV2/User/3/${d.profile.membershipId}/0/1/`,
    );
    const groupId = groups.body.Response?.results[0]?.group.groupId;
    const group = await call<{
      detail: Dict;
      founder: { memberType: number; destinyUserInfo: Dict };
      currentUserMemberMap: Record<string, Dict>;
    }>(sandbox, `/Platform/GroupV2/${groupId}/`, { token: d.token });
    expect(group.body.Response?.founder.memberType).toBe(5);
    expect(group.body.Response?.founder.destinyUserInfo.bungieGlobalDisplayName).toBe(
      "Saint Ashfall",
    );
    expect(Object.keys(group.body.Response?.currentUserMemberMap ?? {})).toEqual(["TigerSteam"]);
    expect(String(group.body.Response?.detail.creationDate)).toMatch(/Z$/);
    expect((await call(sandbox, "/Platform/GroupV2/1/")).body).toMatchObject({
      ErrorCode: 622,
      ErrorStatus: "GroupNotFound",
    });
  });

  it("pages members 50 at a time with ?currentpage (1-based), filters by name and type", async () => {
    const { sandbox } = testSandbox();
    const d = await demo(sandbox);
    const groups = await call<{ results: { group: { groupId: string } }[] }>(
      sandbox,
      `/Platform/GroupV2/User/3/${d.profile.membershipId}/0/1/`,
    );
    const groupId = groups.body.Response?.results[0]?.group.groupId;
    type Page = {
      results: { destinyUserInfo: Dict; memberType: number; joinDate: string }[];
      totalResults: number;
      hasMore: boolean;
      query: Dict;
    };
    const first = (await call<Page>(sandbox, `/Platform/GroupV2/${groupId}/Members/?currentpage=1`))
      .body.Response;
    const second = (
      await call<Page>(sandbox, `/Platform/GroupV2/${groupId}/Members/?currentpage=2`)
    ).body.Response;
    expect(first?.results).toHaveLength(50);
    expect(first?.hasMore).toBe(true);
    expect(first?.query).toMatchObject({ itemsPerPage: 50, currentPage: 1 });
    expect(second?.results).toHaveLength(10);
    expect(second?.hasMore).toBe(false);
    expect(first?.totalResults).toBe(60);
    const ids = [...(first?.results ?? []), ...(second?.results ?? [])].map(
      (m) => m.destinyUserInfo.membershipId,
    );
    expect(new Set(ids).size).toBe(60);
    // The XSS probe comes through verbatim: escaping is the app's job.
    expect(ids.length).toBe(60);
    const names = [...(first?.results ?? []), ...(second?.results ?? [])].map(
      (m) => m.destinyUserInfo.bungieGlobalDisplayName,
    );
    expect(names).toContain("<script>alert(1)</script>");
    const search = (
      await call<Page>(sandbox, `/Platform/GroupV2/${groupId}/Members/?nameSearch=aurora`)
    ).body.Response;
    expect(search?.results.map((m) => m.destinyUserInfo.bungieGlobalDisplayName)).toEqual([
      "Aurora Vale",
    ]);
    const founders = (
      await call<Page>(sandbox, `/Platform/GroupV2/${groupId}/Members/?memberType=5`)
    ).body.Response;
    expect(founders?.results).toHaveLength(1);
  });

  it("serves clan members' public profiles, with private and broken ones", async () => {
    const { sandbox } = testSandbox();
    const d = await demo(sandbox);
    const groups = await call<{ results: { group: { groupId: string } }[] }>(
      sandbox,
      `/Platform/GroupV2/User/3/${d.profile.membershipId}/0/1/`,
    );
    const groupId = groups.body.Response?.results[0]?.group.groupId;
    const members = [
      ...((
        await call<{
          results: { destinyUserInfo: { membershipId: string; membershipType: number } }[];
        }>(sandbox, `/Platform/GroupV2/${groupId}/Members/?currentpage=1`)
      ).body.Response?.results ?? []),
      ...((
        await call<{
          results: { destinyUserInfo: { membershipId: string; membershipType: number } }[];
        }>(sandbox, `/Platform/GroupV2/${groupId}/Members/?currentpage=2`)
      ).body.Response?.results ?? []),
    ];
    const outcomes = { ok: 0, private: 0, missing: 0 };
    for (const m of members) {
      const { membershipId, membershipType } = m.destinyUserInfo;
      const result = await call<{
        characters: { data?: Record<string, { light: number }>; privacy: number };
        characterEquipment: { data?: Dict };
      }>(
        sandbox,
        `/Platform/Destiny2/${membershipType}/Profile/${membershipId}/?components=100,200,205`,
      );
      if (result.body.ErrorCode === 1601) outcomes.missing++;
      else if (result.body.Response?.characters.data === undefined) {
        expect(result.body.Response?.characters.privacy).toBe(2);
        outcomes.private++;
      } else {
        const characters = Object.values(result.body.Response.characters.data);
        expect(characters.length).toBeGreaterThanOrEqual(1);
        expect(characters.length).toBeLessThanOrEqual(3);
        // Edge of Fate's power: 10 to 550.
        for (const c of characters) {
          expect(c.light).toBeGreaterThanOrEqual(10);
          expect(c.light).toBeLessThanOrEqual(550);
        }
        expect(result.body.Response.characterEquipment.data).toBeDefined();
        outcomes.ok++;
      }
    }
    expect(outcomes.missing).toBe(2);
    expect(outcomes.private).toBe(3);
    expect(outcomes.ok).toBe(55);
  });
});
