import { beforeEach, describe, expect, it } from "vitest";
import { BucketHashes, CHARACTER_BUCKET_CAPACITY, VAULT_CAPACITY } from "@/lib/destiny/buckets";
import {
  planEquip,
  planEquipSet,
  planLock,
  planMove,
  planPull,
  type PlanResult,
} from "@/lib/destiny/move-planner";
import {
  applyStep,
  describePlace,
  findItem,
  type PlanStep,
  type PlannerState,
} from "@/lib/destiny/planner-state";
import {
  HUNTER,
  TITAN,
  WARLOCK,
  equippedWeapons,
  exoticArmor,
  exoticWeapon,
  fill,
  gear,
  resetIds,
  stack,
  vaultFill,
  world,
} from "./planner-fixtures";

beforeEach(resetIds);

function ok(result: PlanResult) {
  if (!result.ok) throw new Error(`expected a plan, got refusal: ${result.message}`);
  return result;
}

/** "transfer:toVault:<char>:<item name>" lines, easy to compare. */
function script(state: PlannerState, steps: PlanStep[]): string[] {
  let current = state;
  const lines: string[] = [];
  for (const step of steps) {
    const name = (key: string) => findItem(current, key)?.name ?? key;
    const who = (id: string) => current.characters.find((c) => c.characterId === id)?.name;
    switch (step.kind) {
      case "transfer":
        lines.push(
          `${step.toVault ? "vault<-" : "vault->"}${who(step.characterId)} ${name(step.itemKey)} (${step.why})`,
        );
        break;
      case "pull":
        lines.push(`pull ${who(step.characterId)} ${name(step.itemKey)}`);
        break;
      case "equip":
        lines.push(`equip ${who(step.characterId)} ${name(step.itemKey)} (${step.why})`);
        break;
      case "equip-set":
        lines.push(`equip-set ${who(step.characterId)} ${step.itemKeys.map(name).join(", ")}`);
        break;
      case "lock":
        lines.push(`${step.locked ? "lock" : "unlock"} ${name(step.itemKey)}`);
        break;
    }
    current = applyStep(current, step);
  }
  return lines;
}

function where(state: PlannerState, key: string) {
  const item = findItem(state, key);
  return item ? describePlace(state, item) : "gone";
}

describe("planMove: vault and characters", () => {
  it("moves a vault item to a character in one transfer", () => {
    const ace = gear("Ace of Spades", { location: "vault" });
    const state = world([...equippedWeapons(HUNTER), ace]);
    const plan = ok(
      planMove(state, { itemKey: ace.key, to: { kind: "character", characterId: HUNTER } }),
    );
    expect(script(state, plan.steps)).toEqual(["vault->Hunter Ace of Spades (requested)"]);
    expect(plan.steps[0]).toMatchObject({
      kind: "transfer",
      toVault: false,
      characterId: HUNTER,
      itemInstanceId: ace.itemInstanceId,
      stackSize: 1,
    });
    expect(where(plan.result, ace.key)).toBe("on your Hunter");
    expect(plan.notices).toEqual([]);
  });

  it("moves an unequipped item to the vault in one transfer", () => {
    const item = gear("Bygones", { location: "inventory", ownerCharacterId: TITAN });
    const state = world([...equippedWeapons(TITAN), item]);
    const plan = ok(planMove(state, { itemKey: item.key, to: { kind: "vault" } }));
    expect(script(state, plan.steps)).toEqual(["vault<-Titan Bygones (requested)"]);
    expect(where(plan.result, item.key)).toBe("in the vault");
  });

  it("goes through the vault from one character to another (two transfers)", () => {
    const item = gear("Bygones", { location: "inventory", ownerCharacterId: TITAN });
    const state = world([...equippedWeapons(TITAN), ...equippedWeapons(WARLOCK), item]);
    const plan = ok(
      planMove(state, { itemKey: item.key, to: { kind: "character", characterId: WARLOCK } }),
    );
    expect(script(state, plan.steps)).toEqual([
      "vault<-Titan Bygones (via-vault)",
      "vault->Warlock Bygones (requested)",
    ]);
    expect(where(plan.result, item.key)).toBe("on your Warlock");
  });

  it("refuses a move to where the item already is", () => {
    const item = gear("Bygones", { location: "vault" });
    const result = planMove(world([item]), { itemKey: item.key, to: { kind: "vault" } });
    expect(result).toMatchObject({ ok: false, code: "already-there" });
    expect(result.ok ? "" : result.message).toBe("Bygones is already in the vault.");
  });

  it("refuses items and characters that are not the player's", () => {
    const item = gear("Bygones", { location: "vault" });
    const state = world([item]);
    expect(
      planMove(state, { itemKey: "6917529999999999999", to: { kind: "vault" } }),
    ).toMatchObject({ ok: false, code: "not-found" });
    expect(
      planMove(state, { itemKey: item.key, to: { kind: "character", characterId: "42" } }),
    ).toMatchObject({ ok: false, code: "unknown-character" });
  });

  it("refuses to move an item that can't be transferred, and changes nothing", () => {
    const subclass = gear("Arcstrider", {
      location: "inventory",
      ownerCharacterId: HUNTER,
      bucketHash: BucketHashes.Subclass,
      transferable: false,
    });
    const result = planMove(world([subclass]), { itemKey: subclass.key, to: { kind: "vault" } });
    expect(result).toMatchObject({ ok: false, code: "not-transferable" });
  });
});

describe("planMove: equipped items", () => {
  it("equips the best other item of the bucket before moving an equipped one", () => {
    const [kinetic, ...rest] = equippedWeapons(TITAN);
    const weak = gear("Weak", { location: "inventory", ownerCharacterId: TITAN, power: 400 });
    const strong = gear("Strong", { location: "inventory", ownerCharacterId: TITAN, power: 540 });
    const state = world([kinetic!, ...rest, weak, strong]);
    const plan = ok(planMove(state, { itemKey: kinetic!.key, to: { kind: "vault" } }));
    expect(script(state, plan.steps)).toEqual([
      "equip Titan Strong (replacement)",
      "vault<-Titan Kinetic On (requested)",
    ]);
    expect(where(plan.result, strong.key)).toBe("equipped on your Titan");
    expect(plan.notices).toEqual(["Equipped Strong on your Titan in place of Kinetic On."]);
  });

  it("brings a replacement from the vault when the character has none", () => {
    const [kinetic] = equippedWeapons(TITAN);
    const spare = gear("Spare", { location: "vault" });
    const state = world([kinetic!, spare]);
    const plan = ok(
      planMove(state, { itemKey: kinetic!.key, to: { kind: "character", characterId: HUNTER } }),
    );
    expect(script(state, plan.steps)).toEqual([
      "vault->Titan Spare (requested)",
      "equip Titan Spare (replacement)",
      "vault<-Titan Kinetic On (via-vault)",
      "vault->Hunter Kinetic On (requested)",
    ]);
  });

  it("never replaces with an exotic that would clash with another equipped exotic", () => {
    const [kinetic] = equippedWeapons(TITAN);
    const exoticEnergy = exoticWeapon("Riskrunner", {
      location: "equipped",
      ownerCharacterId: TITAN,
      bucketHash: BucketHashes.EnergyWeapons,
    });
    const exoticSpare = exoticWeapon("Thorn", {
      location: "inventory",
      ownerCharacterId: TITAN,
      power: 550,
    });
    const legendarySpare = gear("Legendary Spare", {
      location: "inventory",
      ownerCharacterId: TITAN,
      power: 350,
    });
    const state = world([kinetic!, exoticEnergy, exoticSpare, legendarySpare]);
    const plan = ok(planMove(state, { itemKey: kinetic!.key, to: { kind: "vault" } }));
    expect(script(state, plan.steps)[0]).toBe("equip Titan Legendary Spare (replacement)");
  });

  it("refuses when nothing can take the equipped item's place", () => {
    const [kinetic] = equippedWeapons(TITAN);
    const result = planMove(world([kinetic!]), { itemKey: kinetic!.key, to: { kind: "vault" } });
    expect(result).toMatchObject({ ok: false, code: "no-replacement" });
    expect(result.ok ? "" : result.message).toBe(
      "Kinetic On is equipped on your Titan and there is nothing to equip in its place.",
    );
  });

  it("explains that swapping gear needs orbit when the character is in an activity", () => {
    const [kinetic] = equippedWeapons(TITAN);
    const spare = gear("Spare", { location: "inventory", ownerCharacterId: TITAN });
    const result = planMove(world([kinetic!, spare], { [TITAN]: true }), {
      itemKey: kinetic!.key,
      to: { kind: "vault" },
    });
    expect(result).toMatchObject({ ok: false, code: "in-activity" });
    expect(result.ok ? "" : result.message).toContain(
      "equipping works only in orbit, a social space or offline",
    );
  });

  it("still moves unequipped items while the character is in an activity", () => {
    const spare = gear("Spare", { location: "inventory", ownerCharacterId: TITAN });
    const plan = planMove(world([spare], { [TITAN]: true }), {
      itemKey: spare.key,
      to: { kind: "vault" },
    });
    expect(plan.ok).toBe(true);
  });
});

describe("full buckets", () => {
  it("moves the least valuable unlocked item of a full bucket to the vault, and says so", () => {
    const incoming = gear("Incoming", { location: "vault" });
    const full = fill(HUNTER, BucketHashes.KineticWeapons, CHARACTER_BUCKET_CAPACITY);
    // The lowest-power filler is locked, and a blue is less valuable than any legendary.
    full[0]!.locked = true;
    full[5]!.rarity = 4;
    full[5]!.name = "Blue Junk";
    const state = world([...equippedWeapons(HUNTER), ...full, incoming]);
    const plan = ok(
      planMove(state, { itemKey: incoming.key, to: { kind: "character", characterId: HUNTER } }),
    );
    expect(script(state, plan.steps)).toEqual([
      "vault<-Hunter Blue Junk (make-room)",
      "vault->Hunter Incoming (requested)",
    ]);
    expect(plan.notices).toEqual([
      "Your Hunter was full there: moved Blue Junk to the vault to make room.",
    ]);
    expect(where(plan.result, full[5]!.key)).toBe("in the vault");
  });

  it("prefers non-masterworked, then lower power, among items of one rarity", () => {
    const full = fill(HUNTER, BucketHashes.KineticWeapons, CHARACTER_BUCKET_CAPACITY);
    full[0]!.masterwork = true; // lowest power, but masterworked
    const incoming = gear("Incoming", { location: "vault" });
    const plan = ok(
      planMove(world([...full, incoming]), {
        itemKey: incoming.key,
        to: { kind: "character", characterId: HUNTER },
      }),
    );
    expect(plan.steps[0]).toMatchObject({ itemKey: full[1]!.key, why: "make-room" });
  });

  it("never moves an equipped item aside, and refuses when every other item is locked", () => {
    const full = fill(HUNTER, BucketHashes.KineticWeapons, CHARACTER_BUCKET_CAPACITY, {
      locked: true,
    });
    const incoming = gear("Incoming", { location: "vault" });
    const state = world([...equippedWeapons(HUNTER), ...full, incoming]);
    const result = planMove(state, {
      itemKey: incoming.key,
      to: { kind: "character", characterId: HUNTER },
    });
    expect(result).toMatchObject({ ok: false, code: "no-room" });
    expect(result.ok ? "" : result.message).toContain("every item in it is locked");
  });

  it("makes room in the destination first when moving character to character", () => {
    const item = gear("Traveller", { location: "inventory", ownerCharacterId: TITAN });
    const full = fill(WARLOCK, BucketHashes.KineticWeapons, CHARACTER_BUCKET_CAPACITY);
    const state = world([item, ...full]);
    const plan = ok(
      planMove(state, { itemKey: item.key, to: { kind: "character", characterId: WARLOCK } }),
    );
    expect(script(state, plan.steps)).toEqual([
      "vault<-Warlock Filler 1 (make-room)",
      "vault<-Titan Traveller (via-vault)",
      "vault->Warlock Traveller (requested)",
    ]);
  });

  it("frees a vault slot by moving its least valuable item to a character with room", () => {
    const vault = vaultFill(VAULT_CAPACITY, { power: 500 });
    vault[10]!.power = 350;
    vault[10]!.name = "Weakest Vaulted";
    const item = gear("Going In", { location: "inventory", ownerCharacterId: TITAN });
    const state = world([item, ...vault]);
    const plan = ok(planMove(state, { itemKey: item.key, to: { kind: "vault" } }));
    expect(script(state, plan.steps)).toEqual([
      "vault->Titan Weakest Vaulted (make-room)",
      "vault<-Titan Going In (requested)",
    ]);
    expect(plan.notices[0]).toBe(
      "The vault was full: moved Weakest Vaulted to your Titan to make room.",
    );
  });

  it("refuses when the vault is full of locked items", () => {
    const vault = vaultFill(VAULT_CAPACITY, { locked: true });
    const item = gear("Going In", { location: "inventory", ownerCharacterId: TITAN });
    const result = planMove(world([item, ...vault]), { itemKey: item.key, to: { kind: "vault" } });
    expect(result).toMatchObject({ ok: false, code: "no-room" });
  });

  it("handles a full destination bucket and a full vault together", () => {
    const vault = vaultFill(VAULT_CAPACITY, { bucketHash: BucketHashes.EnergyWeapons });
    const full = fill(WARLOCK, BucketHashes.KineticWeapons, CHARACTER_BUCKET_CAPACITY);
    const item = gear("Traveller", { location: "inventory", ownerCharacterId: TITAN });
    const state = world([item, ...full, ...vault]);
    const plan = ok(
      planMove(state, { itemKey: item.key, to: { kind: "character", characterId: WARLOCK } }),
    );
    // Every step is legal in order: the simulated vault never exceeds its capacity.
    let current = state;
    for (const step of plan.steps) {
      current = applyStep(current, step);
      expect(current.items.filter((i) => i.location === "vault").length).toBeLessThanOrEqual(
        VAULT_CAPACITY,
      );
    }
    expect(where(plan.result, item.key)).toBe("on your Warlock");
    expect(plan.notices.length).toBeGreaterThanOrEqual(2);
  });
});

describe("planEquip", () => {
  it("equips an item already on the character in one call", () => {
    const item = gear("Spare", { location: "inventory", ownerCharacterId: HUNTER });
    const state = world([...equippedWeapons(HUNTER), item]);
    const plan = ok(planEquip(state, { itemKey: item.key, characterId: HUNTER }));
    expect(script(state, plan.steps)).toEqual(["equip Hunter Spare (requested)"]);
    expect(where(plan.result, item.key)).toBe("equipped on your Hunter");
    expect(where(plan.result, equippedWeapons.length ? state.items[0]!.key : "")).toBe(
      "on your Hunter",
    );
  });

  it("brings an item from the vault, then equips it (two calls)", () => {
    const item = gear("From Vault", { location: "vault" });
    const state = world([...equippedWeapons(HUNTER), item]);
    const plan = ok(planEquip(state, { itemKey: item.key, characterId: HUNTER }));
    expect(script(state, plan.steps)).toEqual([
      "vault->Hunter From Vault (requested)",
      "equip Hunter From Vault (requested)",
    ]);
  });

  it("brings an item equipped on another character through the vault", () => {
    const [kinetic, ...rest] = equippedWeapons(TITAN);
    const spare = gear("Titan Spare", { location: "inventory", ownerCharacterId: TITAN });
    const state = world([kinetic!, ...rest, spare, ...equippedWeapons(WARLOCK)]);
    const plan = ok(planEquip(state, { itemKey: kinetic!.key, characterId: WARLOCK }));
    expect(script(state, plan.steps)).toEqual([
      "equip Titan Titan Spare (replacement)",
      "vault<-Titan Kinetic On (via-vault)",
      "vault->Warlock Kinetic On (requested)",
      "equip Warlock Kinetic On (requested)",
    ]);
  });

  it("refuses to equip while the character is in an activity, before moving anything", () => {
    const item = gear("From Vault", { location: "vault" });
    const result = planEquip(world([item], { [HUNTER]: true }), {
      itemKey: item.key,
      characterId: HUNTER,
    });
    expect(result).toMatchObject({ ok: false, code: "in-activity" });
    expect(result.ok ? "" : result.message).toBe(
      "Your Hunter is in an activity: equipping works only in orbit, a social space or offline. Go to orbit and try again.",
    );
  });

  it("refuses armour of another class, and class items of another class", () => {
    const bond = gear("Warlock Bond", {
      location: "vault",
      classType: 2,
      bucketHash: BucketHashes.ClassArmor,
    });
    const helmet = gear("Titan Helm", {
      location: "inventory",
      ownerCharacterId: HUNTER,
      classType: 0,
      bucketHash: BucketHashes.Helmet,
    });
    const state = world([bond, helmet]);
    const one = planEquip(state, { itemKey: bond.key, characterId: HUNTER });
    expect(one).toMatchObject({ ok: false, code: "wrong-class" });
    expect(one.ok ? "" : one.message).toBe(
      "Warlock Bond is Warlock gear: your Hunter can't equip it.",
    );
    expect(planEquip(state, { itemKey: helmet.key, characterId: HUNTER })).toMatchObject({
      ok: false,
      code: "wrong-class",
    });
    expect(planEquip(state, { itemKey: bond.key, characterId: WARLOCK }).ok).toBe(true);
  });

  it("lets off-class armour sit in any inventory (the game allows it), just not be equipped", () => {
    const bond = gear("Warlock Bond", {
      location: "vault",
      classType: 2,
      bucketHash: BucketHashes.ClassArmor,
    });
    const plan = planMove(world([bond]), {
      itemKey: bond.key,
      to: { kind: "character", characterId: HUNTER },
    });
    expect(plan.ok).toBe(true);
  });

  it("refuses what is already equipped there, and what can't be equipped", () => {
    const [kinetic] = equippedWeapons(HUNTER);
    const glimmerish = stack("Enhancement Prism", 555, 5, { location: "vault" });
    const state = world([kinetic!, glimmerish]);
    expect(planEquip(state, { itemKey: kinetic!.key, characterId: HUNTER })).toMatchObject({
      ok: false,
      code: "already-there",
    });
    expect(planEquip(state, { itemKey: glimmerish.key, characterId: HUNTER })).toMatchObject({
      ok: false,
      code: "not-equippable",
    });
  });
});

describe("exotics", () => {
  it("swaps another equipped exotic weapon for a non-exotic before equipping one", () => {
    const riskrunner = exoticWeapon("Riskrunner", {
      location: "equipped",
      ownerCharacterId: HUNTER,
      bucketHash: BucketHashes.EnergyWeapons,
    });
    const legendaryEnergy = gear("Legendary Energy", {
      location: "inventory",
      ownerCharacterId: HUNTER,
      bucketHash: BucketHashes.EnergyWeapons,
    });
    const ace = exoticWeapon("Ace of Spades", { location: "vault" });
    const kinetic = gear("Kinetic On", { location: "equipped", ownerCharacterId: HUNTER });
    const state = world([riskrunner, legendaryEnergy, ace, kinetic]);
    const plan = ok(planEquip(state, { itemKey: ace.key, characterId: HUNTER }));
    expect(script(state, plan.steps)).toEqual([
      "vault->Hunter Ace of Spades (requested)",
      "equip Hunter Legendary Energy (exotic-swap)",
      "equip Hunter Ace of Spades (requested)",
    ]);
    expect(plan.notices).toEqual([
      "Only one exotic of a kind can be equipped: swapped Riskrunner for Legendary Energy on your Hunter.",
    ]);
    expect(where(plan.result, riskrunner.key)).toBe("on your Hunter");
  });

  it("never swaps in another exotic, and brings a non-exotic from the vault if needed", () => {
    const riskrunner = exoticWeapon("Riskrunner", {
      location: "equipped",
      ownerCharacterId: HUNTER,
      bucketHash: BucketHashes.EnergyWeapons,
    });
    const otherExotic = exoticWeapon("Sunshot", {
      location: "inventory",
      ownerCharacterId: HUNTER,
      bucketHash: BucketHashes.EnergyWeapons,
    });
    const vaultedEnergy = gear("Vaulted Energy", {
      location: "vault",
      bucketHash: BucketHashes.EnergyWeapons,
    });
    const ace = exoticWeapon("Ace of Spades", { location: "inventory", ownerCharacterId: HUNTER });
    const state = world([riskrunner, otherExotic, vaultedEnergy, ace]);
    const plan = ok(planEquip(state, { itemKey: ace.key, characterId: HUNTER }));
    expect(script(state, plan.steps)).toEqual([
      "vault->Hunter Vaulted Energy (requested)",
      "equip Hunter Vaulted Energy (exotic-swap)",
      "equip Hunter Ace of Spades (requested)",
    ]);
  });

  it("replaces an exotic in the same slot directly (no swap needed)", () => {
    const thorn = exoticWeapon("Thorn", { location: "equipped", ownerCharacterId: HUNTER });
    const ace = exoticWeapon("Ace of Spades", { location: "inventory", ownerCharacterId: HUNTER });
    const state = world([thorn, ace]);
    const plan = ok(planEquip(state, { itemKey: ace.key, characterId: HUNTER }));
    expect(script(state, plan.steps)).toEqual(["equip Hunter Ace of Spades (requested)"]);
  });

  it("treats exotic armour apart from exotic weapons", () => {
    const celestial = exoticArmor("Celestial Nighthawk", 1, {
      location: "equipped",
      ownerCharacterId: HUNTER,
    });
    const ace = exoticWeapon("Ace of Spades", { location: "inventory", ownerCharacterId: HUNTER });
    const state = world([celestial, ace]);
    const plan = ok(planEquip(state, { itemKey: ace.key, characterId: HUNTER }));
    expect(plan.steps).toHaveLength(1);
  });

  it("swaps exotic armour in another slot for a legendary of the character's class", () => {
    const helm = exoticArmor("Celestial Nighthawk", 1, {
      location: "equipped",
      ownerCharacterId: HUNTER,
    });
    const titanHelm = gear("Titan Helm", {
      location: "inventory",
      ownerCharacterId: HUNTER,
      classType: 0,
      bucketHash: BucketHashes.Helmet,
      power: 550,
    });
    const hunterHelm = gear("Hunter Helm", {
      location: "inventory",
      ownerCharacterId: HUNTER,
      classType: 1,
      bucketHash: BucketHashes.Helmet,
    });
    const boots = exoticArmor("Lucky Pants", 1, {
      location: "vault",
      bucketHash: BucketHashes.LegArmor,
    });
    const state = world([helm, titanHelm, hunterHelm, boots]);
    const plan = ok(planEquip(state, { itemKey: boots.key, characterId: HUNTER }));
    expect(script(state, plan.steps)).toEqual([
      "vault->Hunter Lucky Pants (requested)",
      "equip Hunter Hunter Helm (exotic-swap)",
      "equip Hunter Lucky Pants (requested)",
    ]);
  });

  it("refuses when no non-exotic can take the other exotic's place", () => {
    const riskrunner = exoticWeapon("Riskrunner", {
      location: "equipped",
      ownerCharacterId: HUNTER,
      bucketHash: BucketHashes.EnergyWeapons,
    });
    const ace = exoticWeapon("Ace of Spades", { location: "vault" });
    const result = planEquip(world([riskrunner, ace]), { itemKey: ace.key, characterId: HUNTER });
    expect(result).toMatchObject({ ok: false, code: "exotic-conflict" });
    expect(result.ok ? "" : result.message).toContain("Riskrunner is already equipped");
  });
});

describe("postmaster", () => {
  it("pulls an item to the character whose postmaster holds it", () => {
    const lost = gear("Lost Rifle", { location: "postmaster", ownerCharacterId: TITAN });
    const state = world([lost]);
    const plan = ok(planPull(state, { itemKey: lost.key }));
    expect(script(state, plan.steps)).toEqual(["pull Titan Lost Rifle"]);
    expect(where(plan.result, lost.key)).toBe("on your Titan");
  });

  it("makes room before pulling into a full bucket", () => {
    const lost = gear("Lost Rifle", { location: "postmaster", ownerCharacterId: TITAN });
    const full = fill(TITAN, BucketHashes.KineticWeapons, CHARACTER_BUCKET_CAPACITY);
    const state = world([lost, ...full]);
    const plan = ok(planPull(state, { itemKey: lost.key }));
    expect(script(state, plan.steps)).toEqual([
      "vault<-Titan Filler 1 (make-room)",
      "pull Titan Lost Rifle",
    ]);
  });

  it("pulls first, then goes through the vault to reach another character", () => {
    const lost = gear("Lost Rifle", { location: "postmaster", ownerCharacterId: TITAN });
    const state = world([lost]);
    const plan = ok(
      planMove(state, { itemKey: lost.key, to: { kind: "character", characterId: HUNTER } }),
    );
    expect(script(state, plan.steps)).toEqual([
      "pull Titan Lost Rifle",
      "vault<-Titan Lost Rifle (via-vault)",
      "vault->Hunter Lost Rifle (requested)",
    ]);
  });

  it("pulls then equips a postmaster item", () => {
    const lost = gear("Lost Rifle", { location: "postmaster", ownerCharacterId: TITAN });
    const plan = ok(planEquip(world([lost]), { itemKey: lost.key, characterId: TITAN }));
    expect(plan.steps.map((s) => s.kind)).toEqual(["pull", "equip"]);
  });

  it("refuses to pull what is not at the postmaster", () => {
    const item = gear("Rifle", { location: "vault" });
    expect(planPull(world([item]), { itemKey: item.key })).toMatchObject({
      ok: false,
      code: "not-at-postmaster",
    });
  });

  it("pulls a stack into the account-wide bucket, merging with the stack there", () => {
    const lost = stack("Glimmer Boost", 777, 3, {
      location: "postmaster",
      ownerCharacterId: TITAN,
    });
    const existing = stack("Glimmer Boost", 777, 10, { location: "inventory" });
    const state = world([lost, existing]);
    const plan = ok(planPull(state, { itemKey: lost.key }));
    expect(plan.steps[0]).toMatchObject({ kind: "pull", stackSize: 3, itemInstanceId: null });
    const stacks = plan.result.items.filter((i) => i.itemHash === 777);
    expect(stacks).toEqual([
      expect.objectContaining({ quantity: 13, location: "inventory", ownerCharacterId: null }),
    ]);
  });
});

describe("stacks", () => {
  it("moves part of a stack to the vault and merges it with the vault's stack", () => {
    const mine = stack("Enhancement Prism", 555, 20, { location: "inventory" });
    const vaulted = stack("Enhancement Prism", 555, 5, { location: "vault" });
    const state = world([mine, vaulted]);
    const plan = ok(planMove(state, { itemKey: mine.key, to: { kind: "vault" }, quantity: 7 }));
    // Account-wide stacks use the acting character (the first by default) for the call.
    expect(plan.steps).toEqual([
      expect.objectContaining({
        kind: "transfer",
        toVault: true,
        stackSize: 7,
        itemInstanceId: null,
        characterId: TITAN,
      }),
    ]);
    const after = plan.result.items.filter((i) => i.itemHash === 555);
    expect(after.map((i) => [i.location, i.quantity])).toEqual([
      ["inventory", 13],
      ["vault", 12],
    ]);
  });

  it("starts a new stack when the destination stack is at its maximum", () => {
    const mine = stack("Enhancement Prism", 555, 50, { location: "inventory" });
    const vaulted = stack("Enhancement Prism", 555, 90, { location: "vault" });
    const plan = ok(
      planMove(world([mine, vaulted]), { itemKey: mine.key, to: { kind: "vault" } }),
      // The acting character can be chosen.
    );
    const vault = plan.result.items.filter((i) => i.location === "vault");
    expect(vault.map((i) => i.quantity)).toEqual([99, 41]);
    expect(new Set(vault.map((i) => i.key)).size).toBe(2);
    expect(plan.result.items.some((i) => i.location === "inventory")).toBe(false);
  });

  it("uses the acting character given for account-wide stacks", () => {
    const mine = stack("Enhancement Prism", 555, 5, { location: "inventory" });
    const plan = ok(
      planMove(
        world([mine]),
        { itemKey: mine.key, to: { kind: "vault" } },
        {
          actingCharacterId: WARLOCK,
        },
      ),
    );
    expect(plan.steps[0]).toMatchObject({ characterId: WARLOCK });
  });

  it("brings a vault stack back to the account-wide bucket", () => {
    const vaulted = stack("Enhancement Prism", 555, 5, { location: "vault" });
    const plan = ok(
      planMove(world([vaulted]), {
        itemKey: vaulted.key,
        to: { kind: "character", characterId: HUNTER },
      }),
    );
    expect(plan.steps[0]).toMatchObject({ toVault: false, characterId: HUNTER, stackSize: 5 });
    expect(plan.result.items[0]).toMatchObject({ location: "inventory", ownerCharacterId: null });
  });

  it("never moves stacks aside to make room", () => {
    const vault = [
      ...vaultFill(VAULT_CAPACITY - 1, { locked: true }),
      stack("Prism", 555, 5, { location: "vault" }),
    ];
    const item = gear("Going In", { location: "inventory", ownerCharacterId: TITAN });
    expect(
      planMove(world([item, ...vault]), { itemKey: item.key, to: { kind: "vault" } }),
    ).toMatchObject({ ok: false, code: "no-room" });
  });
});

describe("planLock", () => {
  it("locks an item on its holder, and a vaulted one through the acting character", () => {
    const held = gear("Held", { location: "inventory", ownerCharacterId: WARLOCK });
    const vaulted = gear("Vaulted", { location: "vault" });
    const state = world([held, vaulted]);
    expect(ok(planLock(state, { itemKey: held.key, locked: true })).steps[0]).toMatchObject({
      kind: "lock",
      characterId: WARLOCK,
      locked: true,
    });
    const plan = ok(
      planLock(state, { itemKey: vaulted.key, locked: true }, { actingCharacterId: HUNTER }),
    );
    expect(plan.steps[0]).toMatchObject({ characterId: HUNTER });
    expect(findItem(plan.result, vaulted.key)?.locked).toBe(true);
  });

  it("refuses a no-op and what can't be locked", () => {
    const locked = gear("Locked", { location: "vault", locked: true });
    const prism = stack("Prism", 555, 5, { location: "vault" });
    const state = world([locked, prism]);
    expect(planLock(state, { itemKey: locked.key, locked: true })).toMatchObject({
      ok: false,
      code: "already-there",
    });
    expect(planLock(state, { itemKey: prism.key, locked: true })).toMatchObject({
      ok: false,
      code: "not-lockable",
    });
  });
});

describe("planEquipSet", () => {
  it("brings every piece, then equips them all in one EquipItems call", () => {
    const fromVault = gear("Vault Kinetic", { location: "vault" });
    const fromTitan = gear("Titan Energy", {
      location: "inventory",
      ownerCharacterId: TITAN,
      bucketHash: BucketHashes.EnergyWeapons,
    });
    const here = gear("Hunter Power", {
      location: "inventory",
      ownerCharacterId: HUNTER,
      bucketHash: BucketHashes.PowerWeapons,
    });
    const state = world([...equippedWeapons(HUNTER), fromVault, fromTitan, here]);
    const plan = ok(
      planEquipSet(state, {
        itemKeys: [fromVault.key, fromTitan.key, here.key],
        characterId: HUNTER,
      }),
    );
    expect(script(state, plan.steps)).toEqual([
      "vault->Hunter Vault Kinetic (requested)",
      "vault<-Titan Titan Energy (via-vault)",
      "vault->Hunter Titan Energy (requested)",
      "equip-set Hunter Vault Kinetic, Titan Energy, Hunter Power",
    ]);
    for (const key of [fromVault.key, fromTitan.key, here.key]) {
      expect(where(plan.result, key)).toBe("equipped on your Hunter");
    }
  });

  it("skips pieces already equipped and refuses sets that break the rules", () => {
    const [kinetic] = equippedWeapons(HUNTER);
    const a = exoticWeapon("Ace", { location: "vault" });
    const b = exoticWeapon("Riskrunner", {
      location: "vault",
      bucketHash: BucketHashes.EnergyWeapons,
    });
    const c = gear("Second Kinetic", { location: "vault" });
    const state = world([kinetic!, a, b, c]);
    expect(planEquipSet(state, { itemKeys: [kinetic!.key], characterId: HUNTER })).toMatchObject({
      ok: false,
      code: "already-there",
    });
    expect(planEquipSet(state, { itemKeys: [a.key, b.key], characterId: HUNTER })).toMatchObject({
      ok: false,
      code: "exotic-conflict",
    });
    expect(planEquipSet(state, { itemKeys: [a.key, c.key], characterId: HUNTER })).toMatchObject({
      ok: false,
      code: "invalid-set",
    });
    expect(planEquipSet(state, { itemKeys: [], characterId: HUNTER })).toMatchObject({
      ok: false,
      code: "invalid-set",
    });
    const set = ok(planEquipSet(state, { itemKeys: [kinetic!.key, b.key], characterId: HUNTER }));
    expect(set.steps.at(-1)).toMatchObject({ kind: "equip-set", itemKeys: [b.key] });
  });

  it("swaps out an equipped exotic the set doesn't replace", () => {
    const ace = exoticWeapon("Ace", { location: "equipped", ownerCharacterId: HUNTER });
    const kineticSpare = gear("Kinetic Spare", { location: "inventory", ownerCharacterId: HUNTER });
    const risk = exoticWeapon("Riskrunner", {
      location: "vault",
      bucketHash: BucketHashes.EnergyWeapons,
    });
    const state = world([ace, kineticSpare, risk]);
    const plan = ok(planEquipSet(state, { itemKeys: [risk.key], characterId: HUNTER }));
    expect(script(state, plan.steps)).toEqual([
      "vault->Hunter Riskrunner (requested)",
      "equip Hunter Kinetic Spare (exotic-swap)",
      "equip-set Hunter Riskrunner",
    ]);
  });

  it("refuses a set for a character in an activity", () => {
    const item = gear("Kinetic", { location: "vault" });
    expect(
      planEquipSet(world([item], { [HUNTER]: true }), {
        itemKeys: [item.key],
        characterId: HUNTER,
      }),
    ).toMatchObject({ ok: false, code: "in-activity" });
  });

  it("never moves a piece of the set aside to make room for another", () => {
    const vault = vaultFill(VAULT_CAPACITY - 1, { power: 540 });
    // The least valuable vaulted item belongs to the set: another one must make room.
    const setKinetic = gear("Set Kinetic", { location: "vault", power: 250 });
    const setEnergy = gear("Set Energy", {
      location: "inventory",
      ownerCharacterId: TITAN,
      bucketHash: BucketHashes.EnergyWeapons,
    });
    const state = world([...equippedWeapons(HUNTER), setEnergy, setKinetic, ...vault]);
    const plan = ok(
      planEquipSet(state, { itemKeys: [setEnergy.key, setKinetic.key], characterId: HUNTER }),
    );
    const lines = script(state, plan.steps);
    expect(lines[0]).toMatch(/^vault->\w+ Vaulted \d+ \(make-room\)$/);
    expect(lines.slice(1)).toEqual([
      "vault<-Titan Set Energy (via-vault)",
      "vault->Hunter Set Energy (requested)",
      "vault->Hunter Set Kinetic (requested)",
      "equip-set Hunter Set Energy, Set Kinetic",
    ]);
  });
});

describe("applyStep keeps every item somewhere", () => {
  it("conserves item counts and quantities across any plan", () => {
    const items = [
      ...equippedWeapons(TITAN),
      ...fill(HUNTER, BucketHashes.KineticWeapons, CHARACTER_BUCKET_CAPACITY),
      ...vaultFill(VAULT_CAPACITY - 1),
      stack("Prism", 555, 40, { location: "inventory" }),
      gear("Lost", { location: "postmaster", ownerCharacterId: WARLOCK }),
    ];
    const state = world(items);
    const plans = [
      planMove(state, { itemKey: items[0]!.key, to: { kind: "character", characterId: HUNTER } }),
      planMove(state, {
        itemKey: items.at(-1)!.key,
        to: { kind: "character", characterId: HUNTER },
      }),
      planMove(state, { itemKey: items.at(-2)!.key, to: { kind: "vault" }, quantity: 15 }),
    ];
    const instanced = (s: PlannerState) =>
      s.items
        .filter((i) => i.itemInstanceId !== null)
        .map((i) => i.key)
        .sort();
    const total = (s: PlannerState) =>
      s.items.filter((i) => i.itemHash === 555).reduce((n, i) => n + i.quantity, 0);
    for (const plan of plans) {
      const done = ok(plan);
      expect(instanced(done.result)).toEqual(instanced(state));
      expect(total(done.result)).toBe(40);
    }
  });
});
