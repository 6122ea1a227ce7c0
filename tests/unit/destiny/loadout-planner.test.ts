import { beforeEach, describe, expect, it } from "vitest";
import { BucketHashes } from "@/lib/destiny/buckets";
import {
  applyLoadoutStep,
  planLoadout,
  type LoadoutPiece,
  type LoadoutPlanRequest,
  type LoadoutPlanResult,
  type LoadoutStep,
} from "@/lib/destiny/loadout-planner";
import type { PlannerItem, PlannerState } from "@/lib/destiny/planner-state";
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
  world,
} from "./planner-fixtures";

beforeEach(resetIds);

const WEAPONS = [
  BucketHashes.KineticWeapons,
  BucketHashes.EnergyWeapons,
  BucketHashes.PowerWeapons,
] as const;
const ARMOR = [
  BucketHashes.Helmet,
  BucketHashes.Gauntlets,
  BucketHashes.ChestArmor,
  BucketHashes.LegArmor,
  BucketHashes.ClassArmor,
] as const;

function piece(item: PlannerItem, plugs: Record<string, number> = {}): LoadoutPiece {
  return {
    itemHash: item.itemHash,
    itemInstanceId: item.itemInstanceId!,
    bucketHash: item.bucketHash,
    plugs,
  };
}

function ok(result: LoadoutPlanResult) {
  if (!result.ok) throw new Error(`expected a plan, got refusal: ${result.message}`);
  return result;
}

function request(
  characterId: string,
  classType: number,
  pieces: LoadoutPiece[],
  extra: Partial<LoadoutPlanRequest> = {},
): LoadoutPlanRequest {
  return { characterId, classType, pieces, sockets: new Map(), ...extra };
}

/** Readable steps: "to-vault <name>", "from-vault <name> → <who>", "equip-set n", "plug i=h". */
function lines(state: PlannerState, steps: LoadoutStep[]): string[] {
  const name = (key: string) => state.items.find((i) => i.key === key)?.name ?? key;
  const who = (id: string) => state.characters.find((c) => c.characterId === id)?.name ?? id;
  return steps.map((s) => {
    switch (s.kind) {
      case "transfer":
        return s.toVault
          ? `to-vault ${name(s.itemKey)} from ${who(s.characterId)} (${s.why})`
          : `from-vault ${name(s.itemKey)} to ${who(s.characterId)} (${s.why})`;
      case "pull":
        return `pull ${name(s.itemKey)} to ${who(s.characterId)}`;
      case "equip":
        return `equip ${name(s.itemKey)} (${s.why})`;
      case "equip-set":
        return `equip-set ${s.itemKeys.map(name).join(", ")}`;
      case "lock":
        return `lock ${name(s.itemKey)}`;
      case "plug":
        return `plug ${s.socketIndex}=${s.plugItemHash}`;
    }
  });
}

/** An 8-piece Hunter build sitting in the vault: three weapons and five armour pieces. */
function vaultBuild(): PlannerItem[] {
  return [
    ...WEAPONS.map((bucketHash, n) => gear(`Weapon ${n + 1}`, { location: "vault", bucketHash })),
    ...ARMOR.slice(0, 5).map((bucketHash, n) =>
      gear(`Armor ${n + 1}`, { location: "vault", bucketHash, classType: 1 }),
    ),
  ];
}

describe("planLoadout", () => {
  it("equips an 8-item loadout from the vault with 8 transfers and one EquipItems", () => {
    const build = vaultBuild();
    const state = world([...equippedWeapons(HUNTER), ...build]);
    const plan = ok(
      planLoadout(
        state,
        request(
          HUNTER,
          1,
          build.map((i) => piece(i)),
        ),
      ),
    );
    expect(plan.steps.filter((s) => s.kind === "transfer")).toHaveLength(8);
    expect(plan.steps.every((s) => s.kind !== "transfer" || !s.toVault)).toBe(true);
    expect(plan.steps.at(-1)?.kind).toBe("equip-set");
    expect(plan.steps).toHaveLength(9);
    for (const item of build) {
      const after = plan.result.items.find((i) => i.key === item.key);
      expect(after).toMatchObject({ location: "equipped", ownerCharacterId: HUNTER });
    }
    expect(plan.skipped).toEqual([]);
  });

  it("gathers from another character through the vault: two transfers per item", () => {
    const sidearm = gear("Sidearm", {
      location: "inventory",
      ownerCharacterId: TITAN,
      bucketHash: BucketHashes.EnergyWeapons,
    });
    const rifle = gear("Rifle", { location: "inventory", ownerCharacterId: WARLOCK });
    const state = world([...equippedWeapons(HUNTER), sidearm, rifle]);
    const plan = ok(planLoadout(state, request(HUNTER, 1, [piece(sidearm), piece(rifle)])));
    expect(lines(state, plan.steps)).toEqual([
      "to-vault Sidearm from Titan (via-vault)",
      "from-vault Sidearm to Hunter (requested)",
      "to-vault Rifle from Warlock (via-vault)",
      "from-vault Rifle to Hunter (requested)",
      "equip-set Sidearm, Rifle",
    ]);
  });

  it("makes room in a full bucket by moving the least valuable unlocked item to the vault, never the equipped one", () => {
    const wanted = gear("Wanted", { location: "vault", power: 500 });
    const fillers = fill(HUNTER, BucketHashes.KineticWeapons, 9);
    fillers[0] = { ...fillers[0]!, locked: true };
    const state = world([...equippedWeapons(HUNTER), ...fillers, wanted]);
    const plan = ok(planLoadout(state, request(HUNTER, 1, [piece(wanted)])));
    expect(lines(state, plan.steps)).toEqual([
      // Filler 1 is locked: Filler 2 is the least valuable one that may move.
      "to-vault Filler 2 from Hunter (make-room)",
      "from-vault Wanted to Hunter (requested)",
      "equip-set Wanted",
    ]);
    expect(plan.notices.join(" ")).toMatch(/moved Filler 2 to the vault/);
    expect(plan.result.items.find((i) => i.name === "Kinetic On")).toMatchObject({
      location: "inventory",
      ownerCharacterId: HUNTER,
    });
  });

  it("keeps one exotic weapon and one exotic armour piece, naming the second of each", () => {
    const ace = exoticWeapon("Ace of Spades", { location: "vault" });
    const gjally = exoticWeapon("Gjallarhorn", {
      location: "vault",
      bucketHash: BucketHashes.PowerWeapons,
    });
    const helmet = exoticArmor("Celestial Nighthawk", 1, { location: "vault" });
    const arms = exoticArmor("Liar's Handshake", 1, {
      location: "vault",
      bucketHash: BucketHashes.Gauntlets,
    });
    const state = world([...equippedWeapons(HUNTER), ace, gjally, helmet, arms]);
    const plan = ok(
      planLoadout(
        state,
        request(
          HUNTER,
          1,
          [ace, gjally, helmet, arms].map((i) => piece(i)),
        ),
      ),
    );
    expect(plan.skipped.map((s) => [s.name, s.reason])).toEqual([
      ["Gjallarhorn", "exotic-conflict"],
      ["Liar's Handshake", "exotic-conflict"],
    ]);
    expect(lines(state, plan.steps).at(-1)).toBe("equip-set Ace of Spades, Celestial Nighthawk");
  });

  it("swaps out an exotic equipped in a slot the loadout doesn't cover", () => {
    const onPower = exoticWeapon("Gjallarhorn", {
      location: "equipped",
      ownerCharacterId: HUNTER,
      bucketHash: BucketHashes.PowerWeapons,
    });
    const spare = gear("Rocket", {
      location: "inventory",
      ownerCharacterId: HUNTER,
      bucketHash: BucketHashes.PowerWeapons,
    });
    const ace = exoticWeapon("Ace of Spades", { location: "vault" });
    const state = world([onPower, spare, ace]);
    const plan = ok(planLoadout(state, request(HUNTER, 1, [piece(ace)])));
    expect(lines(state, plan.steps)).toEqual([
      "from-vault Ace of Spades to Hunter (requested)",
      "equip Rocket (exotic-swap)",
      "equip-set Ace of Spades",
    ]);
  });

  it("refuses a loadout saved for another class and skips another class's armour", () => {
    const titanHelm = gear("Titan Helm", {
      location: "vault",
      bucketHash: BucketHashes.Helmet,
      classType: 0,
    });
    const rifle = gear("Rifle", { location: "vault" });
    const state = world([...equippedWeapons(HUNTER), titanHelm, rifle]);
    const refused = planLoadout(state, request(HUNTER, 0, [piece(rifle)]));
    expect(refused).toMatchObject({ ok: false, code: "wrong-class-loadout" });
    expect(refused.ok ? "" : refused.message).toBe(
      "This loadout is for a Titan: your Hunter can't wear it.",
    );
    const plan = ok(planLoadout(state, request(HUNTER, 1, [piece(titanHelm), piece(rifle)])));
    expect(plan.skipped).toMatchObject([{ name: "Titan Helm", reason: "wrong-class" }]);
    expect(lines(state, plan.steps).at(-1)).toBe("equip-set Rifle");
  });

  it("names items nobody holds and items named twice, and equips the rest", () => {
    const rifle = gear("Rifle", { location: "vault" });
    const other = gear("Other Rifle", { location: "vault" });
    const state = world([...equippedWeapons(HUNTER), rifle, other]);
    const gone: LoadoutPiece = {
      itemHash: 42,
      itemInstanceId: "6917529999999999999",
      bucketHash: BucketHashes.EnergyWeapons,
      plugs: {},
    };
    const plan = ok(
      planLoadout(state, request(HUNTER, 1, [piece(rifle), gone, piece(rifle), piece(other)])),
    );
    expect(plan.skipped.map((s) => [s.name, s.reason])).toEqual([
      [null, "missing"],
      ["Rifle", "duplicate"],
      ["Other Rifle", "duplicate"],
    ]);
    expect(lines(state, plan.steps)).toEqual([
      "from-vault Rifle to Hunter (requested)",
      "equip-set Rifle",
    ]);
  });

  it("refuses when nothing of the loadout exists any more", () => {
    const state = world(equippedWeapons(HUNTER));
    const gone: LoadoutPiece = {
      itemHash: 42,
      itemInstanceId: "6917529999999999999",
      bucketHash: BucketHashes.EnergyWeapons,
      plugs: {},
    };
    expect(planLoadout(state, request(HUNTER, 1, [gone]))).toMatchObject({
      ok: false,
      code: "nothing-to-do",
      skipped: [{ reason: "missing" }],
    });
  });

  it("pulls items from a postmaster first, then moves them like the rest", () => {
    const own = gear("Own Drop", {
      location: "postmaster",
      ownerCharacterId: HUNTER,
      bucketHash: BucketHashes.EnergyWeapons,
    });
    const titans = gear("Titan's Drop", { location: "postmaster", ownerCharacterId: TITAN });
    const state = world([...equippedWeapons(HUNTER), own, titans]);
    const plan = ok(planLoadout(state, request(HUNTER, 1, [piece(own), piece(titans)])));
    expect(lines(state, plan.steps)).toEqual([
      "pull Own Drop to Hunter",
      "pull Titan's Drop to Titan",
      "to-vault Titan's Drop from Titan (via-vault)",
      "from-vault Titan's Drop to Hunter (requested)",
      "equip-set Own Drop, Titan's Drop",
    ]);
  });

  it("refuses while the character is in an activity, before anything moves", () => {
    const rifle = gear("Rifle", { location: "vault" });
    const state = world([...equippedWeapons(HUNTER), rifle], { [HUNTER]: true });
    expect(planLoadout(state, request(HUNTER, 1, [piece(rifle)]))).toMatchObject({
      ok: false,
      code: "in-activity",
    });
  });

  describe("subclass plugs", () => {
    function subclass(location: "equipped" | "inventory") {
      return gear("Nightstalker", {
        location,
        ownerCharacterId: HUNTER,
        bucketHash: BucketHashes.Subclass,
        classType: 1,
        transferable: false,
      });
    }

    it("sends one InsertSocketPlugFree per changed plug, after the equip", () => {
      const sub = subclass("inventory");
      const state = world([...equippedWeapons(HUNTER), sub]);
      const sockets = new Map([[sub.itemInstanceId!, [10, 20, 30, null]]]);
      const plan = ok(
        planLoadout(
          state,
          request(HUNTER, 1, [piece(sub, { "0": 10, "1": 21, "3": 40 })], { sockets }),
        ),
      );
      expect(lines(state, plan.steps)).toEqual([
        "equip-set Nightstalker",
        "plug 1=21",
        "plug 3=40",
      ]);
    });

    it("changes only the plugs when the subclass is already equipped", () => {
      const sub = subclass("equipped");
      const state = world([...equippedWeapons(HUNTER), sub]);
      const sockets = new Map([[sub.itemInstanceId!, [10, 20]]]);
      const plan = ok(
        planLoadout(state, request(HUNTER, 1, [piece(sub, { "0": 11, "1": 20 })], { sockets })),
      );
      expect(lines(state, plan.steps)).toEqual(["plug 0=11"]);
      expect(
        planLoadout(state, request(HUNTER, 1, [piece(sub, { "0": 10, "1": 20 })], { sockets })),
      ).toMatchObject({ ok: false, code: "already-there" });
    });

    it("orders fragments so none is held twice, and names plugs that only swap sockets", () => {
      const sub = subclass("equipped");
      const state = world([...equippedWeapons(HUNTER), sub]);
      // Socket 1 wants 30, which sits in socket 2 now; socket 2 wants a new 40: 2 first.
      const sockets = new Map([[sub.itemInstanceId!, [10, 20, 30]]]);
      const plan = ok(
        planLoadout(state, request(HUNTER, 1, [piece(sub, { "1": 30, "2": 40 })], { sockets })),
      );
      expect(lines(state, plan.steps)).toEqual(["plug 2=40", "plug 1=30"]);
      const swap = planLoadout(
        state,
        request(HUNTER, 1, [piece(sub, { "1": 30, "2": 20 })], { sockets }),
      );
      expect(swap).toMatchObject({ ok: false, skipped: [{ reason: "plug-order" }] });
    });

    it("doesn't apply armour mods (shown only, for now)", () => {
      const helm = gear("Helm", {
        location: "equipped",
        ownerCharacterId: HUNTER,
        bucketHash: BucketHashes.Helmet,
        classType: 1,
      });
      const state = world([...equippedWeapons(HUNTER), helm]);
      const sockets = new Map([[helm.itemInstanceId!, [1, 2]]]);
      expect(
        planLoadout(state, request(HUNTER, 1, [piece(helm, { "0": 5 })], { sockets })),
      ).toMatchObject({ ok: false, code: "already-there" });
    });
  });

  it("optionally moves the character's other weapons and armour to the vault", () => {
    const rifle = gear("Rifle", { location: "vault" });
    const spare = gear("Spare", {
      location: "inventory",
      ownerCharacterId: HUNTER,
      bucketHash: BucketHashes.EnergyWeapons,
    });
    const ghost = gear("Ghost Shell", {
      location: "inventory",
      ownerCharacterId: HUNTER,
      bucketHash: BucketHashes.Ghost,
    });
    const state = world([...equippedWeapons(HUNTER), rifle, spare, ghost]);
    const plan = ok(planLoadout(state, request(HUNTER, 1, [piece(rifle)], { clearOthers: true })));
    expect(lines(state, plan.steps)).toEqual([
      "from-vault Rifle to Hunter (requested)",
      "equip-set Rifle",
      "to-vault Kinetic On from Hunter (requested)",
      "to-vault Spare from Hunter (requested)",
    ]);
    // Replaying the steps gives the planned result.
    const replayed = plan.steps.reduce(applyLoadoutStep, state);
    expect(replayed).toEqual(plan.result);
    expect(replayed.items.find((i) => i.name === "Ghost Shell")?.location).toBe("inventory");
  });
});
