// In-game loadouts (component 206, the loadout definitions, EquipLoadout, SnapshotLoadout,
// UpdateLoadoutIdentifiers, ClearLoadout) and InsertSocketPlugFree on subclass sockets, with the
// game's rules: pacing per kind of action, only in orbit/social/offline, valid slot indexes and
// plugs, items that left the character.
import { describe, expect, it } from "vitest";
import { BucketHashes, IN_GAME_LOADOUT_BUCKETS } from "@/lib/destiny/buckets";
import { UNSET_PLUG_HASH } from "@/lib/destiny/game-facts";
import { getManifestDefinitions } from "@/sandbox/world/definitions";
import { call, control, demo, snapshot, testSandbox } from "./helpers";

const defs = getManifestDefinitions();
type Loadout = {
  nameHash: number;
  iconHash: number;
  colorHash: number;
  items: { itemInstanceId: string; plugItemHashes: number[] }[];
};

async function setup() {
  const env = testSandbox();
  const d = await demo(env.sandbox);
  const step = (ms = 1_000) => {
    env.clock.now += ms;
  };
  const act = (name: string, body: Record<string, unknown>, character = d.hunter.characterId) =>
    call<number>(env.sandbox, `/Platform/Destiny2/Actions/Loadouts/${name}/`, {
      token: d.token,
      body: { characterId: character, membershipType: 3, ...body },
    });
  const plug = (body: Record<string, unknown>, character = d.hunter.characterId) =>
    call<{ item: { sockets: { data: { sockets: { plugHash: number }[] } } } }>(
      env.sandbox,
      "/Platform/Destiny2/Actions/Items/InsertSocketPlugFree/",
      { token: d.token, body: { characterId: character, membershipType: 3, ...body } },
    );
  const loadouts = async (characterId = d.hunter.characterId) =>
    (
      await call<{ characterLoadouts: { data: Record<string, { loadouts: Loadout[] }> } }>(
        env.sandbox,
        `/Platform/Destiny2/3/Profile/${d.profile.membershipId}/?components=206`,
        { token: d.token },
      )
    ).body.Response!.characterLoadouts.data[characterId]!.loadouts;
  const equipped = async (characterId = d.hunter.characterId) =>
    (await snapshot(env.sandbox)).profiles
      .find((p) => p.membershipType === 3)!
      .items.filter((i) => i.where === `equipped:${characterId}`);
  return { ...env, d, step, act, plug, loadouts, equipped };
}

describe("in-game loadouts (206)", () => {
  it("gives every demo character its ten slots: four filled, six empty with items of id 0", async () => {
    const { d, loadouts, equipped } = await setup();
    for (const character of [d.titan, d.hunter, d.warlock]) {
      const slots = await loadouts(character.characterId);
      expect(slots).toHaveLength(defs.loadouts.countPerCharacter);
      const filled = slots.filter((s) => s.items.some((i) => i.itemInstanceId !== "0"));
      expect(filled).toHaveLength(4);
      for (const slot of slots) {
        expect(defs.loadouts.nameHashes).toContain(slot.nameHash);
        expect(defs.loadouts.iconHashes).toContain(slot.iconHash);
        expect(defs.loadouts.colorHashes).toContain(slot.colorHash);
        expect(slot.items).toHaveLength(IN_GAME_LOADOUT_BUCKETS.length);
      }
      for (const empty of slots.slice(4))
        expect(empty.items.every((i) => i.itemInstanceId === "0")).toBe(true);
      // The first slot is what the character wears, subclass configuration included.
      const worn = await equipped(character.characterId);
      const first = slots[0]!;
      IN_GAME_LOADOUT_BUCKETS.forEach((bucket, i) => {
        const item = worn.find((w) => w.bucketHash === bucket);
        expect(first.items[i]?.itemInstanceId).toBe(item?.itemInstanceId);
      });
      const subclass = worn.find((w) => w.bucketHash === BucketHashes.Subclass)!;
      expect(first.items.at(-1)?.plugItemHashes).toEqual(subclass.plugs);
      expect(first.items[0]?.plugItemHashes.every((p) => p === UNSET_PLUG_HASH)).toBe(true);
    }
  });

  it("is the owner's only, like Bungie's ({privacy: 2} for others)", async () => {
    const { sandbox, d } = await setup();
    const other = await call<{ characterLoadouts: { privacy: number; data?: unknown } }>(
      sandbox,
      `/Platform/Destiny2/3/Profile/${d.profile.membershipId}/?components=206`,
      { token: sandbox.issueToken("rival").access_token },
    );
    expect(other.body.Response?.characterLoadouts).toEqual({ privacy: 2 });
  });

  it("is described by the loadout definitions, served with the manifest", async () => {
    const { sandbox } = await setup();
    const manifest = (
      await call<{ jsonWorldComponentContentPaths: { en: Record<string, string> } }>(
        sandbox,
        "/Platform/Destiny2/Manifest/",
      )
    ).body.Response!;
    for (const name of [
      "DestinyLoadoutConstantsDefinition",
      "DestinyLoadoutNameDefinition",
      "DestinyLoadoutIconDefinition",
      "DestinyLoadoutColorDefinition",
      "DestinyPlugSetDefinition",
    ])
      expect(manifest.jsonWorldComponentContentPaths.en[name], name).toMatch(/\.json$/);
    const constants = Object.values(
      defs.tables.DestinyLoadoutConstantsDefinition as Record<
        string,
        { loadoutCountPerCharacter: number; loadoutNameHashes: number[] }
      >,
    );
    expect(constants).toHaveLength(1);
    expect(constants[0]?.loadoutCountPerCharacter).toBe(defs.loadouts.countPerCharacter);
    const names = defs.tables.DestinyLoadoutNameDefinition as Record<string, { name: string }>;
    expect(constants[0]?.loadoutNameHashes.map((h) => names[String(h)]?.name)).toContain("Raid");
  });
});

describe("loadout actions", () => {
  it("EquipLoadout equips a slot's items and its subclass configuration", async () => {
    const { step, act, loadouts, equipped } = await setup();
    const slot = (await loadouts())[1]!;
    step();
    const result = await act("EquipLoadout", { loadoutIndex: 1 });
    expect(result.body).toMatchObject({ ErrorCode: 1, Response: 0 });
    const worn = await equipped();
    for (const entry of slot.items)
      expect(worn.map((w) => w.itemInstanceId)).toContain(entry.itemInstanceId);
    const subclass = worn.find((w) => w.bucketHash === BucketHashes.Subclass)!;
    expect(subclass.plugs).toEqual(slot.items.at(-1)!.plugItemHashes);
  });

  it("pulls an item from the vault, and skips one on another character or one that is gone", async () => {
    const { d, step, act, loadouts, equipped, sandbox } = await setup();
    const [, , third, fourth] = await loadouts();
    const items = (await snapshot(sandbox)).profiles.find((p) => p.membershipType === 3)!.items;
    const where = (id: string) => items.find((i) => i.itemInstanceId === id)?.where;
    const kinetic = third!.items[0]!.itemInstanceId;
    const helmet = third!.items[3]!.itemInstanceId;
    expect(where(kinetic)).toBe("vault");
    expect(where(helmet)).toMatch(/^inventory:/);
    expect(where(helmet)).not.toBe(`inventory:${d.hunter.characterId}`);
    step();
    expect((await act("EquipLoadout", { loadoutIndex: 2 })).body.ErrorCode).toBe(1);
    const worn = (await equipped()).map((w) => w.itemInstanceId);
    expect(worn).toContain(kinetic);
    expect(worn).not.toContain(helmet);
    const after = (await snapshot(sandbox)).profiles.find((p) => p.membershipType === 3)!.items;
    expect(after.find((i) => i.itemInstanceId === helmet)?.where).toBe(where(helmet));
    // The energy weapon of slot 4 no longer exists: the rest is equipped all the same.
    const gone = fourth!.items[1]!.itemInstanceId;
    expect(after.some((i) => i.itemInstanceId === gone)).toBe(false);
    step();
    expect((await act("EquipLoadout", { loadoutIndex: 3 })).body.ErrorCode).toBe(1);
    const wornNow = (await equipped()).map((w) => w.itemInstanceId);
    expect(wornNow).toContain(fourth!.items[0]!.itemInstanceId);
  });

  it("SnapshotLoadout saves what the character wears; identifiers 0 keep the slot's", async () => {
    const { step, act, loadouts, equipped } = await setup();
    const before = (await loadouts())[6]!;
    step();
    expect(
      (await act("SnapshotLoadout", { loadoutIndex: 6, nameHash: 0, iconHash: 0, colorHash: 0 }))
        .body.ErrorCode,
    ).toBe(1);
    const saved = (await loadouts())[6]!;
    expect(saved.nameHash).toBe(before.nameHash);
    const worn = await equipped();
    expect(saved.items.map((i) => i.itemInstanceId)).toEqual(
      IN_GAME_LOADOUT_BUCKETS.map((b) => worn.find((w) => w.bucketHash === b)?.itemInstanceId),
    );
    step();
    const rename = await act("UpdateLoadoutIdentifiers", {
      loadoutIndex: 6,
      nameHash: defs.loadouts.nameHashes[2],
      iconHash: defs.loadouts.iconHashes[3],
      colorHash: defs.loadouts.colorHashes[4],
    });
    expect(rename.body.ErrorCode).toBe(1);
    const renamed = (await loadouts())[6]!;
    expect(renamed).toMatchObject({
      nameHash: defs.loadouts.nameHashes[2],
      iconHash: defs.loadouts.iconHashes[3],
      colorHash: defs.loadouts.colorHashes[4],
      items: saved.items,
    });
    step();
    expect((await act("ClearLoadout", { loadoutIndex: 6 })).body.ErrorCode).toBe(1);
    expect((await loadouts())[6]!.items.every((i) => i.itemInstanceId === "0")).toBe(true);
  });

  it("refuses bad indexes (18), unknown identifiers (18) and an empty slot (1622)", async () => {
    const { step, act } = await setup();
    for (const loadoutIndex of [-1, defs.loadouts.countPerCharacter]) {
      step();
      expect((await act("EquipLoadout", { loadoutIndex })).body).toMatchObject({
        ErrorCode: 18,
        ErrorStatus: "InvalidParameters",
        Response: 0,
      });
    }
    step();
    expect(
      (await act("UpdateLoadoutIdentifiers", { loadoutIndex: 0, nameHash: 42 })).body,
    ).toMatchObject({
      ErrorCode: 18,
    });
    step();
    expect((await act("EquipLoadout", { loadoutIndex: 8 })).body).toMatchObject({
      ErrorCode: 1622,
      ErrorStatus: "DestinyInvalidRequest",
    });
  });

  it("works only in orbit, a social space or offline (1671 in an activity)", async () => {
    const { sandbox, d, step, act, plug } = await setup();
    await control(sandbox, "activity", { characterId: d.hunter.characterId, activity: "raid" });
    for (const name of [
      "EquipLoadout",
      "SnapshotLoadout",
      "UpdateLoadoutIdentifiers",
      "ClearLoadout",
    ]) {
      step();
      expect((await act(name, { loadoutIndex: 0 })).body.ErrorCode, name).toBe(1671);
    }
    const subclass = (await snapshot(sandbox)).profiles
      .find((p) => p.membershipType === 3)!
      .items.find(
        (i) =>
          i.where === `equipped:${d.hunter.characterId}` && i.bucketHash === BucketHashes.Subclass,
      )!;
    step();
    const options = defs.meta.get(subclass.itemHash)!.socketOptions[4]!;
    const result = await plug({
      itemId: subclass.itemInstanceId,
      plug: { socketIndex: 4, socketArrayType: 0, plugItemHash: options[1] },
    });
    expect(result.body.ErrorCode).toBe(1671);
    // The Tower is a social space.
    await control(sandbox, "activity", { characterId: d.hunter.characterId, activity: "tower" });
    step();
    expect((await act("EquipLoadout", { loadoutIndex: 1 })).body.ErrorCode).toBe(1);
  });

  it("paces each kind of action on its own: 1 s between loadout actions, item actions apart", async () => {
    const { d, sandbox, step, act } = await setup();
    step();
    expect((await act("EquipLoadout", { loadoutIndex: 0 })).body.ErrorCode).toBe(1);
    step(500);
    expect((await act("ClearLoadout", { loadoutIndex: 9 })).body).toMatchObject({
      ErrorCode: 36,
      ErrorStatus: "ThrottleLimitExceededMomentarily",
      ThrottleSeconds: 1,
    });
    // An item action in between is its own kind (0.1 s).
    const ghost = (await snapshot(sandbox)).profiles
      .find((p) => p.membershipType === 3)!
      .items.find(
        (i) => i.where === `inventory:${d.hunter.characterId}` && i.bucketHash === 4023194814,
      )!;
    const lock = await call(sandbox, "/Platform/Destiny2/Actions/Items/SetLockState/", {
      token: d.token,
      body: {
        state: true,
        itemId: ghost.itemInstanceId,
        characterId: d.hunter.characterId,
        membershipType: 3,
      },
    });
    expect(lock.body.ErrorCode).toBe(1);
    step(600);
    expect((await act("ClearLoadout", { loadoutIndex: 9 })).body.ErrorCode).toBe(1);
  });
});

describe("InsertSocketPlugFree", () => {
  async function withSubclass() {
    const env = await setup();
    const items = (await snapshot(env.sandbox)).profiles.find((p) => p.membershipType === 3)!.items;
    const subclass = items.find(
      (i) =>
        i.where === `equipped:${env.d.hunter.characterId}` &&
        i.bucketHash === BucketHashes.Subclass,
    )!;
    const weapon = items.find(
      (i) =>
        i.where === `equipped:${env.d.hunter.characterId}` &&
        i.bucketHash === BucketHashes.KineticWeapons,
    )!;
    const meta = defs.meta.get(subclass.itemHash)!;
    return { ...env, subclass, weapon, meta };
  }

  it("changes a subclass's ability, answers the changed item, and EquipLoadout puts the old one back", async () => {
    const { step, plug, act, subclass, meta, equipped } = await withSubclass();
    const grenade = meta.socketOptions[4]!.find((p) => p !== subclass.plugs![4])!;
    step();
    const result = await plug({
      itemId: subclass.itemInstanceId,
      plug: { socketIndex: 4, socketArrayType: 0, plugItemHash: grenade },
    });
    expect(result.body.ErrorCode).toBe(1);
    expect(result.body.Response?.item.sockets.data.sockets[4]?.plugHash).toBe(grenade);
    expect((await equipped()).find((w) => w.bucketHash === BucketHashes.Subclass)?.plugs?.[4]).toBe(
      grenade,
    );
    // Slot 1 saved the old configuration.
    step();
    expect((await act("EquipLoadout", { loadoutIndex: 0 })).body.ErrorCode).toBe(1);
    expect((await equipped()).find((w) => w.bucketHash === BucketHashes.Subclass)?.plugs).toEqual(
      subclass.plugs,
    );
  });

  it("refuses what the game refuses", async () => {
    const { sandbox, d, step, plug, subclass, weapon, meta } = await withSubclass();
    const attempt = async (body: Record<string, unknown>, character?: string) => {
      step(600);
      return (await plug(body, character)).body;
    };
    const at = (socketIndex: number, plugItemHash: number | undefined, socketArrayType = 0) => ({
      itemId: subclass.itemInstanceId,
      plug: { socketIndex, socketArrayType, plugItemHash },
    });
    // The plug it already has.
    expect((await attempt(at(4, subclass.plugs![4]))).ErrorCode).toBe(1679);
    // A plug from another socket's set (a fragment in the grenade socket).
    expect((await attempt(at(4, meta.socketOptions[7]![0]))).ErrorCode).toBe(1676);
    // The aspect already in the other aspect socket.
    expect((await attempt(at(5, subclass.plugs![6]))).ErrorCode).toBe(1676);
    expect((await attempt(at(40, meta.socketOptions[4]![1]))).ErrorCode).toBe(1677);
    expect((await attempt(at(4, meta.socketOptions[4]![1], 1))).ErrorCode).toBe(1678);
    // A weapon's perks are not free plugs.
    const weaponMeta = defs.meta.get(weapon.itemHash)!;
    expect(
      (
        await attempt({
          itemId: weapon.itemInstanceId,
          plug: {
            socketIndex: 1,
            socketArrayType: 0,
            plugItemHash: weaponMeta.socketOptions[1]![1],
          },
        })
      ).ErrorCode,
    ).toBe(1678);
    // Another character's item, another player's.
    expect((await attempt(at(4, meta.socketOptions[4]![1]), d.titan.characterId)).ErrorCode).toBe(
      1623,
    );
    const rival = (await snapshot(sandbox, "rival")).profiles[0]!.items.find(
      (i) => i.itemInstanceId,
    )!;
    expect(
      (
        await attempt({
          itemId: rival.itemInstanceId,
          plug: { socketIndex: 0, socketArrayType: 0, plugItemHash: 1 },
        })
      ).ErrorCode,
    ).toBe(1623);
    // 0.5 s between two socket actions.
    step(600);
    expect((await plug(at(4, meta.socketOptions[4]![1]))).body.ErrorCode).toBe(1);
    step(200);
    expect((await plug(at(4, meta.socketOptions[4]![2]))).body).toMatchObject({
      ErrorCode: 36,
      ThrottleSeconds: 1,
    });
  });

  it("offers the subclass plugs in the profile's plug sets (305)", async () => {
    const { sandbox, d, subclass } = await withSubclass();
    const sets = (
      await call<{
        profilePlugSets: {
          data: { plugs: Record<string, { plugItemHash: number; canInsert: boolean }[]> };
        };
      }>(sandbox, `/Platform/Destiny2/3/Profile/${d.profile.membershipId}/?components=305`, {
        token: d.token,
      })
    ).body.Response!.profilePlugSets.data.plugs;
    const def = (
      defs.tables.DestinyInventoryItemDefinition as Record<
        string,
        { sockets: { socketEntries: { reusablePlugSetHash?: number }[] } }
      >
    )[String(subclass.itemHash)]!;
    def.sockets.socketEntries.forEach((entry, i) => {
      const offered = sets[String(entry.reusablePlugSetHash)]!;
      expect(offered.every((p) => p.canInsert)).toBe(true);
      expect(offered.map((p) => p.plugItemHash)).toContain(subclass.plugs![i]);
    });
  });
});
