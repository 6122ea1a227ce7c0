// The game's loadout slots against the sandbox over real HTTP and a real database: the loadouts
// view (read with the inventory's own GetProfile) and the four slot actions. The sandbox's world
// is the oracle for what each action did, its call counter for what each cost.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createCache } from "@/lib/cache/cache";
import { BucketHashes } from "@/lib/destiny/buckets";
import { loadInventoryView } from "@/lib/guardian/load-inventory-view";
import { setProfileCache } from "@/lib/guardian/profile-store";
import { loadLoadoutsView } from "@/lib/loadouts/load-loadouts-view";
import { performLoadoutAction } from "@/lib/loadouts/slot-actions";
import type { LoadoutsView } from "@/lib/loadouts/view-types";
import { startSandboxServer, type SandboxServer } from "../../../sandbox/node-server";
import { openTestDatabase, type TestDatabase } from "../../support/databases";
import {
  control,
  counting,
  releaseSandboxAndDatabase,
  signInPlayer,
  snapshot,
  useSandboxAndDatabase,
} from "../guardian/guardian-harness";

type WorldSlot = {
  nameHash: number;
  iconHash: number;
  colorHash: number;
  items: { itemInstanceId: string; plugItemHashes: number[] }[];
};

let server: SandboxServer;
let database: TestDatabase;
let demo: string;
let rival: string;

beforeAll(async () => {
  server = await startSandboxServer();
  database = await openTestDatabase("pglite");
  useSandboxAndDatabase(server, database.db);
  demo = await signInPlayer(server, database.db, "demo");
  // The first lookup imports the sandbox's manifest: once, outside the counted tests.
  await loadLoadoutsView(demo);
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

async function view(userId = demo): Promise<LoadoutsView> {
  const loaded = await loadLoadoutsView(userId);
  if (loaded?.kind !== "loadouts") throw new Error(`no loadouts: ${JSON.stringify(loaded)}`);
  return loaded;
}

function titanOf(v: LoadoutsView) {
  const titan = v.characters.find((c) => c.className === "Titan");
  if (!titan) throw new Error("no Titan");
  return titan;
}

async function worldCharacter(characterId: string) {
  const state = await snapshot(server);
  const found = state.characters.find((c) => c.characterId === characterId) as
    { characterId: string; loadouts: WorldSlot[] } | undefined;
  if (!found) throw new Error("no such character in the world");
  return { state, loadouts: found.loadouts };
}

describe("the loadouts view", () => {
  it("costs no Bungie call after the inventory page: the same GetProfile carries 206", async () => {
    const inventory = await counting(server, () => loadInventoryView(demo));
    expect(inventory.operations).toEqual({ "Destiny2.GetProfile": 1 });
    const loadouts = await counting(server, () => view());
    expect(loadouts.calls).toBe(0);
  });

  it("shows every slot with the game's names, icons and colours, the subclass and what is missing", async () => {
    const v = await view();
    const titan = titanOf(v);
    const slots = v.slots[titan.characterId]!;
    const { loadouts: world } = await worldCharacter(titan.characterId);
    expect(slots).toHaveLength(10);
    expect(slots.filter((s) => !s.empty)).toHaveLength(4);
    expect(v.options.names.length).toBe(20);
    expect(v.options.icons.length).toBe(16);
    expect(v.options.colors.length).toBe(12);

    for (const [n, slot] of slots.entries()) {
      expect(slot.index).toBe(n);
      expect(slot.nameHash).toBe(world[n]!.nameHash);
      const name = v.options.names.find((o) => o.hash === slot.nameHash)!.name;
      expect(slot.name).toBe(name);
      expect(slot.iconUrl).toMatch(/^\/sandbox\/|^http/);
      expect(slot.colorUrl).toMatch(/^\/sandbox\/|^http/);
    }

    // Slot 1 is what the Titan wears: every item equipped here, and the subclass configured.
    const worn = slots[0]!;
    expect(worn.items.length).toBe(8);
    expect(worn.items.every((i) => i.place.kind === "equipped")).toBe(true);
    expect(worn.subclass?.bucketHash).toBe(BucketHashes.Subclass);
    expect(worn.subclass!.plugs.length).toBeGreaterThan(0);
    for (const plug of worn.subclass!.plugs) {
      expect(v.plugs[plug]?.name).toBeTruthy();
      expect(v.plugs[plug]?.typeName).toBeTruthy();
    }
    // Slot 3: its kinetic weapon now sits in the vault and a helmet on another character.
    const places = slots[2]!.items.map((i) => i.place.kind);
    expect(places).toContain("vault");
    expect(
      slots[2]!.items.some(
        (i) =>
          i.place.kind !== "missing" &&
          "characterId" in i.place &&
          i.place.characterId !== titan.characterId,
      ),
    ).toBe(true);
    // Slot 4: an energy weapon that no longer exists.
    expect(slots[3]!.missingCount).toBe(1);
    expect(slots[3]!.items.find((i) => i.place.kind === "missing")?.name).toBe("Missing item");
    // Empty slots hold nothing.
    expect(slots[4]).toMatchObject({ empty: true, items: [], subclass: null, missingCount: 0 });
  });

  it("is plain JSON and does not ship the vault", async () => {
    const v = await view();
    expect(JSON.parse(JSON.stringify(v))).toEqual(v);
    const items = Object.values(v.slots).flatMap((s) => s.flatMap((x) => x.items));
    expect(items.length).toBeLessThan(100);
  });
});

describe("slot actions", () => {
  it("equips a slot with ONE Bungie action, and says what stayed where", async () => {
    const v = await view();
    const titan = titanOf(v);
    const slot = v.slots[titan.characterId]![1]!; // other gear the Titan carries
    const { value: result, operations } = await counting(server, () =>
      performLoadoutAction(demo, {
        intent: "equip",
        characterId: titan.characterId,
        loadoutIndex: 1,
      }),
    );
    expect(result).toMatchObject({ status: "ok", writes: 1 });
    expect(result.message).toBe(`Equipped Slot 2 (${slot.name}) on your Titan.`);
    // One action, then one GetProfile so the page shows what the game did.
    expect(operations).toEqual({ "Destiny2.EquipLoadout": 1, "Destiny2.GetProfile": 1 });
    const { state } = await worldCharacter(titan.characterId);
    for (const item of slot.items) {
      const where = state.items.find((i) => i.itemInstanceId === item.itemInstanceId)?.where;
      expect(where).toBe(`equipped:${titan.characterId}`);
    }
    const after = result.view!.slots[titan.characterId]![1]!;
    expect(after.items.every((i) => i.place.kind === "equipped")).toBe(true);
  });

  it("names the items an equip left behind (gone, on another character)", async () => {
    const v = await view();
    const titan = titanOf(v);
    const result = await performLoadoutAction(demo, {
      intent: "equip",
      characterId: titan.characterId,
      loadoutIndex: 3,
    });
    expect(result.status).toBe("ok");
    expect(result.notices).toContain(
      "An item of this loadout no longer exists (deleted, or held by nobody).",
    );
  });

  it("saves the current gear into an empty slot with a name, then renames, recolours and clears it", async () => {
    const v = await view();
    const titan = titanOf(v);
    const [name, icon, color] = [v.options.names[5]!, v.options.icons[3]!, v.options.colors[7]!];
    const saved = await performLoadoutAction(demo, {
      intent: "snapshot",
      characterId: titan.characterId,
      loadoutIndex: 6,
      nameHash: name.hash,
    });
    expect(saved).toMatchObject({ status: "ok", writes: 1 });
    let world = (await worldCharacter(titan.characterId)).loadouts[6]!;
    const worn = v.slots[titan.characterId]![0]!;
    expect(world.nameHash).toBe(name.hash);
    expect(
      world.items
        .filter((i) => i.itemInstanceId !== "0")
        .map((i) => i.itemInstanceId)
        .sort(),
    ).toEqual([...worn.items, worn.subclass!].map((i) => i.itemInstanceId).sort());
    expect(saved.view!.slots[titan.characterId]![6]).toMatchObject({
      empty: false,
      name: name.name,
    });

    const changed = await performLoadoutAction(demo, {
      intent: "identify",
      characterId: titan.characterId,
      loadoutIndex: 6,
      iconHash: icon.hash,
      colorHash: color.hash,
    });
    expect(changed.status).toBe("ok");
    world = (await worldCharacter(titan.characterId)).loadouts[6]!;
    expect(world).toMatchObject({
      nameHash: name.hash,
      iconHash: icon.hash,
      colorHash: color.hash,
    });

    const cleared = await performLoadoutAction(demo, {
      intent: "clear",
      characterId: titan.characterId,
      loadoutIndex: 6,
    });
    expect(cleared.status).toBe("ok");
    world = (await worldCharacter(titan.characterId)).loadouts[6]!;
    expect(world.items.every((i) => i.itemInstanceId === "0")).toBe(true);
    expect(cleared.view!.slots[titan.characterId]![6]!.empty).toBe(true);
  });

  it("says the character is in an activity when the game refuses (1671), and changes nothing", async () => {
    const v = await view();
    const titan = titanOf(v);
    await control(server, "activity", { characterId: titan.characterId, activity: "raid" });
    const before = await snapshot(server);
    const { value: result, operations } = await counting(server, () =>
      performLoadoutAction(demo, {
        intent: "equip",
        characterId: titan.characterId,
        loadoutIndex: 1,
      }),
    );
    expect(result).toMatchObject({
      status: "error",
      message:
        "Your Titan is in an activity: loadouts can be equipped or changed only in orbit, a social space or offline. Go to orbit and try again.",
    });
    expect(operations).toEqual({ "Destiny2.EquipLoadout": 1 });
    expect((await snapshot(server)).items).toEqual(before.items);
  });

  it("refuses another player's character without a Bungie action", async () => {
    await view(); // the page was open: its profile is cached
    const theirs = (await snapshot(server, "rival")).characters[0]!.characterId;
    const { value: result, operations } = await counting(server, () =>
      performLoadoutAction(demo, { intent: "clear", characterId: theirs, loadoutIndex: 0 }),
    );
    expect(result).toMatchObject({
      status: "error",
      message: "That character is not one of yours.",
      writes: 0,
    });
    // The cached profile lacked it, so Bungie was asked once more (a new character?): no action.
    expect(operations).toEqual({ "Destiny2.GetProfile": 1 });
    const rivalSlots = (await snapshot(server, "rival")).characters[0] as unknown as {
      loadouts: WorldSlot[];
    };
    expect(rivalSlots.loadouts).toHaveLength(10);
    expect(rival).toBeTruthy();
  });

  it("refuses an empty slot, a slot beyond the game's count and an identifier the game lacks, before Bungie", async () => {
    const v = await view();
    const titan = titanOf(v);
    await view(); // cached
    const empty = await counting(server, () =>
      performLoadoutAction(demo, {
        intent: "equip",
        characterId: titan.characterId,
        loadoutIndex: 8,
      }),
    );
    expect(empty.value.message).toMatch(/^Slot 9 \(.+\) is empty: save gear into it first\.$/);
    expect(empty.calls).toBe(0);
    const beyond = await performLoadoutAction(demo, {
      intent: "clear",
      characterId: titan.characterId,
      loadoutIndex: 10,
    });
    expect(beyond.message).toBe("Your character has no such loadout slot.");
    const bogus = await counting(server, () =>
      performLoadoutAction(demo, {
        intent: "identify",
        characterId: titan.characterId,
        loadoutIndex: 0,
        colorHash: 12345,
      }),
    );
    expect(bogus.value.message).toBe("That colour isn't one the game offers for loadouts.");
    expect(bogus.calls).toBe(0);
  });
});
