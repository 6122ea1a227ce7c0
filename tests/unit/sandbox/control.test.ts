import { describe, expect, it } from "vitest";
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
