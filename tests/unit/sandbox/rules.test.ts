import { describe, expect, it } from "vitest";
import { BucketHashes } from "@/lib/destiny/buckets";
import { UNSET_PLUG_HASH } from "@/lib/destiny/game-facts";
import { planEquip } from "@/sandbox/rules/equip";
import { planEquipLoadout, plugsAfter } from "@/sandbox/rules/loadouts";
import { planLock, withLock } from "@/sandbox/rules/lock";
import { planPull } from "@/sandbox/rules/postmaster";
import { applyStackPlan, planStackMove } from "@/sandbox/rules/stacks";
import { planTransfer } from "@/sandbox/rules/transfer";
import type { InventoryView } from "@/sandbox/rules/types";
import type { ItemMeta } from "@/sandbox/world/definitions";
import type { WorldCharacter, WorldItem } from "@/sandbox/world/types";

// A tiny hand-made catalogue, independent of the generated manifest.
function meta(hash: number, over: Partial<ItemMeta>): ItemMeta {
  return {
    hash,
    name: `item ${hash}`,
    kind: "weapon",
    bucketHash: BucketHashes.KineticWeapons,
    rarity: 5,
    classType: 3,
    exotic: false,
    instanced: true,
    maxStackSize: 1,
    nonTransferrable: false,
    damageType: 1,
    socketOptions: [],
    baseStats: {},
    ...over,
  };
}
const CATALOGUE = new Map<number, ItemMeta>([
  [1, meta(1, {})],
  [2, meta(2, { exotic: true, uniqueLabel: "exotic_weapon" })],
  [
    3,
    meta(3, { bucketHash: BucketHashes.EnergyWeapons, exotic: true, uniqueLabel: "exotic_weapon" }),
  ],
  [4, meta(4, { kind: "armor", bucketHash: BucketHashes.Helmet, classType: 1 })],
  [
    5,
    meta(5, {
      kind: "consumable",
      bucketHash: BucketHashes.Consumables,
      instanced: false,
      maxStackSize: 10,
    }),
  ],
  [6, meta(6, { kind: "subclass", bucketHash: BucketHashes.Subclass, nonTransferrable: true })],
  [
    7,
    meta(7, {
      kind: "currency",
      bucketHash: 2689798308,
      instanced: false,
      maxStackSize: 999,
      nonTransferrable: true,
    }),
  ],
  [8, meta(8, { kind: "armor", bucketHash: BucketHashes.Helmet, classType: 0 })],
  [9, meta(9, { bucketHash: BucketHashes.EnergyWeapons })],
]);
const C = "2305843009000000001";
const titan: WorldCharacter = {
  characterId: C,
  classType: 0,
  raceType: 0,
  genderType: 0,
  dateLastPlayed: 0,
  minutesPlayedThisSession: 0,
  minutesPlayedTotal: 0,
  activity: "orbit",
};

let nextId = 1000;
function inst(itemHash: number, place: WorldItem["place"]): WorldItem {
  return { itemHash, itemInstanceId: String(nextId++), quantity: 1, place, state: 0 };
}
function stack(itemHash: number, quantity: number, place: WorldItem["place"]): WorldItem {
  return { itemHash, quantity, place, state: 0 };
}
function view(items: WorldItem[]): InventoryView {
  return {
    items,
    byInstanceId: new Map(
      items.filter((i) => i.itemInstanceId).map((i) => [i.itemInstanceId as string, i]),
    ),
    metaOf: (h) => CATALOGUE.get(h),
  };
}
const inventory = { kind: "inventory" as const, characterId: C };
const equipped = { kind: "equipped" as const, characterId: C };
const fill = (n: number, itemHash: number, place: WorldItem["place"]) =>
  Array.from({ length: n }, () => inst(itemHash, place));

describe("transfer rules", () => {
  it("moves an unequipped item to the vault and back", () => {
    const item = inst(1, inventory);
    const v = view([item]);
    const out = planTransfer(v, {
      itemHash: 1,
      itemId: item.itemInstanceId as string,
      stackSize: 1,
      toVault: true,
      characterId: C,
    });
    expect(out).toEqual({
      ok: true,
      plan: { kind: "instance", item, destination: { kind: "vault" } },
    });
    item.place = { kind: "vault" };
    const back = planTransfer(v, {
      itemHash: 1,
      itemId: item.itemInstanceId as string,
      stackSize: 1,
      toVault: false,
      characterId: C,
    });
    expect(back.ok && back.plan.kind === "instance" && back.plan.destination).toEqual(inventory);
  });

  it("refuses equipped items (1656), non-transferable ones (1660), and wrong hashes or places (1623)", () => {
    const worn = inst(1, equipped);
    const subclass = inst(6, inventory);
    const v = view([worn, subclass]);
    const req = (item: WorldItem, over = {}) => ({
      itemHash: item.itemHash,
      itemId: item.itemInstanceId as string,
      stackSize: 1,
      toVault: true,
      characterId: C,
      ...over,
    });
    expect(planTransfer(v, req(worn))).toEqual({ ok: false, code: 1656 });
    expect(planTransfer(v, req(subclass))).toEqual({ ok: false, code: 1660 });
    expect(planTransfer(v, req(worn, { itemHash: 999 }))).toEqual({ ok: false, code: 1623 });
    expect(planTransfer(v, req(worn, { characterId: "2305843009000000002" }))).toEqual({
      ok: false,
      code: 1623,
    });
    expect(planTransfer(v, req(worn, { itemId: "123" }))).toEqual({ ok: false, code: 1623 });
    // Vault → character for an item that is not in the vault.
    expect(planTransfer(v, req(worn, { toVault: false }))).toEqual({ ok: false, code: 1623 });
  });

  it("answers 1642 for a full vault (700) and a full character bucket (9)", () => {
    const vaultFull = [...fill(700, 1, { kind: "vault" }), inst(1, inventory)];
    const last = vaultFull[700] as WorldItem;
    expect(
      planTransfer(view(vaultFull), {
        itemHash: 1,
        itemId: last.itemInstanceId as string,
        stackSize: 1,
        toVault: true,
        characterId: C,
      }),
    ).toEqual({ ok: false, code: 1642 });
    const bucketFull = [...fill(9, 1, inventory), inst(1, { kind: "vault" })];
    const fromVault = bucketFull[9] as WorldItem;
    expect(
      planTransfer(view(bucketFull), {
        itemHash: 1,
        itemId: fromVault.itemInstanceId as string,
        stackSize: 1,
        toVault: false,
        characterId: C,
      }),
    ).toEqual({ ok: false, code: 1642 });
    // Eight in the bucket: there is room (the equipped one does not count).
    const roomy = [...fill(8, 1, inventory), inst(1, equipped), inst(1, { kind: "vault" })];
    const ok = roomy[9] as WorldItem;
    expect(
      planTransfer(view(roomy), {
        itemHash: 1,
        itemId: ok.itemInstanceId as string,
        stackSize: 1,
        toVault: false,
        characterId: C,
      }).ok,
    ).toBe(true);
  });

  it("lets any class's armour into a character's inventory (only equipping is class-bound)", () => {
    const hunterHelmet = inst(4, { kind: "vault" });
    expect(
      planTransfer(view([hunterHelmet]), {
        itemHash: 4,
        itemId: hunterHelmet.itemInstanceId as string,
        stackSize: 1,
        toVault: false,
        characterId: C,
      }).ok,
    ).toBe(true);
  });

  it("moves stacks by hash, refusing more than held, zero, and currencies", () => {
    const held = stack(5, 7, { kind: "profile" });
    const v = view([held, stack(5, 9, { kind: "vault" })]);
    const req = (stackSize: number, toVault = true, itemHash = 5) => ({
      itemHash,
      itemId: "0",
      stackSize,
      toVault,
      characterId: C,
    });
    const out = planTransfer(v, req(3));
    expect(out.ok).toBe(true);
    if (out.ok && out.plan.kind === "stack") {
      // 3 onto the vault stack of 9 (max 10): 1 merges, 2 open a new stack.
      expect(out.plan.plan.fill.map(([, n]) => n)).toEqual([1]);
      expect(out.plan.plan.newStacks).toEqual([2]);
    }
    expect(planTransfer(v, req(8))).toEqual({ ok: false, code: 1623 });
    expect(planTransfer(v, req(0))).toEqual({ ok: false, code: 1622 });
    expect(planTransfer(view([stack(7, 50, { kind: "currency" })]), req(1, true, 7))).toEqual({
      ok: false,
      code: 1660,
    });
  });

  it("counts new stacks against the vault's capacity", () => {
    const items = [...fill(700, 1, { kind: "vault" }), stack(5, 5, { kind: "profile" })];
    expect(
      planTransfer(view(items), {
        itemHash: 5,
        itemId: "0",
        stackSize: 5,
        toVault: true,
        characterId: C,
      }),
    ).toEqual({ ok: false, code: 1642 });
  });
});

describe("equip rules", () => {
  it("swaps with the item equipped in the same bucket", () => {
    const worn = inst(1, equipped);
    const next = inst(1, inventory);
    expect(planEquip(view([worn, next]), titan, next.itemInstanceId as string)).toEqual({
      ok: true,
      plan: { item: next, previous: worn },
    });
  });

  it("enforces the character's location (1671), class (1640), presence (1623) and unique labels (1641)", () => {
    const exoticKinetic = inst(2, equipped);
    const exoticEnergy = inst(3, inventory);
    const hunterHelmet = inst(4, inventory);
    const titanHelmet = inst(8, inventory);
    const vaulted = inst(1, { kind: "vault" });
    const v = view([exoticKinetic, exoticEnergy, hunterHelmet, titanHelmet, vaulted]);
    expect(planEquip(v, titan, exoticEnergy.itemInstanceId as string)).toEqual({
      ok: false,
      code: 1641,
    });
    expect(planEquip(v, titan, hunterHelmet.itemInstanceId as string)).toEqual({
      ok: false,
      code: 1640,
    });
    expect(planEquip(v, titan, vaulted.itemInstanceId as string)).toEqual({
      ok: false,
      code: 1623,
    });
    expect(planEquip(v, titan, titanHelmet.itemInstanceId as string).ok).toBe(true);
    expect(
      planEquip(v, { ...titan, activity: "raid" }, titanHelmet.itemInstanceId as string),
    ).toEqual({ ok: false, code: 1671 });
    expect(
      planEquip(v, { ...titan, activity: "tower" }, titanHelmet.itemInstanceId as string).ok,
    ).toBe(true);
    expect(
      planEquip(v, { ...titan, activity: "offline" }, titanHelmet.itemInstanceId as string).ok,
    ).toBe(true);
  });

  it("allows replacing an exotic with another exotic in the same slot", () => {
    const worn = inst(2, equipped);
    const other = inst(2, inventory);
    expect(planEquip(view([worn, other]), titan, other.itemInstanceId as string).ok).toBe(true);
  });
});

describe("postmaster rules", () => {
  const postmaster = { kind: "postmaster" as const, characterId: C };
  it("pulls an instanced item into its bucket unless full", () => {
    const lost = inst(1, postmaster);
    expect(
      planPull(view([lost]), {
        itemHash: 1,
        itemId: lost.itemInstanceId as string,
        stackSize: 1,
        characterId: C,
      }).ok,
    ).toBe(true);
    expect(
      planPull(view([...fill(9, 1, inventory), lost]), {
        itemHash: 1,
        itemId: lost.itemInstanceId as string,
        stackSize: 1,
        characterId: C,
      }),
    ).toEqual({ ok: false, code: 1642 });
    // Another character's postmaster is not this one's.
    expect(
      planPull(view([lost]), {
        itemHash: 1,
        itemId: lost.itemInstanceId as string,
        stackSize: 1,
        characterId: "1",
      }),
    ).toEqual({ ok: false, code: 1623 });
  });

  it("pulls part of a stack into the account-wide bucket", () => {
    const lost = stack(5, 6, postmaster);
    const out = planPull(view([lost]), { itemHash: 5, itemId: "0", stackSize: 4, characterId: C });
    expect(out.ok).toBe(true);
    expect(
      planPull(view([lost]), { itemHash: 5, itemId: "0", stackSize: 7, characterId: C }),
    ).toEqual({ ok: false, code: 1623 });
  });
});

describe("lock rules", () => {
  it("locks gear and refuses subclasses", () => {
    const gear = inst(1, { kind: "vault" });
    const subclass = inst(6, equipped);
    expect(planLock(view([gear, subclass]), gear.itemInstanceId as string).ok).toBe(true);
    expect(planLock(view([gear, subclass]), subclass.itemInstanceId as string)).toEqual({
      ok: false,
      code: 1663,
    });
    expect(planLock(view([gear]), "42")).toEqual({ ok: false, code: 1623 });
    expect(withLock(4, true)).toBe(5);
    expect(withLock(5, false)).toBe(4);
  });
});

describe("stack planning", () => {
  it("drains the smallest stacks first, fills partial ones and conserves quantity", () => {
    const a = stack(5, 2, { kind: "profile" });
    const b = stack(5, 8, { kind: "profile" });
    const dest = stack(5, 6, { kind: "vault" });
    const plan = planStackMove([a, b], [dest], 9, 10);
    expect(plan?.take.map(([s, n]) => [s.quantity, n])).toEqual([
      [2, 2],
      [8, 7],
    ]);
    if (!plan) throw new Error("no plan");
    const { created, removed } = applyStackPlan(plan, 5, { kind: "vault" });
    expect(removed).toEqual([a]);
    expect(dest.quantity).toBe(10);
    expect(created.map((s) => s.quantity)).toEqual([5]);
    expect(a.quantity + b.quantity + dest.quantity + created[0]!.quantity).toBe(2 + 8 + 6);
    expect(planStackMove([a], [], 1, 10)).toBeUndefined();
  });
});

describe("in-game loadout rules", () => {
  const loadout = (...items: WorldItem[]) => ({
    nameHash: 1,
    iconHash: 2,
    colorHash: 3,
    items: items.map((i) => ({ itemInstanceId: i.itemInstanceId as string, plugItemHashes: [] })),
  });

  it("equips what the character holds and pulls from the vault when the bucket has room", () => {
    const carried = inst(1, inventory);
    const vaulted = inst(3, { kind: "vault" });
    const out = planEquipLoadout(view([carried, vaulted]), titan, loadout(carried, vaulted));
    expect(out.ok && out.plan.equips).toEqual([carried, vaulted]);
    expect(out.ok && out.plan.pulls).toEqual([vaulted]);
    // A full energy bucket: the item it would replace has nowhere to go.
    const energy = fill(9, 9, inventory);
    const crowded = planEquipLoadout(view([vaulted, ...energy]), titan, loadout(vaulted));
    expect(crowded.ok && crowded.plan.skipped).toEqual([
      { itemInstanceId: vaulted.itemInstanceId, reason: "no-room" },
    ]);
  });

  it("skips items elsewhere, gone, of another class, or breaking the one-exotic rule", () => {
    const other = inst(1, { kind: "inventory", characterId: "2305843009000000002" });
    const hunterHelmet = inst(4, inventory);
    const keptExotic = inst(2, equipped);
    const secondExotic = inst(3, inventory);
    const gone = { itemInstanceId: "999999", plugItemHashes: [] };
    const wanted = loadout(other, hunterHelmet, secondExotic);
    const out = planEquipLoadout(view([other, hunterHelmet, keptExotic, secondExotic]), titan, {
      ...wanted,
      items: [...wanted.items, gone],
    });
    expect(out.ok && out.plan.equips).toEqual([]);
    expect(out.ok && out.plan.skipped.map((s) => s.reason)).toEqual([
      "elsewhere",
      "unequippable",
      "gone",
      "unequippable",
    ]);
    expect(planEquipLoadout(view([]), titan, { ...loadout(), items: [] })).toEqual({
      ok: false,
      code: 1622,
    });
  });

  it("puts a loadout's plugs only in free sockets, from their options, never one plug twice", () => {
    const subclassMeta = meta(10, {
      kind: "subclass",
      bucketHash: BucketHashes.Subclass,
      socketOptions: [
        [101, 102],
        [201, 202, 203],
        [202, 203, 201],
      ],
      freeSockets: [0, 1, 2],
    });
    const item: WorldItem = { ...inst(10, equipped), plugs: [101, 201, 202] };
    expect(plugsAfter(item, subclassMeta, [102, 203, UNSET_PLUG_HASH])).toEqual([102, 203, 202]);
    // 999 is not an option; 202 twice: the second socket takes the first option still unused.
    expect(plugsAfter(item, subclassMeta, [999, 202, 202])).toEqual([101, 202, 203]);
    // Armour may hold one mod twice (and empty sockets are one plug).
    const armorMeta = meta(11, {
      kind: "armor",
      bucketHash: BucketHashes.Helmet,
      socketOptions: [
        [300, 301],
        [300, 301],
        [400, 401],
      ],
      freeSockets: [0, 1],
    });
    const helmet: WorldItem = { ...inst(11, equipped), plugs: [300, 300, 400] };
    expect(plugsAfter(helmet, armorMeta, [301, 301, 401])).toEqual([301, 301, 400]);
  });
});
