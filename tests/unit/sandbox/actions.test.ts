import { beforeEach, describe, expect, it } from "vitest";
import { BucketHashes } from "@/lib/destiny/buckets";
import { getManifestDefinitions } from "@/sandbox/world/definitions";
import { call, control, demo, snapshot, testSandbox, type Snapshot } from "./helpers";

const defs = getManifestDefinitions();
const metaOf = (hash: number) => {
  const meta = defs.meta.get(hash);
  if (!meta) throw new Error(`no meta for ${hash}`);
  return meta;
};
type Item = Snapshot["profiles"][number]["items"][number];

function instanced(items: Item[]) {
  return items.filter((i) => i.itemInstanceId !== undefined);
}

describe("item actions through handle()", () => {
  let env: ReturnType<typeof testSandbox>;
  let d: Awaited<ReturnType<typeof demo>>;
  const act = (op: string, body: Record<string, unknown>, token = d.token) =>
    call<number>(env.sandbox, `/Platform/Destiny2/Actions/Items/${op}/`, { token, body });
  // Each action is 0.1 s apart from the previous one unless a test wants the throttle.
  const tick = () => {
    env.clock.now += 150;
  };

  beforeEach(async () => {
    env = testSandbox();
    d = await demo(env.sandbox);
  });

  it("moves an item to the vault and back, keeping every item exactly once", async () => {
    const before = await snapshot(env.sandbox);
    const item = instanced(d.profile.items).find(
      (i) =>
        i.where === `inventory:${d.hunter.characterId}` && metaOf(i.itemHash).kind === "weapon",
    ) as Item;
    const toVault = await act("TransferItem", {
      itemReferenceHash: item.itemHash,
      stackSize: 1,
      transferToVault: true,
      itemId: item.itemInstanceId,
      characterId: d.hunter.characterId,
      membershipType: 3,
    });
    expect(toVault.status).toBe(200);
    expect(toVault.body).toMatchObject({
      Response: 0,
      ErrorCode: 1,
      ErrorStatus: "Success",
      Message: "Ok",
    });
    let after = await snapshot(env.sandbox);
    let moved = after.profiles[0]?.items.find((i) => i.itemInstanceId === item.itemInstanceId);
    expect(moved).toMatchObject({ where: "vault", bucketHash: BucketHashes.General });

    tick();
    const back = await act("TransferItem", {
      itemReferenceHash: item.itemHash,
      stackSize: 1,
      transferToVault: false,
      itemId: item.itemInstanceId,
      characterId: d.hunter.characterId,
      membershipType: 3,
    });
    expect(back.body.ErrorCode).toBe(1);
    after = await snapshot(env.sandbox);
    moved = after.profiles[0]?.items.find((i) => i.itemInstanceId === item.itemInstanceId);
    expect(moved?.where).toBe(`inventory:${d.hunter.characterId}`);
    expect(moved?.bucketHash).toBe(metaOf(item.itemHash).bucketHash);
    const ids = (s: Snapshot) =>
      instanced(s.profiles[0]?.items ?? [])
        .map((i) => i.itemInstanceId)
        .sort();
    expect(ids(after)).toEqual(ids(before));
    expect(after.profiles[0]?.stackTotals).toEqual(before.profiles[0]?.stackTotals);
  });

  it("refuses to transfer an equipped item (1656)", async () => {
    const item = d.profile.items.find(
      (i) => i.where === `equipped:${d.titan.characterId}` && metaOf(i.itemHash).kind === "weapon",
    ) as Item;
    const result = await act("TransferItem", {
      itemReferenceHash: item.itemHash,
      stackSize: 1,
      transferToVault: true,
      itemId: item.itemInstanceId,
      characterId: d.titan.characterId,
      membershipType: 3,
    });
    expect(result.status).toBe(500);
    expect(result.body).toMatchObject({
      Response: 0,
      ErrorCode: 1656,
      ErrorStatus: "DestinyCannotPerformActionOnEquippedItem",
      Message: "You cannot perform this action on an equipped item.",
    });
  });

  it("answers 1642 when the character's bucket is full (the Titan's kinetic slots)", async () => {
    const vaultKinetic = d.profile.items.find(
      (i) => i.where === "vault" && metaOf(i.itemHash).bucketHash === BucketHashes.KineticWeapons,
    ) as Item;
    const result = await act("TransferItem", {
      itemReferenceHash: vaultKinetic.itemHash,
      stackSize: 1,
      transferToVault: false,
      itemId: vaultKinetic.itemInstanceId,
      characterId: d.titan.characterId,
      membershipType: 3,
    });
    expect(result.body).toMatchObject({
      ErrorCode: 1642,
      ErrorStatus: "DestinyNoRoomInDestination",
    });
  });

  it("answers 1642 when the vault is full (fullVault)", async () => {
    const full = testSandbox({ fullVault: true });
    const fd = await demo(full.sandbox);
    expect(fd.profile.counts.vault).toBe(700);
    const item = fd.profile.items.find(
      (i) =>
        i.where === `inventory:${fd.hunter.characterId}` && metaOf(i.itemHash).kind === "armor",
    ) as Item;
    const result = await call(full.sandbox, "/Platform/Destiny2/Actions/Items/TransferItem/", {
      token: fd.token,
      body: {
        itemReferenceHash: item.itemHash,
        stackSize: 1,
        transferToVault: true,
        itemId: item.itemInstanceId,
        characterId: fd.hunter.characterId,
        membershipType: 3,
      },
    });
    expect(result.body.ErrorCode).toBe(1642);
  });

  it("says not found (1623) for another player's item, and 1620 for another player's character", async () => {
    const rival = await snapshot(env.sandbox, "rival");
    const theirs = instanced(rival.profiles[0]?.items ?? []).find((i) =>
      i.where.startsWith("inventory:"),
    ) as Item;
    const stolen = await act("TransferItem", {
      itemReferenceHash: theirs.itemHash,
      stackSize: 1,
      transferToVault: true,
      itemId: theirs.itemInstanceId,
      characterId: d.titan.characterId,
      membershipType: 3,
    });
    expect(stolen.body).toMatchObject({
      ErrorCode: 1623,
      ErrorStatus: "DestinyItemNotFound",
      Message: "The item requested was not found.",
    });
    tick();
    const theirCharacter = await act("EquipItem", {
      itemId: theirs.itemInstanceId,
      characterId: rival.profiles[0]?.characters[0]?.characterId,
      membershipType: 3,
    });
    expect(theirCharacter.body.ErrorCode).toBe(1620);
  });

  it("rejects a membershipType the player has no active profile on (1630)", async () => {
    const item = d.profile.items.find((i) => i.where.startsWith("inventory:")) as Item;
    // PlayStation is overridden by cross-save; Xbox was never played.
    for (const membershipType of [2, 1, 77]) {
      tick();
      const result = await act("SetLockState", {
        state: true,
        itemId: item.itemInstanceId,
        characterId: d.titan.characterId,
        membershipType,
      });
      expect(result.body.ErrorCode).toBe(1630);
    }
  });

  it("throttles a second action within 100 ms (36), then accepts after the interval", async () => {
    const item = d.profile.items.find(
      (i) =>
        i.itemInstanceId &&
        i.where.startsWith("inventory:") &&
        metaOf(i.itemHash).kind === "weapon",
    ) as Item;
    const body = {
      state: true,
      itemId: item.itemInstanceId,
      characterId: d.titan.characterId,
      membershipType: 3,
    };
    expect((await act("SetLockState", body)).body.ErrorCode).toBe(1);
    env.clock.now += 50;
    const throttled = await act("SetLockState", body);
    expect(throttled.status).toBe(429);
    expect(throttled.body).toMatchObject({
      ErrorCode: 36,
      ErrorStatus: "ThrottleLimitExceededMomentarily",
      Message: "Patience is a virtue! Please wait a moment before performing this action again.",
    });
    expect(throttled.body.ThrottleSeconds).toBeGreaterThan(0);
    env.clock.now += 60;
    expect((await act("SetLockState", body)).body.ErrorCode).toBe(1);
  });

  it("locks and unlocks, reflected in the state flag of the item component", async () => {
    const item = d.profile.items.find(
      (i) =>
        i.itemInstanceId &&
        !i.locked &&
        i.where.startsWith("inventory:") &&
        metaOf(i.itemHash).kind === "armor",
    ) as Item;
    const characterId = item.where.split(":")[1];
    await act("SetLockState", {
      state: true,
      itemId: item.itemInstanceId,
      characterId,
      membershipType: 3,
    });
    const read = async () => {
      const profile = await call<{
        characterInventories: {
          data: Record<string, { items: { itemInstanceId?: string; state: number }[] }>;
        };
      }>(env.sandbox, `/Platform/Destiny2/3/Profile/${d.profile.membershipId}/?components=201`, {
        token: d.token,
      });
      return profile.body.Response?.characterInventories.data[characterId as string]?.items.find(
        (i) => i.itemInstanceId === item.itemInstanceId,
      );
    };
    expect(((await read())?.state ?? 0) & 1).toBe(1);
    tick();
    await act("SetLockState", {
      state: false,
      itemId: item.itemInstanceId,
      characterId,
      membershipType: 3,
    });
    expect(((await read())?.state ?? 1) & 1).toBe(0);
  });

  it("equips, sending the previously equipped item back to the inventory", async () => {
    const bucket = BucketHashes.EnergyWeapons;
    const equippedBefore = d.profile.items.find(
      (i) =>
        i.where === `equipped:${d.warlock.characterId}` && metaOf(i.itemHash).bucketHash === bucket,
    ) as Item;
    const candidate = d.profile.items.find(
      (i) =>
        i.where === `inventory:${d.warlock.characterId}` &&
        metaOf(i.itemHash).bucketHash === bucket &&
        !metaOf(i.itemHash).exotic,
    ) as Item;
    const countInventory = (s: Snapshot) =>
      s.profiles[0]?.items.filter(
        (i) =>
          i.where === `inventory:${d.warlock.characterId}` &&
          metaOf(i.itemHash).bucketHash === bucket,
      ).length;
    const before = await snapshot(env.sandbox);
    const result = await act("EquipItem", {
      itemId: candidate.itemInstanceId,
      characterId: d.warlock.characterId,
      membershipType: 3,
    });
    expect(result.body.ErrorCode).toBe(1);
    const after = await snapshot(env.sandbox);
    const where = (id?: string) =>
      after.profiles[0]?.items.find((i) => i.itemInstanceId === id)?.where;
    expect(where(candidate.itemInstanceId)).toBe(`equipped:${d.warlock.characterId}`);
    expect(where(equippedBefore.itemInstanceId)).toBe(`inventory:${d.warlock.characterId}`);
    expect(countInventory(after)).toBe(countInventory(before));
  });

  it("refuses armour of another class (1640) and a second exotic weapon (1641)", async () => {
    // The Titan carries one piece of another class's armour (allowed; not equippable).
    const offClass = d.profile.items.find(
      (i) =>
        i.where === `inventory:${d.titan.characterId}` &&
        metaOf(i.itemHash).kind === "armor" &&
        metaOf(i.itemHash).classType !== 0,
    ) as Item;
    expect(offClass).toBeDefined();
    const wrongClass = await act("EquipItem", {
      itemId: offClass.itemInstanceId,
      characterId: d.titan.characterId,
      membershipType: 3,
    });
    expect(wrongClass.body).toMatchObject({
      ErrorCode: 1640,
      ErrorStatus: "DestinyItemUnequippable",
    });

    const equippedExotic = d.profile.items.find(
      (i) =>
        i.where === `equipped:${d.hunter.characterId}` &&
        metaOf(i.itemHash).kind === "weapon" &&
        metaOf(i.itemHash).exotic,
    ) as Item;
    const otherBucketExotic = d.profile.items.find(
      (i) =>
        i.where === "vault" &&
        metaOf(i.itemHash).kind === "weapon" &&
        metaOf(i.itemHash).exotic &&
        metaOf(i.itemHash).bucketHash !== metaOf(equippedExotic.itemHash).bucketHash,
    ) as Item;
    tick();
    // Make room if needed, then bring the exotic to the Hunter.
    const pulled = await act("TransferItem", {
      itemReferenceHash: otherBucketExotic.itemHash,
      stackSize: 1,
      transferToVault: false,
      itemId: otherBucketExotic.itemInstanceId,
      characterId: d.hunter.characterId,
      membershipType: 3,
    });
    if (pulled.body.ErrorCode === 1642) {
      const spare = d.profile.items.find(
        (i) =>
          i.where === `inventory:${d.hunter.characterId}` &&
          metaOf(i.itemHash).bucketHash === metaOf(otherBucketExotic.itemHash).bucketHash,
      ) as Item;
      tick();
      await act("TransferItem", {
        itemReferenceHash: spare.itemHash,
        stackSize: 1,
        transferToVault: true,
        itemId: spare.itemInstanceId,
        characterId: d.hunter.characterId,
        membershipType: 3,
      });
      tick();
      const retry = await act("TransferItem", {
        itemReferenceHash: otherBucketExotic.itemHash,
        stackSize: 1,
        transferToVault: false,
        itemId: otherBucketExotic.itemInstanceId,
        characterId: d.hunter.characterId,
        membershipType: 3,
      });
      expect(retry.body.ErrorCode).toBe(1);
    } else {
      expect(pulled.body.ErrorCode).toBe(1);
    }
    tick();
    const second = await act("EquipItem", {
      itemId: otherBucketExotic.itemInstanceId,
      characterId: d.hunter.characterId,
      membershipType: 3,
    });
    expect(second.body).toMatchObject({
      ErrorCode: 1641,
      ErrorStatus: "DestinyItemUniqueEquipRestricted",
    });
  });

  it("refuses to equip an item that is not in that character's inventory (1623)", async () => {
    const vaultItem = d.profile.items.find((i) => i.where === "vault" && i.itemInstanceId) as Item;
    const result = await act("EquipItem", {
      itemId: vaultItem.itemInstanceId,
      characterId: d.titan.characterId,
      membershipType: 3,
    });
    expect(result.body.ErrorCode).toBe(1623);
  });

  it("refuses to equip while the character is in an activity (1671), until it returns to orbit", async () => {
    const item = d.profile.items.find(
      (i) => i.where === `inventory:${d.hunter.characterId}` && metaOf(i.itemHash).kind === "ghost",
    ) as Item;
    await control(env.sandbox, "activity", { characterId: d.hunter.characterId, inActivity: true });
    const refused = await act("EquipItem", {
      itemId: item.itemInstanceId,
      characterId: d.hunter.characterId,
      membershipType: 3,
    });
    expect(refused.body).toMatchObject({
      ErrorCode: 1671,
      ErrorStatus: "DestinyCannotPerformActionAtThisLocation",
    });
    tick();
    const refusedMany = await act("EquipItems", {
      itemIds: [item.itemInstanceId],
      characterId: d.hunter.characterId,
      membershipType: 3,
    });
    expect(refusedMany.body.ErrorCode).toBe(1671);
    await control(env.sandbox, "activity", {
      characterId: d.hunter.characterId,
      inActivity: false,
    });
    tick();
    const accepted = await act("EquipItem", {
      itemId: item.itemInstanceId,
      characterId: d.hunter.characterId,
      membershipType: 3,
    });
    expect(accepted.body.ErrorCode).toBe(1);
  });

  it("EquipItems reports a status per item and ignores items not on the character", async () => {
    const ghost = d.profile.items.find(
      (i) => i.where === `inventory:${d.titan.characterId}` && metaOf(i.itemHash).kind === "ghost",
    ) as Item;
    const offClass = d.profile.items.find(
      (i) =>
        i.where === `inventory:${d.titan.characterId}` &&
        metaOf(i.itemHash).kind === "armor" &&
        metaOf(i.itemHash).classType !== 0,
    ) as Item;
    const vaultItem = d.profile.items.find((i) => i.where === "vault" && i.itemInstanceId) as Item;
    const result = await call<{ equipResults: { itemInstanceId: string; equipStatus: number }[] }>(
      env.sandbox,
      "/Platform/Destiny2/Actions/Items/EquipItems/",
      {
        token: d.token,
        body: {
          itemIds: [ghost.itemInstanceId, offClass.itemInstanceId, vaultItem.itemInstanceId],
          characterId: d.titan.characterId,
          membershipType: 3,
        },
      },
    );
    expect(result.body.ErrorCode).toBe(1);
    expect(result.body.Response?.equipResults).toEqual([
      { itemInstanceId: ghost.itemInstanceId, equipStatus: 1 },
      { itemInstanceId: offClass.itemInstanceId, equipStatus: 1640 },
    ]);
  });

  it("pulls from the postmaster into the character's bucket or the account bucket for stacks", async () => {
    const postmaster = d.profile.items.filter(
      (i) => i.where === `postmaster:${d.titan.characterId}`,
    );
    expect(postmaster.length).toBe(17);
    const stack = postmaster.find((i) => !i.itemInstanceId) as Item;
    const before = await snapshot(env.sandbox);
    const partial = Math.max(1, stack.quantity - 1);
    const result = await act("PullFromPostmaster", {
      itemReferenceHash: stack.itemHash,
      stackSize: partial,
      itemId: "0",
      characterId: d.titan.characterId,
      membershipType: 3,
    });
    expect(result.body.ErrorCode).toBe(1);
    const after = await snapshot(env.sandbox);
    // Quantities are conserved.
    expect(after.profiles[0]?.stackTotals).toEqual(before.profiles[0]?.stackTotals);
    const left = after.profiles[0]?.items
      .filter(
        (i) => i.where === `postmaster:${d.titan.characterId}` && i.itemHash === stack.itemHash,
      )
      .reduce((s, i) => s + i.quantity, 0);
    const leftBefore = postmaster
      .filter((i) => i.itemHash === stack.itemHash)
      .reduce((s, i) => s + i.quantity, 0);
    expect(left).toBe(leftBefore - partial);

    tick();
    const tooMany = await act("PullFromPostmaster", {
      itemReferenceHash: stack.itemHash,
      stackSize: 100_000,
      itemId: "0",
      characterId: d.titan.characterId,
      membershipType: 3,
    });
    expect(tooMany.body.ErrorCode).toBe(1623);

    // An instanced weapon into the Titan's full kinetic bucket: no room; into another bucket: fine.
    const kinetic = postmaster.find(
      (i) => i.itemInstanceId && metaOf(i.itemHash).bucketHash === BucketHashes.KineticWeapons,
    );
    if (kinetic) {
      tick();
      const full = await act("PullFromPostmaster", {
        itemReferenceHash: kinetic.itemHash,
        stackSize: 1,
        itemId: kinetic.itemInstanceId,
        characterId: d.titan.characterId,
        membershipType: 3,
      });
      expect(full.body.ErrorCode).toBe(1642);
    }
  });

  it("moves stacks by hash with itemId 0, splitting and merging, and refuses more than held", async () => {
    const stack = d.profile.items.find((i) => i.where === "profile" && i.quantity >= 4) as Item;
    const before = await snapshot(env.sandbox);
    const body = (stackSize: number, transferToVault: boolean) => ({
      itemReferenceHash: stack.itemHash,
      stackSize,
      transferToVault,
      itemId: "0",
      characterId: d.titan.characterId,
      membershipType: 3,
    });
    expect((await act("TransferItem", body(2, true))).body.ErrorCode).toBe(1);
    let after = await snapshot(env.sandbox);
    const held = (s: Snapshot, where: string) =>
      s.profiles[0]?.items
        .filter((i) => i.itemHash === stack.itemHash && i.where === where)
        .reduce((n, i) => n + i.quantity, 0) ?? 0;
    expect(held(after, "profile")).toBe(held(before, "profile") - 2);
    expect(held(after, "vault")).toBe(held(before, "vault") + 2);
    tick();
    const tooMuch = await act("TransferItem", body(held(after, "vault") + 1, false));
    expect(tooMuch.body.ErrorCode).toBe(1623);
    tick();
    expect((await act("TransferItem", body(2, false))).body.ErrorCode).toBe(1);
    after = await snapshot(env.sandbox);
    expect(after.profiles[0]?.stackTotals).toEqual(before.profiles[0]?.stackTotals);
    expect(held(after, "vault")).toBe(held(before, "vault"));
  });

  it("requires a signed-in user (99) and answers Response 0 on action errors", async () => {
    const result = await call(env.sandbox, "/Platform/Destiny2/Actions/Items/EquipItem/", {
      body: { itemId: "1", characterId: d.titan.characterId, membershipType: 3 },
    });
    expect(result.status).toBe(401);
    expect(result.body).toMatchObject({
      Response: 0,
      ErrorCode: 99,
      ErrorStatus: "WebAuthRequired",
      Message: "Please sign-in to continue.",
    });
  });

  it("keeps transferStatus, location, bucketHash and isEquipped/canEquip consistent after actions", async () => {
    const candidate = d.profile.items.find(
      (i) => i.where === `inventory:${d.hunter.characterId}` && metaOf(i.itemHash).kind === "ship",
    ) as Item;
    await act("EquipItem", {
      itemId: candidate.itemInstanceId,
      characterId: d.hunter.characterId,
      membershipType: 3,
    });
    const profile = await call<Record<string, { data: Record<string, unknown> }>>(
      env.sandbox,
      `/Platform/Destiny2/3/Profile/${d.profile.membershipId}/?components=102,201,205,300`,
      { token: d.token },
    );
    const r = profile.body.Response as unknown as {
      profileInventory: {
        data: {
          items: {
            itemInstanceId?: string;
            location: number;
            bucketHash: number;
            transferStatus: number;
          }[];
        };
      };
      characterInventories: {
        data: Record<
          string,
          {
            items: {
              itemInstanceId?: string;
              location: number;
              bucketHash: number;
              transferStatus: number;
            }[];
          }
        >;
      };
      characterEquipment: {
        data: Record<
          string,
          { items: { itemInstanceId?: string; location: number; transferStatus: number }[] }
        >;
      };
      itemComponents: {
        instances: { data: Record<string, { isEquipped: boolean; canEquip: boolean }> };
      };
    };
    const instances = r.itemComponents.instances.data;
    for (const item of r.profileInventory.data.items) {
      // The vault (location 2, General bucket) and the account-wide buckets (location 1).
      expect(item.location === 2).toBe(item.bucketHash === BucketHashes.General);
      if (item.location !== 2)
        expect([BucketHashes.Consumables, BucketHashes.Modifications]).toContain(item.bucketHash);
      if (item.itemInstanceId) expect(instances[item.itemInstanceId]?.isEquipped).toBe(false);
    }
    for (const equipment of Object.values(r.characterEquipment.data)) {
      for (const item of equipment.items) {
        expect(item.transferStatus & 1).toBe(1);
        expect(instances[item.itemInstanceId as string]).toMatchObject({
          isEquipped: true,
          canEquip: true,
        });
      }
    }
    for (const inventory of Object.values(r.characterInventories.data)) {
      for (const item of inventory.items) {
        expect(item.transferStatus & 1).toBe(0);
        expect([1, 4]).toContain(item.location);
        if (item.location === 4) expect(item.bucketHash).toBe(BucketHashes.LostItems);
        if (item.itemInstanceId) expect(instances[item.itemInstanceId]?.isEquipped).toBe(false);
      }
    }
    const shipNow = Object.values(r.characterEquipment.data)
      .flatMap((e) => e.items)
      .find((i) => i.itemInstanceId === candidate.itemInstanceId);
    expect(shipNow).toBeDefined();
  });
});
