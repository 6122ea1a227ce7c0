// The inventory loader and every inventory action against the sandbox over real HTTP: the
// sandbox's own world is the oracle for where items end up, and its call counter for how many
// Bungie calls each page load and move costs.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createCache } from "@/lib/cache/cache";
import { BucketHashes, CHARACTER_BUCKET_CAPACITY, isWeaponBucket } from "@/lib/destiny/buckets";
import { performItemAction } from "@/lib/guardian/item-actions";
import { loadInventoryView } from "@/lib/guardian/load-inventory-view";
import { setProfileCache } from "@/lib/guardian/profile-store";
import { chooseCharacterFor } from "@/lib/guardian/choose-character";
import type { InventoryView, ItemView } from "@/lib/guardian/view-types";
import { startSandboxServer, type SandboxServer } from "../../../sandbox/node-server";
import { openTestDatabase, type TestDatabase } from "../../support/databases";
import {
  control,
  counting,
  releaseSandboxAndDatabase,
  signInPlayer,
  snapshot,
  useSandboxAndDatabase,
} from "./guardian-harness";

let server: SandboxServer;
let database: TestDatabase;
let demo: string;
let rival: string;

beforeAll(async () => {
  server = await startSandboxServer();
  database = await openTestDatabase("pglite");
  useSandboxAndDatabase(server, database.db);
  demo = await signInPlayer(server, database.db, "demo");
  rival = await signInPlayer(server, database.db, "rival");
  // The first lookup imports the sandbox's manifest: do it once, outside the counted tests.
  await loadInventoryView(demo);
});

afterAll(async () => {
  releaseSandboxAndDatabase();
  await database?.close();
  await server?.close();
});

beforeEach(async () => {
  // A fresh world (and fresh tokens: a reset forgets them) and an empty profile cache.
  server.sandbox.reset();
  setProfileCache(createCache());
  demo = await signInPlayer(server, database.db, "demo");
  rival = await signInPlayer(server, database.db, "rival");
});

async function view(userId = demo, fresh = false): Promise<InventoryView> {
  const loaded = await loadInventoryView(userId, { fresh });
  if (loaded?.kind !== "inventory") throw new Error(`no inventory: ${JSON.stringify(loaded)}`);
  return loaded;
}

function byName(v: InventoryView, name: string) {
  return v.characters.find((c) => c.className === name)!;
}

async function whereIs(itemInstanceId: string, user = "demo") {
  const state = await snapshot(server, user);
  return state.items.find((i) => i.itemInstanceId === itemInstanceId)?.where;
}

function pick(v: InventoryView, test: (i: ItemView) => boolean, what: string): ItemView {
  const found = v.items.find(test);
  if (!found) throw new Error(`no ${what} in the demo world`);
  return found;
}

const isPlainWeapon = (i: ItemView) =>
  i.bucketHash === BucketHashes.EnergyWeapons && i.rarity === 5 && i.uniqueLabel === null;

describe("inventory page data", () => {
  it("loads characters, items and the vault with ONE GetProfile, then serves from the cache", async () => {
    const first = await counting(server, () => view());
    expect(first.operations).toEqual({ "Destiny2.GetProfile": 1 });
    const v = first.value;

    expect(v.characters.map((c) => c.className).sort()).toEqual(["Hunter", "Titan", "Warlock"]);
    // Bungie lists the most recently played first; that is the default choice.
    expect(v.selectedCharacterId).toBe(byName(v, "Hunter").characterId);
    const world = await snapshot(server);
    expect(v.items.filter((i) => i.location === "vault")).toHaveLength(world.counts.vault);
    expect(v.items.filter((i) => i.itemInstanceId !== null)).toHaveLength(world.counts.instanced);
    const titan = byName(v, "Titan");
    expect(
      v.items.filter(
        (i) => i.location === "postmaster" && i.ownerCharacterId === titan.characterId,
      ),
    ).toHaveLength(world.counts.postmaster[titan.characterId]!);
    // Every character wears one item per equippable bucket, named by the manifest.
    const equipped = v.items.filter((i) => i.location === "equipped");
    expect(equipped.length).toBeGreaterThanOrEqual(3 * 12);
    expect(equipped.every((i) => !i.unknown && i.name.length > 0 && i.icon)).toBe(true);
    const weapon = pick(v, (i) => i.location === "equipped" && i.power !== null, "weapon");
    expect(Object.keys(weapon.stats).length).toBeGreaterThan(0);
    expect(Object.keys(v.statNames).length).toBeGreaterThan(0);
    expect(weapon.plugs.length).toBeGreaterThan(0);
    expect(v.plugs[weapon.plugs[0]!]?.name).toBeTruthy();

    const again = await counting(server, () => view());
    expect(again.calls).toBe(0);
    const fresh = await counting(server, () => view(demo, true));
    expect(fresh.operations).toEqual({ "Destiny2.GetProfile": 1 });
  });

  it("remembers the character choice in the database, and refuses someone else's", async () => {
    const v = await view();
    const warlock = byName(v, "Warlock");
    expect(await chooseCharacterFor(demo, warlock.characterId)).toMatchObject({ status: "ok" });
    const settings = await database.db.playerSettings.findUnique({ where: { userId: demo } });
    expect(settings?.characterId).toBe(warlock.characterId);
    expect((await view()).selectedCharacterId).toBe(warlock.characterId);

    const rivalView = await view(rival);
    const theirs = rivalView.characters[0]!.characterId;
    expect(await chooseCharacterFor(demo, theirs)).toMatchObject({
      status: "error",
      message: "That character is not one of yours.",
    });
    expect((await view()).selectedCharacterId).toBe(warlock.characterId);
    await database.db.playerSettings.update({
      where: { userId: demo },
      data: { characterId: null },
    });
  });
});

describe("moves, with the sandbox as the oracle", () => {
  it("vault to character: one TransferItem; the cache is invalidated", async () => {
    const v = await view();
    const hunter = byName(v, "Hunter");
    const item = pick(v, (i) => i.location === "vault" && isPlainWeapon(i), "vaulted weapon");
    const { value, operations } = await counting(server, () =>
      performItemAction(demo, {
        intent: "move",
        itemKey: item.key,
        to: { characterId: hunter.characterId },
      }),
    );
    expect(value).toMatchObject({ status: "ok", writes: 1 });
    expect(value.message).toBe(`Moved ${item.name} to your Hunter.`);
    expect(operations).toEqual({ "Destiny2.TransferItem": 1 });
    expect(await whereIs(item.itemInstanceId!)).toBe(`inventory:${hunter.characterId}`);
    // Our own action invalidated the cache: the next page load shows it.
    const after = await view();
    expect(after.items.find((i) => i.key === item.key)).toMatchObject({
      location: "inventory",
      ownerCharacterId: hunter.characterId,
    });
  });

  it("character to character: two TransferItems through the vault", async () => {
    const v = await view();
    const warlock = byName(v, "Warlock");
    const hunter = byName(v, "Hunter");
    // One whose bucket has room on the Warlock (else the move first makes room).
    const warlockCarries = (bucketHash: number) =>
      v.items.filter(
        (i) =>
          i.location === "inventory" &&
          i.ownerCharacterId === warlock.characterId &&
          i.bucketHash === bucketHash,
      ).length;
    const item = pick(
      v,
      (i) =>
        i.location === "inventory" &&
        i.ownerCharacterId === hunter.characterId &&
        isWeaponBucket(i.bucketHash) &&
        i.rarity === 5 &&
        i.uniqueLabel === null &&
        warlockCarries(i.bucketHash) < CHARACTER_BUCKET_CAPACITY,
      "hunter weapon",
    );
    const { value, operations } = await counting(server, () =>
      performItemAction(demo, {
        intent: "move",
        itemKey: item.key,
        to: { characterId: warlock.characterId },
      }),
    );
    expect(value).toMatchObject({ status: "ok", writes: 2 });
    expect(operations).toEqual({ "Destiny2.TransferItem": 2 });
    expect(await whereIs(item.itemInstanceId!)).toBe(`inventory:${warlock.characterId}`);
  });

  it("equip from the vault: TransferItem then EquipItem", async () => {
    const v = await view();
    const hunter = byName(v, "Hunter");
    const item = pick(v, (i) => i.location === "vault" && isPlainWeapon(i), "vaulted weapon");
    const before = v.items.find(
      (i) =>
        i.location === "equipped" &&
        i.ownerCharacterId === hunter.characterId &&
        i.bucketHash === item.bucketHash,
    )!;
    const { value, operations } = await counting(server, () =>
      performItemAction(demo, {
        intent: "equip",
        itemKey: item.key,
        characterId: hunter.characterId,
      }),
    );
    expect(value).toMatchObject({ status: "ok", writes: 2 });
    expect(operations).toEqual({ "Destiny2.TransferItem": 1, "Destiny2.EquipItem": 1 });
    expect(await whereIs(item.itemInstanceId!)).toBe(`equipped:${hunter.characterId}`);
    expect(await whereIs(before.itemInstanceId!)).toBe(`inventory:${hunter.characterId}`);
  });

  it("swaps out the equipped exotic weapon when equipping another in a different slot", async () => {
    let v = await view();
    const hunter = byName(v, "Hunter");
    const onHunter = (i: ItemView) => i.ownerCharacterId === hunter.characterId;
    // Make sure the Hunter wears an exotic weapon in one slot first.
    const exotic = v.items.find(
      (i) => i.uniqueLabel === "exotic_weapon" && onHunter(i) && i.location === "equipped",
    );
    if (!exotic) {
      const vaulted = pick(
        v,
        (i) => i.location === "vault" && i.uniqueLabel === "exotic_weapon",
        "vaulted exotic",
      );
      expect(
        await performItemAction(demo, {
          intent: "equip",
          itemKey: vaulted.key,
          characterId: hunter.characterId,
        }),
      ).toMatchObject({ status: "ok" });
      v = await view();
    }
    const worn = v.items.find(
      (i) => i.uniqueLabel === "exotic_weapon" && onHunter(i) && i.location === "equipped",
    )!;
    const other = pick(
      v,
      (i) =>
        i.location === "vault" &&
        i.uniqueLabel === "exotic_weapon" &&
        i.bucketHash !== worn.bucketHash,
      "exotic for another slot",
    );
    const result = await performItemAction(demo, {
      intent: "equip",
      itemKey: other.key,
      characterId: hunter.characterId,
    });
    expect(result.status).toBe("ok");
    expect(result.notices).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Only one exotic of a kind can be equipped: swapped ${worn.name} for .+ on your Hunter\\.$`,
        ),
      ),
    ]);
    const state = await snapshot(server);
    const equippedHere = state.items.filter((i) => i.where === `equipped:${hunter.characterId}`);
    expect(equippedHere.map((i) => i.itemInstanceId)).toContain(other.itemInstanceId);
    expect(equippedHere.map((i) => i.itemInstanceId)).not.toContain(worn.itemInstanceId);
    expect(await whereIs(worn.itemInstanceId!)).toBe(`inventory:${hunter.characterId}`);
  });

  it("makes room in a full bucket by moving the least valuable unlocked item to the vault", async () => {
    const v = await view();
    const titan = byName(v, "Titan");
    const kinetic = v.items.filter(
      (i) =>
        i.ownerCharacterId === titan.characterId &&
        i.location === "inventory" &&
        i.bucketHash === BucketHashes.KineticWeapons,
    );
    expect(kinetic).toHaveLength(CHARACTER_BUCKET_CAPACITY);
    const incoming = pick(
      v,
      (i) =>
        i.location === "vault" &&
        i.bucketHash === BucketHashes.KineticWeapons &&
        i.uniqueLabel === null,
      "vaulted kinetic",
    );
    const result = await performItemAction(demo, {
      intent: "move",
      itemKey: incoming.key,
      to: { characterId: titan.characterId },
    });
    expect(result).toMatchObject({ status: "ok", writes: 2 });
    expect(result.notices).toHaveLength(1);
    const movedAside = kinetic.find((i) =>
      result.notices[0]!.includes(`moved ${i.name} to the vault`),
    );
    expect(movedAside, result.notices[0]).toBeDefined();
    expect(movedAside!.locked).toBe(false);
    expect(await whereIs(movedAside!.itemInstanceId!)).toBe("vault");
    expect(await whereIs(incoming.itemInstanceId!)).toBe(`inventory:${titan.characterId}`);
  });

  it("refuses to equip while the character is in an activity, before any call when it knows", async () => {
    const v = await view();
    const hunter = byName(v, "Hunter");
    const item = pick(v, (i) => i.location === "vault" && isPlainWeapon(i), "vaulted weapon");
    await control(server, "activity", { characterId: hunter.characterId, activity: "strike" });
    await view(demo, true);
    const { value, calls } = await counting(server, () =>
      performItemAction(demo, {
        intent: "equip",
        itemKey: item.key,
        characterId: hunter.characterId,
      }),
    );
    expect(calls).toBe(0);
    expect(value).toMatchObject({ status: "error", writes: 0 });
    expect(value.message).toBe(
      "Your Hunter is in an activity: equipping works only in orbit, a social space or offline. Go to orbit and try again.",
    );
    expect(await whereIs(item.itemInstanceId!)).toBe("vault");
  });

  it("when Bungie refuses the equip partway, says where the item now is (nothing lost)", async () => {
    const v = await view(); // cached: doesn't know about the activity below
    const hunter = byName(v, "Hunter");
    const item = pick(v, (i) => i.location === "vault" && isPlainWeapon(i), "vaulted weapon");
    await control(server, "activity", { characterId: hunter.characterId, activity: "raid" });
    const result = await performItemAction(demo, {
      intent: "equip",
      itemKey: item.key,
      characterId: hunter.characterId,
    });
    expect(result.status).toBe("error");
    expect(result.message).toContain("equipping works only in orbit, a social space or offline");
    expect(result.message).toContain("stopped after 1 of 2 steps; nothing was lost");
    expect(result.placements).toEqual([{ name: item.name, where: "on your Hunter" }]);
    expect(await whereIs(item.itemInstanceId!)).toBe(`inventory:${hunter.characterId}`);
    // The fresh view returned replaces the optimistic one in the browser.
    expect(result.view?.items.find((i) => i.key === item.key)?.location).toBe("inventory");
    expect(
      result.view?.characters.find((c) => c.characterId === hunter.characterId)?.inActivity,
    ).toBe(true);
  });

  it("lets the Tower count as a social space (equipping allowed)", async () => {
    const v = await view();
    const hunter = byName(v, "Hunter");
    await control(server, "activity", { characterId: hunter.characterId, activity: "tower" });
    const fresh = await view(demo, true);
    expect(fresh.characters.find((c) => c.characterId === hunter.characterId)?.inActivity).toBe(
      false,
    );
    const item = pick(fresh, (i) => i.location === "vault" && isPlainWeapon(i), "vaulted weapon");
    expect(
      await performItemAction(demo, {
        intent: "equip",
        itemKey: item.key,
        characterId: hunter.characterId,
      }),
    ).toMatchObject({ status: "ok" });
  });

  it("refuses a forged request naming another player's item, without any Bungie write", async () => {
    const theirs = await view(rival);
    const target = pick(
      theirs,
      (i) => i.location === "vault" && i.itemInstanceId !== null,
      "rival item",
    );
    const mine = await view();
    const { value, operations } = await counting(server, () =>
      performItemAction(demo, {
        intent: "move",
        itemKey: target.key,
        to: { characterId: mine.characters[0]!.characterId },
      }),
    );
    expect(value).toMatchObject({
      status: "error",
      message: "That item or character is not in your inventory.",
      writes: 0,
    });
    // Only a fresh read of the player's own profile: never a transfer.
    expect(operations).toEqual({ "Destiny2.GetProfile": 1 });
    expect(await whereIs(target.itemInstanceId!, "rival")).toBe("vault");
  });

  it("pulls from the postmaster, locks and unlocks", async () => {
    const v = await view();
    const titan = byName(v, "Titan");
    const lost = pick(
      v,
      (i) =>
        i.location === "postmaster" &&
        i.ownerCharacterId === titan.characterId &&
        i.itemInstanceId !== null &&
        i.bucketHash !== BucketHashes.KineticWeapons,
      "postmaster item",
    );
    const pulled = await performItemAction(demo, { intent: "pull", itemKey: lost.key });
    expect(pulled).toMatchObject({
      status: "ok",
      message: `Pulled ${lost.name} from the postmaster to your Titan.`,
    });
    expect(await whereIs(lost.itemInstanceId!)).toBe(`inventory:${titan.characterId}`);

    const lockable = pick(
      await view(),
      (i) => i.location === "vault" && i.lockable && !i.locked,
      "unlocked item",
    );
    expect(
      await performItemAction(demo, { intent: "lock", itemKey: lockable.key, locked: true }),
    ).toMatchObject({
      status: "ok",
      message: `Locked ${lockable.name}.`,
    });
    const locked = (await snapshot(server)).items.find(
      (i) => i.itemInstanceId === lockable.itemInstanceId,
    );
    expect(locked?.locked).toBe(true);
    expect(
      await performItemAction(demo, { intent: "lock", itemKey: lockable.key, locked: false }),
    ).toMatchObject({
      status: "ok",
    });
  });

  it("equips a whole set with one EquipItems call once every piece is there", async () => {
    const v = await view();
    const warlock = byName(v, "Warlock");
    const pieces = [
      BucketHashes.KineticWeapons,
      BucketHashes.EnergyWeapons,
      BucketHashes.PowerWeapons,
    ].map((bucket) =>
      pick(
        v,
        (i) =>
          i.location === "vault" &&
          i.bucketHash === bucket &&
          i.uniqueLabel === null &&
          i.rarity === 5,
        `vaulted weapon for ${bucket}`,
      ),
    );
    const { value, operations } = await counting(server, () =>
      performItemAction(demo, {
        intent: "equip-set",
        itemKeys: pieces.map((p) => p.key),
        characterId: warlock.characterId,
      }),
    );
    expect(value).toMatchObject({ status: "ok", message: "Equipped 3 items on your Warlock." });
    // Three transfers, plus one per full slot that had to make room (each is a notice).
    expect(operations).toEqual({
      "Destiny2.TransferItem": 3 + value.notices.length,
      "Destiny2.EquipItems": 1,
    });
    for (const piece of pieces) {
      expect(await whereIs(piece.itemInstanceId!)).toBe(`equipped:${warlock.characterId}`);
    }
  });

  it("never loses or duplicates an item across a run of moves", async () => {
    const start = await snapshot(server);
    const v = await view();
    const [titan, hunter, warlock] = ["Titan", "Hunter", "Warlock"].map((n) => byName(v, n));
    const weapons = v.items.filter((i) => i.location === "vault" && isPlainWeapon(i)).slice(0, 3);
    for (const [n, item] of weapons.entries()) {
      const to = [titan!, hunter!, warlock!][n]!;
      expect(
        (
          await performItemAction(demo, {
            intent: "move",
            itemKey: item.key,
            to: { characterId: to.characterId },
          })
        ).status,
      ).toBe("ok");
      expect(
        (
          await performItemAction(demo, {
            intent: "move",
            itemKey: item.key,
            to: { characterId: titan!.characterId },
          })
        ).status,
      ).toMatch(/ok|error/);
    }
    const end = await snapshot(server);
    expect(end.counts.instanced).toBe(start.counts.instanced);
    expect(end.stackTotals).toEqual(start.stackTotals);
    const ids = (s: typeof start) =>
      s.items.flatMap((i) => (i.itemInstanceId ? [i.itemInstanceId] : [])).sort();
    expect(ids(end)).toEqual(ids(start));
  });
});
