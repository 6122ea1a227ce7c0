import { describe, expect, it } from "vitest";
import type { Character, DestinyProfile, InventoryItem } from "@/lib/bungie/types";
import { BucketHashes } from "@/lib/destiny/buckets";
import { buildInventoryView, itemKeys } from "@/lib/guardian/build-inventory-view";
import type { GuardianDefinitions } from "@/lib/guardian/definitions";
import { predictAction } from "@/lib/guardian/predict-action";
import { unknownDefinition } from "@/lib/manifest/unknown";
import type { DefinitionOf } from "@/lib/manifest/types";

const HUNTER = "2305843009200000002";
const TITAN = "2305843009200000001";
const ACE = 1001;
const RISK = 1002;
const PRISM = 1003;
const BOND = 1004;
const PERK = 2001;
const TOWER = 3001;

function itemDef(
  hash: number,
  patch: Partial<DefinitionOf<"DestinyInventoryItemDefinition">> & {
    bucket: number;
    rarity: number;
    stack?: number;
  },
): DefinitionOf<"DestinyInventoryItemDefinition"> {
  const base = unknownDefinition("DestinyInventoryItemDefinition", hash);
  return {
    ...base,
    unknown: false,
    equippable: true,
    ...patch,
    inventory: {
      bucketTypeHash: patch.bucket,
      tierType: patch.rarity,
      tierTypeName: patch.rarity === 6 ? "Exotic" : "Legendary",
      maxStackSize: patch.stack ?? 1,
    },
  };
}

const ITEMS = new Map([
  [
    ACE,
    itemDef(ACE, {
      bucket: BucketHashes.KineticWeapons,
      rarity: 6,
      displayProperties: { name: "Ace of Spades", description: "", icon: "/icons/ace.png" },
      itemTypeDisplayName: "Hand Cannon",
      // No equippingBlock label: the exotic rule is inferred from rarity and bucket.
    }),
  ],
  [
    RISK,
    itemDef(RISK, {
      bucket: BucketHashes.EnergyWeapons,
      rarity: 6,
      displayProperties: { name: "Riskrunner", description: "", icon: null },
      equippingBlock: { uniqueLabel: "exotic_weapon" },
    }),
  ],
  [
    PRISM,
    itemDef(PRISM, {
      bucket: BucketHashes.Consumables,
      rarity: 4,
      stack: 99,
      equippable: false,
      displayProperties: { name: "Enhancement Prism", description: "", icon: null },
    }),
  ],
  [
    BOND,
    itemDef(BOND, {
      bucket: BucketHashes.ClassArmor,
      rarity: 5,
      classType: 2,
      displayProperties: { name: "Bond", description: "", icon: null },
    }),
  ],
  [
    PERK,
    itemDef(PERK, {
      bucket: 0,
      rarity: 0,
      displayProperties: { name: "Outlaw", description: "Reload faster.", icon: "/p.png" },
    }),
  ],
]);

const defs: GuardianDefinitions = {
  item: (hash) => ITEMS.get(hash) ?? unknownDefinition("DestinyInventoryItemDefinition", hash),
  stat: (hash) => ({
    ...unknownDefinition("DestinyStatDefinition", hash),
    displayProperties: { name: `Stat ${hash}`, description: "", icon: null },
  }),
  race: (hash) => unknownDefinition("DestinyRaceDefinition", hash),
  gender: (hash) => unknownDefinition("DestinyGenderDefinition", hash),
  classDef: (hash) => unknownDefinition("DestinyClassDefinition", hash),
  activity: (hash) =>
    hash === TOWER
      ? {
          ...unknownDefinition("DestinyActivityDefinition", hash),
          unknown: false,
          directActivityModeType: 40,
          activityModeTypes: [40],
        }
      : unknownDefinition("DestinyActivityDefinition", hash),
};

function item(patch: Partial<InventoryItem> & Pick<InventoryItem, "itemHash" | "location">) {
  return {
    itemInstanceId: null,
    quantity: 1,
    bucketHash: BucketHashes.General,
    ownerCharacterId: null,
    isEquipped: false,
    canEquip: false,
    locked: false,
    masterwork: false,
    crafted: false,
    power: null,
    gearTier: null,
    damageType: null,
    damageTypeHash: null,
    state: 0,
    transferStatus: 0,
    lockable: false,
    stats: [],
    sockets: [],
    overrideStyleItemHash: null,
    expirationDate: null,
    ...patch,
  } satisfies InventoryItem;
}

function character(characterId: string, classType: number, patch: Partial<Character> = {}) {
  return {
    characterId,
    membershipId: "4611686018400000001",
    membershipType: 3,
    classType,
    classHash: 10 + classType,
    raceHash: 20,
    genderHash: 30,
    light: 545,
    emblemHash: null,
    emblemPath: "/e.jpg",
    emblemBackgroundPath: null,
    titleRecordHash: null,
    dateLastPlayed: "2026-11-25T10:00:00Z",
    minutesPlayedTotal: 100,
    inActivity: false,
    currentActivityHash: null,
    ...patch,
  } satisfies Character;
}

const profile: DestinyProfile = {
  profile: null,
  characters: [
    character(HUNTER, 1, { inActivity: true, currentActivityHash: TOWER }),
    character(TITAN, 0, { inActivity: true, currentActivityHash: 999 }),
  ],
  items: [
    item({
      itemHash: ACE,
      itemInstanceId: "6917529000000000001",
      location: "vault",
      power: 541,
      gearTier: 5,
      damageType: 1,
      lockable: true,
      locked: true,
      stats: [{ statHash: 4043523819, value: 84 }],
      sockets: [PERK, null, 0],
    }),
    item({
      itemHash: RISK,
      itemInstanceId: "6917529000000000002",
      location: "equipped",
      bucketHash: BucketHashes.EnergyWeapons,
      ownerCharacterId: HUNTER,
      // From before Edge of Fate: reset to power 10, no gear tier.
      power: 10,
      lockable: true,
      transferStatus: 1,
    }),
    item({ itemHash: PRISM, location: "vault", quantity: 99 }),
    item({ itemHash: PRISM, location: "vault", quantity: 12 }),
    item({
      itemHash: PRISM,
      location: "inventory",
      quantity: 3,
      bucketHash: BucketHashes.Consumables,
    }),
    item({
      itemHash: BOND,
      itemInstanceId: "6917529000000000003",
      location: "inventory",
      bucketHash: BucketHashes.ClassArmor,
      ownerCharacterId: TITAN,
      transferStatus: 2,
    }),
  ],
  currencies: [],
  loadouts: {},
  privateComponents: [],
  mintedAt: null,
};

const view = buildInventoryView(profile, defs, {
  assetUrl: (path) => `/sandbox${path}`,
  chosenCharacterId: null,
  loadedAt: 1,
});
const find = (name: string) => view.items.filter((i) => i.name === name);

describe("the inventory view", () => {
  it("keys instanced items by id and stacks by place and order", () => {
    expect(itemKeys(profile.items)).toEqual([
      "6917529000000000001",
      "6917529000000000002",
      `${PRISM}@vault`,
      `${PRISM}@vault#2`,
      `${PRISM}@profile`,
      "6917529000000000003",
    ]);
  });

  it("takes the slot from the definition for vaulted items, and the game's marks", () => {
    const [ace] = find("Ace of Spades");
    expect(ace).toMatchObject({
      bucketHash: BucketHashes.KineticWeapons,
      location: "vault",
      rarity: 6,
      rarityName: "Exotic",
      uniqueLabel: "exotic_weapon",
      locked: true,
      lockable: true,
      power: 541,
      gearTier: 5,
      damageType: 1,
      icon: "/sandbox/icons/ace.png",
      typeName: "Hand Cannon",
      plugs: [PERK],
      transferable: true,
      equippable: true,
    });
    expect(view.plugs[PERK]).toEqual({
      name: "Outlaw",
      icon: "/sandbox/p.png",
      description: "Reload faster.",
    });
    expect(view.statNames[4043523819]).toBe("Stat 4043523819");
    // An equipped item is transferable once unequipped: only NotTransferrable (2) counts.
    expect(find("Riskrunner")[0]).toMatchObject({
      transferable: true,
      uniqueLabel: "exotic_weapon",
      power: 10,
      gearTier: null,
    });
    expect(find("Bond")[0]).toMatchObject({ transferable: false, classType: 2 });
    expect(
      find("Enhancement Prism").map((i) => [i.quantity, i.maxStackSize, i.equippable]),
    ).toEqual([
      [99, 99, false],
      [12, 99, false],
      [3, 99, false],
    ]);
  });

  it("counts the Tower as a place to equip, and other activities not", () => {
    expect(view.characters.map((c) => [c.characterId, c.inActivity])).toEqual([
      [HUNTER, false],
      [TITAN, true],
    ]);
    // Most recently played first is the default choice.
    expect(view.selectedCharacterId).toBe(HUNTER);
    const chosen = buildInventoryView(profile, defs, {
      assetUrl: (p) => p ?? "",
      chosenCharacterId: TITAN,
      loadedAt: 1,
    });
    expect(chosen.selectedCharacterId).toBe(TITAN);
    const gone = buildInventoryView(profile, defs, {
      assetUrl: (p) => p ?? "",
      chosenCharacterId: "999",
      loadedAt: 1,
    });
    expect(gone.selectedCharacterId).toBe(HUNTER);
  });

  it("predicts a move for the optimistic view, and nothing for a refusal", () => {
    const form = (fields: Record<string, string>) => {
      const data = new FormData();
      for (const [k, v] of Object.entries(fields)) data.set(k, v);
      return data;
    };
    const moved = predictAction(
      view,
      form({ intent: "equip", itemKey: "6917529000000000001", characterId: HUNTER }),
    );
    // Ace comes from the vault and Riskrunner (the other exotic weapon) would block it, with
    // nothing to swap in: the planner foresees the refusal.
    expect(moved).toBeNull();
    const toHunter = predictAction(
      view,
      form({ intent: "move", itemKey: "6917529000000000001", to: HUNTER }),
    );
    expect(toHunter?.items.find((i) => i.name === "Ace of Spades")).toMatchObject({
      location: "inventory",
      ownerCharacterId: HUNTER,
      icon: "/sandbox/icons/ace.png",
    });
    expect(predictAction(view, form({ intent: "move", itemKey: "123", to: "vault" }))).toBeNull();
  });
});
