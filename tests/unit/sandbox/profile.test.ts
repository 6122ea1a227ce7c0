import { beforeEach, describe, expect, it } from "vitest";
import { BucketHashes } from "@/lib/destiny/buckets";
import { call, control, demo, testSandbox } from "./helpers";

type Env = ReturnType<typeof testSandbox>;
type Dict = Record<string, unknown>;

describe("reading players", () => {
  let env: Env;
  let d: Awaited<ReturnType<typeof demo>>;
  const profilePath = (components: string) =>
    `/Platform/Destiny2/3/Profile/${d.profile.membershipId}/?components=${components}`;

  beforeEach(async () => {
    env = testSandbox();
    d = await demo(env.sandbox);
  });

  it("GetMembershipsForCurrentUser lists both cross-save memberships and the primary", async () => {
    const result = await call<{
      destinyMemberships: Dict[];
      primaryMembershipId: string;
      bungieNetUser: Dict;
    }>(env.sandbox, "/Platform/User/GetMembershipsForCurrentUser/", { token: d.token });
    const r = result.body.Response;
    expect(r?.destinyMemberships.map((m) => [m.membershipType, m.crossSaveOverride])).toEqual([
      [3, 3],
      [2, 3],
    ]);
    expect(r?.primaryMembershipId).toBe(d.profile.membershipId);
    expect(r?.bungieNetUser).toMatchObject({
      uniqueName: "Aurora Vale#4821",
      cachedBungieGlobalDisplayName: "Aurora Vale",
      cachedBungieGlobalDisplayNameCode: 4821,
      steamDisplayName: "AuroraVale",
      psnDisplayName: "aurora_vale_ps",
    });
    expect(typeof r?.bungieNetUser.membershipId).toBe("string");
    const none = await call<{ destinyMemberships: Dict[] }>(
      env.sandbox,
      "/Platform/User/GetMembershipsForCurrentUser/",
      { token: env.sandbox.issueToken("nodestiny").access_token },
    );
    expect(none.body.Response?.destinyMemberships).toEqual([]);
    expect(none.body.Response).not.toHaveProperty("primaryMembershipId");
  });

  it("GetLinkedProfiles hides overridden profiles unless getAllMemberships=true", async () => {
    const users = await control<{ users: { key: string; membershipId: string }[] }>(
      env.sandbox,
      "users",
    );
    const bnet = users.users.find((u) => u.key === "demo")?.membershipId;
    const linked = await call<{
      profiles: Dict[];
      bnetMembership: Dict;
      profilesWithErrors: Dict[];
    }>(env.sandbox, `/Platform/Destiny2/254/Profile/${bnet}/LinkedProfiles/`);
    expect(linked.body.Response?.profiles.map((p) => p.membershipType)).toEqual([3]);
    expect(linked.body.Response?.bnetMembership).toMatchObject({
      membershipType: 254,
      membershipId: bnet,
    });
    const all = await call<{ profiles: Dict[] }>(
      env.sandbox,
      `/Platform/Destiny2/3/Profile/${d.profile.membershipId}/LinkedProfiles/?getAllMemberships=true`,
    );
    expect(
      all.body.Response?.profiles.map((p) => [
        p.membershipType,
        p.isOverridden,
        p.isCrossSavePrimary,
      ]),
    ).toEqual([
      [3, false, true],
      [2, true, false],
    ]);
    const unlinked = await control<{ users: { key: string; membershipId: string }[] }>(
      env.sandbox,
      "users",
    );
    const twin = unlinked.users.find((u) => u.key === "unlinked")?.membershipId;
    const twinProfiles = await call<{ profiles: Dict[] }>(
      env.sandbox,
      `/Platform/Destiny2/-1/Profile/${twin}/LinkedProfiles/`,
    );
    expect(
      twinProfiles.body.Response?.profiles.map((p) => [p.membershipType, p.crossSaveOverride]),
    ).toEqual([
      [3, 0],
      [2, 0],
    ]);
    expect(
      (await call(env.sandbox, "/Platform/Destiny2/254/Profile/1/LinkedProfiles/")).body.ErrorCode,
    ).toBe(217);
  });

  it("keeps private components private: {privacy: 2} without data for others", async () => {
    const components = "100,102,103,105,200,201,202,205,300";
    const anonymous = (await call<Dict>(env.sandbox, profilePath(components))).body
      .Response as Record<string, { data?: unknown; privacy: number }>;
    const other = (
      await call<Dict>(env.sandbox, profilePath(components), {
        token: env.sandbox.issueToken("rival").access_token,
      })
    ).body.Response as Record<string, { data?: unknown; privacy: number }>;
    const owner = (await call<Dict>(env.sandbox, profilePath(components), { token: d.token })).body
      .Response as Record<string, { data?: unknown; privacy: number }>;
    for (const view of [anonymous, other]) {
      for (const key of [
        "profileInventory",
        "profileCurrencies",
        "platformSilver",
        "characterInventories",
        "characterProgressions",
      ]) {
        expect(view[key]).toEqual({ privacy: 2 });
      }
      expect(view.profile?.data).toBeDefined();
      expect(view.characters?.data).toBeDefined();
      expect(view.characterEquipment).toMatchObject({ privacy: 1 });
    }
    expect(owner.profileInventory).toMatchObject({
      privacy: 2,
      data: { items: expect.any(Array) },
    });
    expect(owner.characterInventories?.data).toBeDefined();
    // Item components: everything for the owner, equipped items only for others.
    const count = (view: Record<string, unknown>) =>
      Object.keys(((view.itemComponents as Dict).instances as { data: Dict }).data).length;
    expect(count(anonymous)).toBe(3 * 13);
    expect(count(owner)).toBe(d.profile.counts.instanced);
    // Enum-keyed platformSilver uses the membership type names.
    expect(
      Object.keys((owner.platformSilver?.data as { platformSilver: Dict }).platformSilver).sort(),
    ).toEqual(["TigerPsn", "TigerSteam"]);
  });

  it("sends 64-bit ids as strings and characters with class, race, light and emblem", async () => {
    const r = (
      await call<{ characters: { data: Record<string, Dict> }; profile: { data: Dict } }>(
        env.sandbox,
        profilePath("100,200"),
      )
    ).body.Response;
    const characters = Object.values(r?.characters.data ?? {});
    expect(characters.map((c) => c.classType)).toEqual([0, 1, 2]);
    for (const c of characters) {
      expect(typeof c.characterId).toBe("string");
      expect(typeof c.membershipId).toBe("string");
      expect(typeof c.minutesPlayedTotal).toBe("string");
      // Edge of Fate's power: 10 to 550 (the demo's Warlock is below the soft cap of 200).
      expect(c.light).toBeGreaterThanOrEqual(10);
      expect(c.light).toBeLessThanOrEqual(550);
      expect(String(c.emblemPath)).toMatch(/^\/common\/destiny2_content\/icons\/.+\.png$/);
      expect(String(c.dateLastPlayed)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    }
    expect(new Set(characters.map((c) => c.raceType)).size).toBe(3);
    expect(Math.max(...characters.map((c) => Number(c.light)))).toBeGreaterThan(450);
    expect(Math.min(...characters.map((c) => Number(c.light)))).toBeLessThan(200);
    expect(r?.profile.data.characterIds).toEqual(characters.map((c) => c.characterId));
  });

  it("updates responseMintedTimestamp and the data after an action", async () => {
    const read = async () =>
      (
        await call<{
          responseMintedTimestamp: string;
          profileInventory: { data: { items: unknown[] } };
        }>(env.sandbox, profilePath("102"), { token: d.token })
      ).body.Response;
    const before = await read();
    env.clock.now += 5_000;
    const cached = await read();
    expect(cached?.responseMintedTimestamp).toBe(before?.responseMintedTimestamp);
    const item = d.profile.items.find(
      (i) =>
        i.where === `inventory:${d.hunter.characterId}` &&
        i.itemInstanceId &&
        i.bucketHash !== BucketHashes.Subclass,
    ) as { itemHash: number; itemInstanceId: string };
    const moved = await call(env.sandbox, "/Platform/Destiny2/Actions/Items/TransferItem/", {
      token: d.token,
      body: {
        itemReferenceHash: item.itemHash,
        stackSize: 1,
        transferToVault: true,
        itemId: item.itemInstanceId,
        characterId: d.hunter.characterId,
        membershipType: 3,
      },
    });
    expect(moved.body.ErrorCode).toBe(1);
    const after = await read();
    expect(Date.parse(after?.responseMintedTimestamp ?? "")).toBeGreaterThan(
      Date.parse(before?.responseMintedTimestamp ?? ""),
    );
    expect(after?.profileInventory.data.items.length).toBe(
      (before?.profileInventory.data.items.length ?? 0) + 1,
    );
  });

  it("GetCharacter and GetItem", async () => {
    const character = await call<{
      character: { data: Dict };
      equipment: { data: { items: Dict[] } };
      inventory: { privacy: number };
    }>(
      env.sandbox,
      `/Platform/Destiny2/3/Profile/${d.profile.membershipId}/Character/${d.warlock.characterId}/?components=200,201,205`,
    );
    expect(character.body.Response?.character.data.classType).toBe(2);
    expect(character.body.Response?.equipment.data.items).toHaveLength(13);
    expect(character.body.Response?.inventory).toEqual({ privacy: 2 });
    expect(
      (
        await call(
          env.sandbox,
          `/Platform/Destiny2/3/Profile/${d.profile.membershipId}/Character/123/?components=200`,
        )
      ).body.ErrorCode,
    ).toBe(1620);

    const equipped = character.body.Response?.equipment.data.items[1] as { itemInstanceId: string };
    const item = await call<{
      characterId: string;
      item: { data: Dict };
      instance: { data: Dict };
      stats: { data: Dict };
      sockets: { data: { sockets: unknown[] } };
    }>(
      env.sandbox,
      `/Platform/Destiny2/3/Profile/${d.profile.membershipId}/Item/${equipped.itemInstanceId}/?components=300,304,305,307`,
    );
    expect(item.body.Response?.characterId).toBe(d.warlock.characterId);
    expect(item.body.Response?.instance.data.isEquipped).toBe(true);
    expect(item.body.Response?.item.data.itemInstanceId).toBe(equipped.itemInstanceId);
    expect(item.body.Response?.sockets.data.sockets.length).toBeGreaterThan(0);
    const vaulted = d.profile.items.find((i) => i.where === "vault" && i.itemInstanceId);
    const hidden = await call<{ instance: Dict }>(
      env.sandbox,
      `/Platform/Destiny2/3/Profile/${d.profile.membershipId}/Item/${vaulted?.itemInstanceId}/?components=300`,
    );
    expect(hidden.body.Response?.instance).toEqual({ privacy: 2 });
    expect(
      (
        await call(
          env.sandbox,
          `/Platform/Destiny2/3/Profile/${d.profile.membershipId}/Item/42/?components=300`,
        )
      ).body.ErrorCode,
    ).toBe(1623);
  });

  it("gives weapon and armour instances their gear tier (300), older gear and the rest none", async () => {
    const instances = (
      await call<{ itemComponents: { instances: { data: Record<string, Dict> } } }>(
        env.sandbox,
        `/Platform/Destiny2/3/Profile/${d.profile.membershipId}/?components=102,201,205,300`,
        { token: d.token },
      )
    ).body.Response!.itemComponents.instances.data;
    const world = new Map(d.profile.items.map((i) => [i.itemInstanceId, i]));
    let tiered = 0;
    let untiered = 0;
    for (const [id, instance] of Object.entries(instances)) {
      const item = world.get(id)!;
      expect(instance.gearTier, id).toBe(item.gearTier);
      if (item.gearTier === undefined) {
        expect(instance).not.toHaveProperty("gearTier");
        untiered++;
      } else {
        expect(instance.primaryStat).toMatchObject({ value: item.power });
        tiered++;
      }
    }
    expect(tiered).toBeGreaterThan(100);
    expect(untiered).toBeGreaterThan(50);
  });

  it("refuses unknown and overridden profiles with DestinyAccountNotFound (1601)", async () => {
    const psn = (
      await control<{
        users: { key: string; profiles: { membershipId: string; membershipType: number }[] }[];
      }>(env.sandbox, "users")
    ).users
      .find((u) => u.key === "demo")
      ?.profiles.find((p) => p.membershipType === 2);
    const overridden = await call(
      env.sandbox,
      `/Platform/Destiny2/2/Profile/${psn?.membershipId}/?components=100`,
    );
    expect(overridden.status).toBe(500);
    expect(overridden.body).toMatchObject({
      ErrorCode: 1601,
      ErrorStatus: "DestinyAccountNotFound",
    });
    expect(
      (await call(env.sandbox, "/Platform/Destiny2/3/Profile/4611686018000000001/?components=100"))
        .body.ErrorCode,
    ).toBe(1601);
    // The right id with the wrong membership type.
    expect(
      (
        await call(
          env.sandbox,
          `/Platform/Destiny2/1/Profile/${d.profile.membershipId}/?components=100`,
        )
      ).body.ErrorCode,
    ).toBe(1601);
  });

  it("SearchDestinyPlayerByBungieName finds the player's profiles", async () => {
    const found = await call<Dict[]>(
      env.sandbox,
      "/Platform/Destiny2/SearchDestinyPlayerByBungieName/-1/",
      { body: { displayName: "Aurora Vale", displayNameCode: 4821 } },
    );
    expect(found.body.Response?.map((c) => c.membershipType)).toEqual([3, 2]);
    const steamOnly = await call<Dict[]>(
      env.sandbox,
      "/Platform/Destiny2/SearchDestinyPlayerByBungieName/3/",
      { body: { displayName: "aurora vale", displayNameCode: 4821 } },
    );
    expect(steamOnly.body.Response).toHaveLength(1);
    const wrongCode = await call<Dict[]>(
      env.sandbox,
      "/Platform/Destiny2/SearchDestinyPlayerByBungieName/-1/",
      { body: { displayName: "Aurora Vale", displayNameCode: 1 } },
    );
    expect(wrongCode.body.Response).toEqual([]);
    const invalid = await call(
      env.sandbox,
      "/Platform/Destiny2/SearchDestinyPlayerByBungieName/-1/",
      { body: { displayNameCode: 1 } },
    );
    expect(invalid.body.ErrorCode).toBe(18);
  });

  it("GetBungieNetUserById and GetMembershipsById", async () => {
    const users = await control<{ users: { key: string; membershipId: string }[] }>(
      env.sandbox,
      "users",
    );
    const rival = users.users.find((u) => u.key === "rival")?.membershipId;
    const user = await call<Dict>(env.sandbox, `/Platform/User/GetBungieNetUserById/${rival}/`);
    expect(user.body.Response).toMatchObject({
      uniqueName: "Crimson Rival#0317",
      xboxDisplayName: "Crimson Rival",
    });
    expect((await call(env.sandbox, "/Platform/User/GetBungieNetUserById/1/")).body).toMatchObject({
      ErrorCode: 205,
      ErrorStatus: "UserCannotFindRequestedUser",
    });
    const byDestiny = await call<{ destinyMemberships: Dict[] }>(
      env.sandbox,
      `/Platform/User/GetMembershipsById/${d.profile.membershipId}/3/`,
    );
    expect(byDestiny.body.Response?.destinyMemberships).toHaveLength(2);
    const byBnet = await call<{ destinyMemberships: Dict[] }>(
      env.sandbox,
      `/Platform/User/GetMembershipsById/${rival}/254/`,
    );
    expect(byBnet.body.Response?.destinyMemberships).toHaveLength(1);
  });
});
