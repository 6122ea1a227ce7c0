// POST /__sandbox/players: generated Bungie.net accounts for load tests, one Destiny profile
// each, signed in through the consent form like the demo accounts but never listed on it.
import { describe, expect, it } from "vitest";
import { WEAPON_BUCKETS } from "@/lib/destiny/buckets";
import type { Sandbox } from "@/sandbox";
import { call, control, ORIGIN, snapshot, testSandbox } from "./helpers";

type Users = {
  users: {
    key: string;
    bungieName: string;
    membershipId: string;
    profiles: {
      membershipId: string;
      membershipType: number;
      characters: { characterId: string; activity: string }[];
    }[];
  }[];
};
type Players = { ok: boolean; added: number; players: number; keys: string[] };

async function post(sandbox: Sandbox, path: string, body: string) {
  const response = await sandbox.handle(
    new Request(`${ORIGIN}${sandbox.options.basePath}${path}`, {
      method: "POST",
      headers: {
        "content-type": path.startsWith("/__sandbox")
          ? "application/json"
          : "application/x-www-form-urlencoded",
      },
      body,
    }),
  );
  return response;
}

const loadUsers = async (sandbox: Sandbox) =>
  (await control<Users>(sandbox, "users")).users.filter((u) => u.key.startsWith("load-"));

describe("control API: load players", () => {
  it("adds N players, each with one profile, 1-3 characters in orbit and a modest vault", async () => {
    const { sandbox } = testSandbox();
    const result = await control<Players>(sandbox, "players", { count: 5 });
    expect(result).toEqual({
      ok: true,
      added: 5,
      players: 5,
      keys: ["load-1", "load-2", "load-3", "load-4", "load-5"],
    });
    const users = await loadUsers(sandbox);
    expect(users.map((u) => u.bungieName)).toEqual([
      "Load Guardian 1#1001",
      "Load Guardian 2#1002",
      "Load Guardian 3#1003",
      "Load Guardian 4#1004",
      "Load Guardian 5#1005",
    ]);
    for (const user of users) {
      expect(user.profiles).toHaveLength(1);
      const characters = user.profiles[0]!.characters;
      expect(characters.length).toBeGreaterThanOrEqual(1);
      expect(characters.length).toBeLessThanOrEqual(3);
      expect(characters.every((c) => c.activity === "orbit")).toBe(true);
      const [profile] = (await snapshot(sandbox, user.key)).profiles;
      expect(profile?.counts.vault).toBeGreaterThanOrEqual(50);
      expect(profile?.counts.vault).toBeLessThanOrEqual(100);
      // Every character has unequipped weapons to move: 1-3 in each weapon bucket.
      for (const c of characters)
        for (const bucket of WEAPON_BUCKETS) {
          const n = profile?.items.filter(
            (i) => i.where === `inventory:${c.characterId}` && i.bucketHash === bucket,
          ).length;
          expect(n).toBeGreaterThanOrEqual(1);
          expect(n).toBeLessThanOrEqual(3);
        }
    }
  });

  it("is idempotent for a count, adds only the difference, and is a function of the seed", async () => {
    const stepwise = testSandbox().sandbox;
    await control(stepwise, "players", { count: 3 });
    const again = await control<Players>(stepwise, "players", { count: 3 });
    expect(again).toMatchObject({ added: 0, players: 3 });
    const fewer = await control<Players>(stepwise, "players", { count: 1 });
    expect(fewer).toMatchObject({ added: 0, players: 3 });
    const more = await control<Players>(stepwise, "players", { count: 6 });
    expect(more).toMatchObject({ added: 3, players: 6 });
    expect(await loadUsers(stepwise)).toHaveLength(6);

    const atOnce = testSandbox().sandbox;
    await control(atOnce, "players", { count: 6 });
    expect(await loadUsers(atOnce)).toEqual(await loadUsers(stepwise));
    expect(await snapshot(atOnce, "load-5")).toEqual(await snapshot(stepwise, "load-5"));

    const otherSeed = testSandbox({ seed: 7 }).sandbox;
    await control(otherSeed, "players", { count: 6 });
    expect((await loadUsers(otherSeed)).map((u) => u.membershipId)).not.toEqual(
      (await loadUsers(atOnce)).map((u) => u.membershipId),
    );
  });

  it("never reuses an id the world already has", async () => {
    const { sandbox } = testSandbox();
    await control(sandbox, "players", { count: 40 });
    const users = (await control<Users>(sandbox, "users")).users;
    const ids = [
      ...users.map((u) => u.membershipId),
      ...users.flatMap((u) => u.profiles.map((p) => p.membershipId)),
      ...users.flatMap((u) => u.profiles.flatMap((p) => p.characters.map((c) => c.characterId))),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    const instances: string[] = [];
    for (const key of users.map((u) => u.key))
      for (const profile of (await snapshot(sandbox, key)).profiles)
        for (const item of profile.items)
          if (item.itemInstanceId) instances.push(item.itemInstanceId);
    expect(new Set(instances).size).toBe(instances.length);
  });

  it("refuses a count that is missing, not an integer, below 1 or above 500", async () => {
    const { sandbox } = testSandbox();
    for (const body of ["{}", '{"count":0}', '{"count":501}', '{"count":2.5}', '{"count":"10"}']) {
      const response = await post(sandbox, "/__sandbox/players", body);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        ok: false,
        error: "count must be an integer from 1 to 500",
      });
    }
    expect(await loadUsers(sandbox)).toEqual([]);
  });

  it("reset removes them", async () => {
    const { sandbox } = testSandbox();
    await control(sandbox, "players", { count: 2 });
    await control(sandbox, "reset", {});
    expect(await loadUsers(sandbox)).toEqual([]);
    const gone = await sandbox.handle(new Request(`${ORIGIN}/__sandbox/state?user=load-1`));
    expect(gone.status).toBe(404);
  });

  it("signs in through the consent form by key without being listed, and can move items", async () => {
    const { sandbox } = testSandbox();
    await control(sandbox, "players", { count: 3 });
    const page = await sandbox.handle(
      new Request(`${ORIGIN}/en/OAuth/Authorize?client_id=sandbox-client&response_type=code`),
    );
    const html = await page.text();
    expect(html).toContain('value="demo"');
    expect(html).not.toContain("load-");
    expect(html).not.toContain("Load Guardian");
    const landing = await (await sandbox.handle(new Request(`${ORIGIN}/`))).text();
    expect(landing).not.toContain("Load Guardian");

    const approved = await post(
      sandbox,
      "/en/OAuth/Authorize",
      new URLSearchParams({
        client_id: "sandbox-client",
        response_type: "code",
        state: "s",
        account: "load-2",
        decision: "approve",
      }).toString(),
    );
    expect(approved.status).toBe(302);
    const code = new URL(approved.headers.get("location") ?? "").searchParams.get("code") ?? "";
    const tokens = await post(
      sandbox,
      "/Platform/App/OAuth/token/",
      new URLSearchParams({
        grant_type: "authorization_code",
        code,
        client_id: "sandbox-client",
        client_secret: "sandbox-secret",
      }).toString(),
    );
    expect(tokens.status).toBe(200);
    const { access_token: token, membership_id: bnetId } = (await tokens.json()) as {
      access_token: string;
      membership_id: string;
    };
    const user = (await loadUsers(sandbox)).find((u) => u.key === "load-2")!;
    expect(bnetId).toBe(user.membershipId);
    // The token control takes them by key too.
    const minted = await control<{ membership_id: string }>(sandbox, "token", { user: "load-2" });
    expect(minted.membership_id).toBe(user.membershipId);
    const memberships = await call<{
      bungieNetUser: { uniqueName: string };
      destinyMemberships: { membershipId: string }[];
    }>(sandbox, "/Platform/User/GetMembershipsForCurrentUser/", { token });
    expect(memberships.body.Response?.bungieNetUser.uniqueName).toBe("Load Guardian 2#1002");
    expect(memberships.body.Response?.destinyMemberships.map((m) => m.membershipId)).toEqual([
      user.profiles[0]!.membershipId,
    ]);

    // The player's own item moves to the vault under its own token.
    const profile = user.profiles[0]!;
    const character = profile.characters[0]!;
    const [before] = (await snapshot(sandbox, "load-2")).profiles;
    const item = before!.items.find(
      (i) =>
        i.itemInstanceId &&
        i.where === `inventory:${character.characterId}` &&
        (WEAPON_BUCKETS as readonly number[]).includes(i.bucketHash),
    )!;
    const moved = await call<number>(sandbox, "/Platform/Destiny2/Actions/Items/TransferItem/", {
      token,
      body: {
        itemReferenceHash: item.itemHash,
        stackSize: 1,
        transferToVault: true,
        itemId: item.itemInstanceId,
        characterId: character.characterId,
        membershipType: profile.membershipType,
      },
    });
    expect(moved.body.ErrorCode).toBe(1);
    const [after] = (await snapshot(sandbox, "load-2")).profiles;
    expect(after!.items.find((i) => i.itemInstanceId === item.itemInstanceId)?.where).toBe("vault");
  });
});
