import { describe, expect, it } from "vitest";
import type { Character, DestinyProfile, InventoryItem } from "@/lib/bungie/types";
import { BucketHashes } from "@/lib/destiny/buckets";
import { UNSET_PLUG_HASH } from "@/lib/destiny/game-facts";
import type { GuardianDefinitions } from "@/lib/guardian/definitions";
import {
  buildLoadoutsView,
  loadoutDefinitionHashes,
  setPlugs,
} from "@/lib/loadouts/build-loadouts-view";
import type { LoadoutDefinitions } from "@/lib/loadouts/loadout-definitions";
import { unknownDefinition } from "@/lib/manifest/unknown";
import type { DefinitionOf } from "@/lib/manifest/types";

const TITAN = "2305843009200000001";
const HUNTER = "2305843009200000002";
const [GUN, HELM, SUBCLASS, ASPECT, FRAGMENT] = [101, 102, 103, 201, 202];
const [RAID, PVP, ICON, COLOR] = [11, 12, 21, 31];

function def(
  hash: number,
  name: string,
  bucket: number,
  typeName: string,
): DefinitionOf<"DestinyInventoryItemDefinition"> {
  const base = unknownDefinition("DestinyInventoryItemDefinition", hash);
  return {
    ...base,
    unknown: false,
    displayProperties: { name, description: `${name}!`, icon: `/i/${hash}.png` },
    itemTypeDisplayName: typeName,
    inventory: { ...base.inventory, bucketTypeHash: bucket, tierType: 5 },
  };
}
const DEFS = new Map([
  [GUN, def(GUN, "Gun", BucketHashes.KineticWeapons, "Hand Cannon")],
  [HELM, def(HELM, "Helm", BucketHashes.Helmet, "Helmet")],
  [SUBCLASS, def(SUBCLASS, "Sentinel", BucketHashes.Subclass, "Void Subclass")],
  [ASPECT, def(ASPECT, "Bastion", 0, "Aspect")],
  [FRAGMENT, def(FRAGMENT, "Echo of Leeching", 0, "Fragment")],
]);
const defs: GuardianDefinitions = {
  item: (hash) => DEFS.get(hash) ?? unknownDefinition("DestinyInventoryItemDefinition", hash),
  stat: (hash) => unknownDefinition("DestinyStatDefinition", hash),
  race: (hash) => unknownDefinition("DestinyRaceDefinition", hash),
  gender: (hash) => unknownDefinition("DestinyGenderDefinition", hash),
  classDef: (hash) => unknownDefinition("DestinyClassDefinition", hash),
  activity: (hash) => unknownDefinition("DestinyActivityDefinition", hash),
};
const identifier = (hash: number, index: number, name: string, icon: string | null) => ({
  hash,
  unknown: false,
  index,
  displayProperties: { name, description: "", icon },
});
const loadoutDefs: LoadoutDefinitions = {
  countPerCharacter: 3,
  names: [identifier(RAID, 0, "Raid", null), identifier(PVP, 1, "Crucible", null)],
  icons: [identifier(ICON, 0, "", "/icon.png")],
  colors: [identifier(COLOR, 0, "", "/color.png")],
};

function character(characterId: string, classType: number): Character {
  return {
    characterId,
    membershipId: "4611686018400000001",
    membershipType: 3,
    classType,
    classHash: 10 + classType,
    raceHash: 20,
    genderHash: 30,
    light: 500,
    emblemHash: null,
    emblemPath: null,
    emblemBackgroundPath: null,
    titleRecordHash: null,
    dateLastPlayed: classType === 0 ? "2026-12-01T00:00:00Z" : "2026-11-01T00:00:00Z",
    minutesPlayedTotal: 1,
    inActivity: false,
    currentActivityHash: null,
  };
}

function item(
  itemInstanceId: string,
  itemHash: number,
  location: InventoryItem["location"],
  ownerCharacterId: string | null,
): InventoryItem {
  return {
    itemInstanceId,
    itemHash,
    quantity: 1,
    bucketHash:
      location === "vault"
        ? BucketHashes.General
        : (DEFS.get(itemHash)?.inventory.bucketTypeHash ?? 0),
    location,
    ownerCharacterId,
    isEquipped: location === "equipped",
    canEquip: true,
    locked: false,
    masterwork: false,
    crafted: false,
    power: 450,
    gearTier: null,
    damageType: null,
    damageTypeHash: null,
    state: 0,
    transferStatus: 0,
    lockable: true,
    stats: [],
    sockets: [],
    overrideStyleItemHash: null,
    expirationDate: null,
  };
}

const profile: DestinyProfile = {
  profile: null,
  characters: [character(TITAN, 0), character(HUNTER, 1)],
  items: [
    item("1", GUN, "vault", null),
    item("2", HELM, "inventory", HUNTER),
    item("3", SUBCLASS, "equipped", TITAN),
  ],
  currencies: [],
  loadouts: {
    [TITAN]: [
      {
        index: 0,
        nameHash: PVP,
        iconHash: ICON,
        colorHash: COLOR,
        empty: false,
        items: [
          { itemInstanceId: "3", plugItemHashes: [ASPECT, UNSET_PLUG_HASH, FRAGMENT] },
          { itemInstanceId: "2", plugItemHashes: [UNSET_PLUG_HASH] },
          { itemInstanceId: "1", plugItemHashes: [] },
          { itemInstanceId: "999", plugItemHashes: [] },
        ],
      },
      { index: 1, nameHash: 77, iconHash: 78, colorHash: 79, empty: true, items: [] },
    ],
  },
  privateComponents: [],
  mintedAt: null,
};

const view = buildLoadoutsView(profile, defs, loadoutDefs, {
  assetUrl: (path) => `https://bungie.test${path}`,
  chosenCharacterId: null,
  loadedAt: 5,
});

describe("buildLoadoutsView", () => {
  it("names, icons and colours each slot from the game's definitions", () => {
    const [first, second] = view.slots[TITAN]!;
    expect(first).toMatchObject({
      index: 0,
      name: "Crucible",
      iconUrl: "https://bungie.test/icon.png",
      colorUrl: "https://bungie.test/color.png",
      empty: false,
      missingCount: 1,
    });
    // A hash the manifest lacks still gets a name the player can tell apart.
    expect(second).toMatchObject({ name: "Loadout 2", iconUrl: null, empty: true, items: [] });
    expect(view.slots[HUNTER]).toEqual([]);
  });

  it("orders the gear as the game does and says where each item is now", () => {
    const slot = view.slots[TITAN]![0]!;
    expect(slot.items.map((i) => [i.name, i.place])).toEqual([
      ["Gun", { kind: "vault" }],
      ["Helm", { kind: "inventory", characterId: HUNTER, characterName: "Hunter" }],
      ["Missing item", { kind: "missing" }],
    ]);
    expect(slot.items[2]).toMatchObject({ itemHash: null, icon: null, bucketHash: 0 });
  });

  it("keeps the subclass apart with the plugs it sets (UNSET sockets left out)", () => {
    const subclass = view.slots[TITAN]![0]!.subclass!;
    expect(subclass).toMatchObject({
      name: "Sentinel",
      place: { kind: "equipped", characterId: TITAN },
      plugs: [ASPECT, FRAGMENT],
    });
    expect(view.plugs[ASPECT]).toEqual({
      name: "Bastion",
      icon: "https://bungie.test/i/201.png",
      description: "Bastion!",
      typeName: "Aspect",
    });
  });

  it("offers the game's names, icons and colours in its order, and picks the latest character", () => {
    expect(view.options.names.map((o) => o.name)).toEqual(["Raid", "Crucible"]);
    expect(view.options.icons).toEqual([
      { hash: ICON, name: "Icon 1", imageUrl: "https://bungie.test/icon.png" },
    ]);
    expect(view.selectedCharacterId).toBe(TITAN);
    expect(view.unavailable).toBe(false);
  });

  it("asks the manifest only for the items and plugs the slots name", () => {
    const hashes = loadoutDefinitionHashes(profile);
    expect([...hashes.items].sort()).toEqual([GUN, HELM, SUBCLASS, ASPECT, FRAGMENT].sort());
  });

  it("treats UNSET and 0 as 'leave the socket alone'", () => {
    expect(setPlugs([UNSET_PLUG_HASH, 0, 7])).toEqual([7]);
  });
});
