import type {
  DestinyCharacterResponse,
  DestinyItemResponse,
  DestinyProfileResponse,
} from "bungie-api-ts/destiny2";
import { describe, expect, it } from "vitest";
import {
  reshapeCharacter,
  reshapeCharacterResponse,
  reshapeItemResponse,
  reshapeProfile,
} from "@/lib/bungie/reshape/profile";
import {
  HUNTER,
  MEMBERSHIP,
  WARLOCK,
  ownProfileResponse,
  profileResponse,
} from "./fixtures/profile";

describe("reshapeProfile", () => {
  const result = reshapeProfile(profileResponse);

  it("summarises the profile with int64 ids kept as strings", () => {
    expect(result.profile).toEqual({
      membershipType: 3,
      membershipId: MEMBERSHIP,
      displayName: "Guardian",
      bungieName: "Guardian#0042",
      dateLastPlayed: "2025-09-25T21:00:00Z",
      characterIds: [HUNTER, WARLOCK],
    });
    expect(result.mintedAt).toBe("2025-09-26T10:00:00Z");
  });

  it("orders characters most recently played first and converts int64 counters", () => {
    expect(result.characters.map((c) => c.characterId)).toEqual([HUNTER, WARLOCK]);
    const [hunter, warlock] = result.characters;
    expect(hunter).toMatchObject({
      classType: 1,
      light: 544,
      minutesPlayedTotal: 99999,
      emblemPath: null,
      emblemBackgroundPath: "/common/destiny2_content/icons/emblem-h-bg.jpg",
      titleRecordHash: 777,
      inActivity: true,
      currentActivityHash: 1234567,
    });
    // Orbit is not "in an activity": equipping works there.
    expect(warlock).toMatchObject({
      minutesPlayedTotal: 12345,
      inActivity: false,
      titleRecordHash: null,
    });
  });

  it("treats orbit, social spaces and offline as not in an activity", () => {
    const base = (profileResponse.characters.data as Record<string, never>)[HUNTER]!;
    const activity = (a: Record<string, unknown>) => reshapeCharacter(base, a as never).inActivity;
    expect(activity({ currentActivityHash: 0, currentActivityModeTypes: [] })).toBe(false);
    expect(activity({ currentActivityHash: 555, currentActivityModeTypes: [] })).toBe(false);
    expect(
      activity({
        currentActivityHash: 556,
        currentActivityModeType: 40,
        currentActivityModeTypes: [40],
      }),
    ).toBe(false);
    expect(
      activity({
        currentActivityHash: 557,
        currentActivityModeType: 4,
        currentActivityModeTypes: [4, 7],
      }),
    ).toBe(true);
    expect(reshapeCharacter(base).inActivity).toBeNull();
  });

  it("places equipped, inventory and postmaster items with their instance data", () => {
    const byHash = new Map(result.items.map((i) => [i.itemHash, i]));
    expect(byHash.get(1111)).toEqual({
      itemInstanceId: "6917529000000000001",
      itemHash: 1111,
      quantity: 1,
      bucketHash: 1498876634,
      location: "equipped",
      ownerCharacterId: HUNTER,
      isEquipped: true,
      canEquip: true,
      locked: true,
      masterwork: true,
      crafted: false,
      power: 544,
      gearTier: 5,
      damageType: 2,
      damageTypeHash: 2303181850,
      state: 5,
      transferStatus: 1,
      lockable: true,
      stats: [
        { statHash: 1240592695, value: 55 },
        { statHash: 4043523819, value: 80 },
      ],
      sockets: [100, null, 300],
      overrideStyleItemHash: null,
      expirationDate: null,
    });
    expect(byHash.get(2222)).toMatchObject({
      location: "inventory",
      ownerCharacterId: HUNTER,
      isEquipped: false,
      power: 10,
      gearTier: null,
      sockets: [],
    });
    expect(byHash.get(3333)).toMatchObject({
      location: "postmaster",
      ownerCharacterId: HUNTER,
      transferStatus: 2,
      power: null,
      canEquip: false,
    });
    expect(byHash.get(4444)).toMatchObject({
      itemInstanceId: null,
      quantity: 7,
      location: "inventory",
      stats: [],
    });
  });

  it("marks components that came back {privacy: 2} without data, and does not crash on them", () => {
    expect(result.privateComponents).toEqual(["profileInventory"]);
    expect(result.items.some((i) => i.location === "vault")).toBe(false);
    // Private WITH data (the owner's view) is not "private" for us.
    expect(result.currencies).toEqual([{ itemHash: 3159615086, quantity: 250000 }]);
  });

  it("reads the vault and account-wide buckets from the owner's profile inventory", () => {
    const own = reshapeProfile(ownProfileResponse);
    expect(own.privateComponents).toEqual([]);
    const vaulted = own.items.find((i) => i.itemHash === 5555);
    expect(vaulted).toMatchObject({
      location: "vault",
      ownerCharacterId: null,
      locked: true,
      isEquipped: false,
    });
    const mods = own.items.find((i) => i.itemHash === 6666);
    expect(mods).toMatchObject({ location: "inventory", ownerCharacterId: null, quantity: 3 });
  });

  it("survives a profile where everything is private or missing", () => {
    const bare = {
      profile: { privacy: 2 },
      characters: { privacy: 2 },
      characterInventories: { privacy: 2 },
      itemComponents: { instances: { privacy: 2 } },
    } as unknown as DestinyProfileResponse;
    const out = reshapeProfile(bare);
    expect(out.profile).toBeNull();
    expect(out.characters).toEqual([]);
    expect(out.items).toEqual([]);
    expect(out.privateComponents.sort()).toEqual([
      "characterInventories",
      "characters",
      "itemInstances",
      "profile",
    ]);
    expect(JSON.parse(JSON.stringify(out))).toEqual(out);
  });

  it("is plain JSON (goes to client components unchanged)", () => {
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });
});

describe("reshapeCharacterResponse and reshapeItemResponse", () => {
  it("reshapes one character's equipment and inventory", () => {
    const data = {
      character: {
        privacy: 1,
        data: (profileResponse.characters.data as Record<string, unknown>)[HUNTER],
      },
      equipment: profileResponse.characterEquipment.data![HUNTER]
        ? { privacy: 1, data: profileResponse.characterEquipment.data![HUNTER] }
        : undefined,
      inventory: { privacy: 2 },
      itemComponents: profileResponse.itemComponents,
    } as unknown as DestinyCharacterResponse;
    const out = reshapeCharacterResponse(data, HUNTER);
    expect(out.character?.characterId).toBe(HUNTER);
    expect(out.character?.inActivity).toBeNull();
    expect(out.items.map((i) => [i.itemHash, i.location])).toEqual([[1111, "equipped"]]);
    expect(out.privateComponents).toEqual(["inventory"]);
  });

  it("reshapes GetItem: vault location, no owner", () => {
    const data = {
      item: {
        privacy: 1,
        data: {
          itemHash: 9,
          itemInstanceId: "6917529000000000009",
          quantity: 1,
          location: 2,
          bucketHash: 138197802,
          state: 4,
          transferStatus: 0,
          lockable: true,
        },
      },
      instance: {
        privacy: 1,
        data: {
          isEquipped: false,
          canEquip: false,
          damageType: 1,
          primaryStat: { statHash: 1, value: 540 },
        },
      },
      stats: { privacy: 1, data: { stats: { "1": { statHash: 1, value: 5 } } } },
      sockets: { privacy: 2 },
    } as unknown as DestinyItemResponse;
    const out = reshapeItemResponse(data);
    expect(out).toMatchObject({
      location: "vault",
      ownerCharacterId: null,
      masterwork: true,
      power: 540,
      stats: [{ statHash: 1, value: 5 }],
      sockets: [],
    });
  });

  it("reshapes GetItem: equipped on a character", () => {
    const data = {
      characterId: HUNTER,
      item: {
        privacy: 1,
        data: {
          itemHash: 9,
          itemInstanceId: "6917529000000000009",
          location: 1,
          bucketHash: 1498876634,
          state: 0,
        },
      },
      instance: { privacy: 1, data: { isEquipped: true, canEquip: true } },
    } as unknown as DestinyItemResponse;
    expect(reshapeItemResponse(data)).toMatchObject({
      location: "equipped",
      ownerCharacterId: HUNTER,
      isEquipped: true,
    });
  });

  it("returns null when the item component is private", () => {
    expect(
      reshapeItemResponse({ item: { privacy: 2 } } as unknown as DestinyItemResponse),
    ).toBeNull();
  });
});
