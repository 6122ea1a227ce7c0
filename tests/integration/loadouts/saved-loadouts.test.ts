// Warmind's saved loadouts against the sandbox over real HTTP, on both databases: save, equip
// from the vault (counting Bungie calls), share to another player, and forged ids refused.
import type {
  DestinyInventoryItemDefinition,
  DestinyPlugSetDefinition,
} from "bungie-api-ts/destiny2";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createCache } from "@/lib/cache/cache";
import { BucketHashes } from "@/lib/destiny/buckets";
import { loadInventoryView } from "@/lib/guardian/load-inventory-view";
import { setProfileCache } from "@/lib/guardian/profile-store";
import type { InventoryView } from "@/lib/guardian/view-types";
import { equipSavedLoadout } from "@/lib/loadouts/equip-loadout";
import type { EquipProgress } from "@/lib/loadouts/loadout-outcome";
import { MAX_LOADOUTS_PER_PLAYER } from "@/lib/loadouts/loadout-items";
import {
  createLoadout,
  getOwnLoadout,
  getSharedLoadout,
  listLoadouts,
} from "@/lib/loadouts/loadout-store";
import {
  copyShared,
  deleteSaved,
  renameSaved,
  saveCurrentGear,
  saveFromSlot,
  savePicked,
  shareSaved,
  writeToSlot,
} from "@/lib/loadouts/saved-loadout-actions";
import { startSandboxServer, type SandboxServer } from "../../../sandbox/node-server";
import { getManifestDefinitions } from "../../../sandbox/world/definitions";
import { SocketCategoryHashes } from "../../../sandbox/world/definitions/static-tables";
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from "../../support/databases";
import {
  counting,
  releaseSandboxAndDatabase,
  signInPlayer,
  snapshot,
  useSandboxAndDatabase,
  type Snapshot,
} from "../guardian/guardian-harness";

/** The sandbox's world with what the snapshot type leaves out: plugs and in-game slots. */
type FullSnapshot = Omit<Snapshot, "characters" | "items"> & {
  characters: (Snapshot["characters"][number] & {
    loadouts: { items: { itemInstanceId: string; plugItemHashes: number[] }[] }[];
  })[];
  items: (Snapshot["items"][number] & { plugs?: number[] })[];
};

/**
 * The subclass's plugs with one ability, one aspect and one fragment socket given another plug of
 * its set, read as an app would from the manifest (the socket's `reusablePlugSetHash` in
 * DestinyPlugSetDefinition), never one the subclass already holds (the game refuses a second copy).
 */
function otherConfiguration(
  subclassHash: number,
  plugs: Record<string, number>,
): Record<string, number> {
  const { tables } = getManifestDefinitions();
  const item = tables.DestinyInventoryItemDefinition![
    String(subclassHash)
  ] as DestinyInventoryItemDefinition;
  const next = { ...plugs };
  const held = new Set(Object.values(plugs));
  const categories = [
    SocketCategoryHashes.Abilities,
    SocketCategoryHashes.Aspects,
    SocketCategoryHashes.Fragments,
  ];
  for (const category of categories) {
    const sockets = item.sockets!.socketCategories.find(
      (c) => c.socketCategoryHash === category,
    )!.socketIndexes;
    const swap = sockets
      .map((socket) => {
        const setHash = item.sockets!.socketEntries[socket]!.reusablePlugSetHash!;
        const set = tables.DestinyPlugSetDefinition![String(setHash)] as DestinyPlugSetDefinition;
        const other = set.reusablePlugItems.map((p) => p.plugItemHash).find((h) => !held.has(h));
        return other === undefined ? null : { socket, other };
      })
      .find((s) => s !== null);
    if (!swap) throw new Error(`no other plug for socket category ${category}`);
    next[String(swap.socket)] = swap.other;
    held.add(swap.other);
  }
  return next;
}

describe.each(DATABASE_KINDS)("saved loadouts (%s)", (kind) => {
  let server: SandboxServer;
  let database: TestDatabase;
  let demo: string;
  let rival: string;

  beforeAll(async () => {
    server = await startSandboxServer();
    database = await openTestDatabase(kind);
    useSandboxAndDatabase(server, database.db);
    demo = await signInPlayer(server, database.db, "demo");
    await loadInventoryView(demo);
  });

  afterAll(async () => {
    releaseSandboxAndDatabase();
    await database?.close();
    await server?.close();
  });

  beforeEach(async () => {
    server.sandbox.reset();
    setProfileCache(createCache());
    demo = await signInPlayer(server, database.db, "demo");
    rival = await signInPlayer(server, database.db, "rival");
  });

  async function view(userId: string): Promise<InventoryView> {
    const loaded = await loadInventoryView(userId, { fresh: true });
    if (loaded?.kind !== "inventory") throw new Error(`no inventory: ${JSON.stringify(loaded)}`);
    return loaded;
  }

  const byClass = (v: InventoryView, name: string) =>
    v.characters.find((c) => c.className === name)!;

  it("saves a character's current gear with its subclass plugs by socket", async () => {
    const v = await view(demo);
    const hunter = byClass(v, "Hunter");
    const saved = await saveCurrentGear(demo, { characterId: hunter.characterId, name: "Daily" });
    expect(saved).toMatchObject({ status: "ok", message: 'Saved "Daily".' });
    const loadout = await getOwnLoadout(demo, saved.loadoutId!);
    expect(loadout).toMatchObject({ name: "Daily", classType: hunter.classType, damaged: false });
    const equipped = v.items.filter(
      (i) =>
        i.location === "equipped" &&
        i.ownerCharacterId === hunter.characterId &&
        [BucketHashes.KineticWeapons, BucketHashes.Helmet, BucketHashes.Subclass].includes(
          i.bucketHash as 1498876634,
        ),
    );
    for (const item of equipped) {
      expect(loadout!.items.map((i) => i.itemInstanceId)).toContain(item.itemInstanceId);
    }
    const subclass = loadout!.items.find((i) => i.bucketHash === BucketHashes.Subclass);
    expect(Object.keys(subclass?.plugs ?? {}).length).toBeGreaterThan(4);
    expect((await listLoadouts(demo)).map((l) => l.id)).toEqual([saved.loadoutId]);
  });

  it("equips a loadout from the vault: one transfer per item and one EquipItems, with progress per step", async () => {
    const v = await view(demo);
    const warlock = byClass(v, "Warlock");
    const pieces = [
      BucketHashes.KineticWeapons,
      BucketHashes.EnergyWeapons,
      BucketHashes.PowerWeapons,
    ].map((bucket) =>
      v.items.find(
        (i) =>
          i.location === "vault" &&
          i.bucketHash === bucket &&
          i.uniqueLabel === null &&
          i.rarity === 5 &&
          i.equippable,
      )!,
    );
    const saved = await savePicked(demo, {
      name: "Vault build",
      classType: warlock.classType,
      itemInstanceIds: pieces.map((p) => p.itemInstanceId!),
    });
    expect(saved.status).toBe("ok");
    setProfileCache(createCache());
    const events: EquipProgress[] = [];
    const { value, operations } = await counting(server, () =>
      equipSavedLoadout(
        demo,
        { loadoutId: saved.loadoutId!, characterId: warlock.characterId, clearOthers: false },
        { onProgress: (e) => events.push(e) },
      ),
    );
    expect(value).toMatchObject({
      status: "ok",
      message: 'Equipped "Vault build" on your Warlock.',
    });
    // One transfer per item plus one per full slot that had to make room (each is a notice).
    expect(operations).toEqual({
      "Destiny2.GetProfile": 1,
      "Destiny2.TransferItem": 3 + value.notices.length,
      "Destiny2.EquipItems": 1,
    });
    expect(value.items.map((i) => i.status)).toEqual(["equipped", "equipped", "equipped"]);
    const world = await snapshot(server);
    for (const piece of pieces) {
      expect(world.items.find((i) => i.itemInstanceId === piece.itemInstanceId)?.where).toBe(
        `equipped:${warlock.characterId}`,
      );
    }
    const plan = events.find((e) => e.type === "plan");
    const done = events.filter((e) => e.type === "step" && e.status === "done");
    expect(plan?.type === "plan" ? plan.steps.length : 0).toBe(done.length);
    expect(events.at(-1)?.type).toBe("result");

    // Equipping it again changes nothing and says so, without a write.
    expect(
      await equipSavedLoadout(demo, {
        loadoutId: saved.loadoutId!,
        characterId: warlock.characterId,
        clearOthers: false,
      }),
    ).toMatchObject({
      status: "error",
      calls: 0,
      message: expect.stringMatching(/already equipped/),
    });
  });

  it("refuses a loadout for another class, before any write", async () => {
    const v = await view(demo);
    const saved = await saveCurrentGear(demo, {
      characterId: byClass(v, "Hunter").characterId,
      name: "Hunter gear",
    });
    expect(
      await equipSavedLoadout(demo, {
        loadoutId: saved.loadoutId!,
        characterId: byClass(v, "Titan").characterId,
        clearOthers: false,
      }),
    ).toMatchObject({
      status: "error",
      calls: 0,
      message: "This loadout is for a Hunter: your Titan can't wear it.",
    });
  });

  it("shares by an unguessable link another player can open and copy, until revoked", async () => {
    const v = await view(demo);
    const saved = await saveCurrentGear(demo, {
      characterId: byClass(v, "Hunter").characterId,
      name: "Shared build",
    });
    const shared = await shareSaved(demo, { loadoutId: saved.loadoutId!, share: true });
    expect(shared.shareId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    // Sharing again keeps the same link.
    expect((await shareSaved(demo, { loadoutId: saved.loadoutId!, share: true })).shareId).toBe(
      shared.shareId,
    );
    const seen = await getSharedLoadout(shared.shareId!, rival);
    expect(seen).toMatchObject({ name: "Shared build", ownedByViewer: false });
    expect(seen!.items.length).toBeGreaterThan(5);

    const copy = await copyShared(rival, { shareId: shared.shareId! });
    expect(copy.status).toBe("ok");
    const theirs = await listLoadouts(rival);
    expect(theirs.map((l) => l.name)).toEqual(["Shared build"]);
    // The copy names the demo's items: for the rival they are items nobody of theirs holds.
    const rivalHunter = (await view(rival)).characters.find((c) => c.classType === 1);
    if (rivalHunter) {
      const equip = await equipSavedLoadout(rival, {
        loadoutId: theirs[0]!.id,
        characterId: rivalHunter.characterId,
        clearOthers: false,
      });
      expect(equip).toMatchObject({ status: "error", calls: 0 });
      expect(equip.items.every((i) => i.status === "missing")).toBe(true);
    }

    expect(await shareSaved(demo, { loadoutId: saved.loadoutId!, share: false })).toMatchObject({
      status: "ok",
      shareId: null,
    });
    expect(await getSharedLoadout(shared.shareId!, rival)).toBeNull();
    expect(await copyShared(rival, { shareId: shared.shareId! })).toMatchObject({
      status: "error",
    });
  });

  it("refuses another player's loadout or items named in a forged request", async () => {
    const v = await view(demo);
    const hunter = byClass(v, "Hunter");
    const saved = await saveCurrentGear(demo, { characterId: hunter.characterId, name: "Mine" });
    const rivalView = await view(rival);
    const rivalChar = rivalView.characters[0]!;
    const notYours = { status: "error", message: "That loadout is not one of yours." };
    expect(
      await equipSavedLoadout(rival, {
        loadoutId: saved.loadoutId!,
        characterId: rivalChar.characterId,
        clearOthers: false,
      }),
    ).toMatchObject({ ...notYours, calls: 0 });
    expect(await renameSaved(rival, { loadoutId: saved.loadoutId!, name: "Stolen" })).toMatchObject(
      notYours,
    );
    expect(await deleteSaved(rival, { loadoutId: saved.loadoutId! })).toMatchObject(notYours);
    expect(await shareSaved(rival, { loadoutId: saved.loadoutId!, share: true })).toMatchObject(
      notYours,
    );
    // The demo's own character named by the rival.
    const rivalsOwn = await saveCurrentGear(rival, {
      characterId: rivalChar.characterId,
      name: "Theirs",
    });
    expect(
      await equipSavedLoadout(rival, {
        loadoutId: rivalsOwn.loadoutId!,
        characterId: hunter.characterId,
        clearOthers: false,
      }),
    ).toMatchObject({ status: "error", message: "That character is not one of yours." });
    // The demo's items picked by the rival.
    const demoItem = v.items.find((i) => i.location === "vault" && i.equippable)!;
    expect(
      await savePicked(rival, {
        name: "Forged",
        classType: rivalChar.classType,
        itemInstanceIds: [demoItem.itemInstanceId!],
      }),
    ).toMatchObject({ status: "error", message: "One of those items is not in your inventory." });
    expect(await getOwnLoadout(demo, saved.loadoutId!)).toMatchObject({ name: "Mine" });
  });

  it("imports an in-game slot: the slot's items, and nothing else", async () => {
    const before = (await snapshot(server)) as FullSnapshot;
    let imports = 0;
    for (const character of before.characters) {
      for (const [index, slot] of character.loadouts.entries()) {
        if (slot.items.length === 0) continue;
        const saved = await saveFromSlot(demo, {
          characterId: character.characterId,
          slotIndex: index,
          name: `Slot ${index + 1}`,
        });
        expect(saved.status).toBe("ok");
        const loadout = await getOwnLoadout(demo, saved.loadoutId!);
        expect(loadout!.items.map((i) => i.itemInstanceId).sort()).toEqual(
          slot.items
            .map((i) => i.itemInstanceId)
            .filter((id) => id !== "0" && before.items.some((i) => i.itemInstanceId === id))
            .sort(),
        );
        imports++;
      }
    }
    expect(imports, "the demo world has non-empty in-game slots").toBeGreaterThan(0);
  });

  it("equips a loadout whose subclass plugs differ: one InsertSocketPlugFree per changed plug", async () => {
    const v = await view(demo);
    const titan = byClass(v, "Titan");
    const worn = await saveCurrentGear(demo, { characterId: titan.characterId, name: "Worn" });
    const gear = (await getOwnLoadout(demo, worn.loadoutId!))!;
    const subclass = gear.items.find((i) => i.bucketHash === BucketHashes.Subclass)!;
    // One ability, one aspect and one fragment replaced by other plugs of their sockets' sets.
    const plugs = otherConfiguration(subclass.itemHash, subclass.plugs);
    const changed = Object.keys(plugs).filter((s) => plugs[s] !== subclass.plugs[s]);
    expect(changed).toHaveLength(3);
    const created = await createLoadout(demo, {
      name: "Other build",
      classType: titan.classType,
      items: gear.items.map((i) => (i === subclass ? { ...i, plugs } : i)),
    });
    expect(created.ok).toBe(true);
    const loadoutId = created.ok ? created.loadout.id : "";

    setProfileCache(createCache());
    const { value, operations } = await counting(server, () =>
      equipSavedLoadout(demo, { loadoutId, characterId: titan.characterId, clearOthers: false }),
    );
    expect(value.status, value.message).toBe("ok");
    expect(operations["Destiny2.InsertSocketPlugFree"]).toBe(changed.length);
    expect(operations["Destiny2.TransferItem"] ?? 0).toBe(0);
    const after = (await snapshot(server)) as FullSnapshot;
    const applied = after.items.find((i) => i.itemInstanceId === subclass.itemInstanceId)?.plugs;
    for (const [socket, hash] of Object.entries(plugs)) {
      expect(applied?.[Number(socket)], `socket ${socket}`).toBe(hash);
    }
    // Equipping it again sends nothing: every plug is already in place.
    setProfileCache(createCache());
    const again = await counting(server, () =>
      equipSavedLoadout(demo, { loadoutId, characterId: titan.characterId, clearOthers: false }),
    );
    expect(again.value).toMatchObject({
      status: "error",
      message: "This loadout is already equipped on your Titan.",
    });
    expect(again.operations["Destiny2.InsertSocketPlugFree"] ?? 0).toBe(0);
  });

  it("writes a saved loadout into an empty in-game slot (equip, then SnapshotLoadout)", async () => {
    const v = await view(demo);
    const warlock = byClass(v, "Warlock");
    const weapons = [
      BucketHashes.KineticWeapons,
      BucketHashes.EnergyWeapons,
      BucketHashes.PowerWeapons,
    ].map((bucket) =>
      v.items.find(
        (i) =>
          i.location === "vault" &&
          i.bucketHash === bucket &&
          i.uniqueLabel === null &&
          i.rarity === 5 &&
          i.equippable,
      )!,
    );
    const saved = await savePicked(demo, {
      name: "Into the game",
      classType: warlock.classType,
      itemInstanceIds: weapons.map((w) => w.itemInstanceId!),
    });
    const before = (await snapshot(server)) as FullSnapshot;
    const slots = before.characters.find((c) => c.characterId === warlock.characterId)!.loadouts;
    const empty = slots.findIndex((s) => s.items.length === 0);
    expect(empty).toBeGreaterThanOrEqual(0);

    setProfileCache(createCache());
    const { value, operations } = await counting(server, () =>
      writeToSlot(demo, {
        loadoutId: saved.loadoutId!,
        characterId: warlock.characterId,
        slotIndex: empty,
      }),
    );
    expect(value).toMatchObject({
      status: "ok",
      message: `Saved into the game's slot ${empty + 1}.`,
    });
    expect(operations["Destiny2.SnapshotLoadout"]).toBe(1);
    const after = (await snapshot(server)) as FullSnapshot;
    const slot = after.characters.find((c) => c.characterId === warlock.characterId)!.loadouts[
      empty
    ]!;
    const inSlot = slot.items.map((i) => i.itemInstanceId);
    for (const weapon of weapons) expect(inSlot).toContain(weapon.itemInstanceId);
    // Another player's character is refused before any write.
    const rivalChar = (await view(rival)).characters[0]!;
    expect(
      await writeToSlot(demo, {
        loadoutId: saved.loadoutId!,
        characterId: rivalChar.characterId,
        slotIndex: empty,
      }),
    ).toMatchObject({ status: "error", message: "That character is not one of yours." });
  });

  it("keeps at most 200 loadouts per player", async () => {
    await database.db.loadout.deleteMany({ where: { userId: demo } });
    await database.db.loadout.createMany({
      data: Array.from({ length: MAX_LOADOUTS_PER_PLAYER - 1 }, (_, n) => ({
        userId: demo,
        name: `L${n}`,
        classType: 1,
        items: [],
      })),
    });
    const item = {
      itemHash: 1,
      itemInstanceId: "6917529000000000001",
      bucketHash: BucketHashes.Helmet,
      plugs: {},
    };
    const results = await Promise.all(
      [1, 2, 3].map(() => createLoadout(demo, { name: "Race", classType: 1, items: [item] })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await database.db.loadout.count({ where: { userId: demo } })).toBe(
      MAX_LOADOUTS_PER_PLAYER,
    );
  });
});
