// A small world for the move planner's tests: three characters (Titan, Hunter, Warlock) and
// helpers to put items anywhere, fill buckets and the vault.
import { BucketHashes } from "@/lib/destiny/buckets";
import {
  stackKey,
  type PlaceKind,
  type PlannerItem,
  type PlannerState,
} from "@/lib/destiny/planner-state";

export const TITAN = "2305843009200000001";
export const HUNTER = "2305843009200000002";
export const WARLOCK = "2305843009200000003";

let nextId = 6917529000000000000n;

export function resetIds() {
  nextId = 6917529000000000000n;
}

type ItemOptions = Partial<Omit<PlannerItem, "key" | "itemInstanceId">> & {
  location: PlaceKind;
  ownerCharacterId?: string | null;
};

/** An instanced item (legendary kinetic weapon at 1900 by default). */
export function gear(name: string, options: ItemOptions): PlannerItem {
  nextId += 1n;
  const id = nextId.toString();
  return {
    key: id,
    itemInstanceId: id,
    itemHash: 1000 + Number(nextId % 100000n),
    name,
    quantity: 1,
    maxStackSize: 1,
    bucketHash: BucketHashes.KineticWeapons,
    ownerCharacterId: null,
    classType: 3,
    rarity: 5,
    uniqueLabel: null,
    locked: false,
    lockable: true,
    power: 450,
    masterwork: false,
    transferable: true,
    equippable: true,
    ...options,
  };
}

export function exoticWeapon(name: string, options: ItemOptions): PlannerItem {
  return gear(name, { rarity: 6, uniqueLabel: "exotic_weapon", ...options });
}

export function exoticArmor(name: string, classType: number, options: ItemOptions): PlannerItem {
  return gear(name, {
    rarity: 6,
    uniqueLabel: "exotic_armor",
    classType,
    bucketHash: BucketHashes.Helmet,
    ...options,
  });
}

/** A non-instanced stack (a consumable by default, in the account-wide bucket). */
export function stack(
  name: string,
  itemHash: number,
  quantity: number,
  options: Partial<PlannerItem> & { location: PlaceKind; index?: number },
): PlannerItem {
  const owner = options.ownerCharacterId ?? null;
  return {
    key: stackKey(itemHash, options.location, owner, options.index ?? 0),
    itemInstanceId: null,
    itemHash,
    name,
    quantity,
    maxStackSize: 99,
    bucketHash: BucketHashes.Consumables,
    ownerCharacterId: owner,
    classType: 3,
    rarity: 3,
    uniqueLabel: null,
    locked: false,
    lockable: false,
    power: null,
    masterwork: false,
    transferable: true,
    equippable: false,
    ...options,
  };
}

export function world(items: PlannerItem[], inActivity: Partial<Record<string, boolean>> = {}) {
  const state: PlannerState = {
    characters: [
      { characterId: TITAN, classType: 0, inActivity: inActivity[TITAN] ?? false, name: "Titan" },
      {
        characterId: HUNTER,
        classType: 1,
        inActivity: inActivity[HUNTER] ?? false,
        name: "Hunter",
      },
      {
        characterId: WARLOCK,
        classType: 2,
        inActivity: inActivity[WARLOCK] ?? false,
        name: "Warlock",
      },
    ],
    items,
  };
  return state;
}

/** `count` unequipped items filling a character's bucket (lowest power first). */
export function fill(
  characterId: string,
  bucketHash: number,
  count: number,
  options: Partial<ItemOptions> = {},
): PlannerItem[] {
  return Array.from({ length: count }, (_, n) =>
    gear(`Filler ${n + 1}`, {
      location: "inventory",
      ownerCharacterId: characterId,
      bucketHash,
      power: 450 + n,
      ...options,
    }),
  );
}

/** `count` vault items (kinetic weapons by default). */
export function vaultFill(count: number, options: Partial<ItemOptions> = {}): PlannerItem[] {
  return Array.from({ length: count }, (_, n) =>
    gear(`Vaulted ${n + 1}`, { location: "vault", power: 500, ...options }),
  );
}

/** The basic loadout of a character: one equipped legendary in each weapon bucket. */
export function equippedWeapons(characterId: string): PlannerItem[] {
  return [
    gear("Kinetic On", {
      location: "equipped",
      ownerCharacterId: characterId,
      bucketHash: BucketHashes.KineticWeapons,
    }),
    gear("Energy On", {
      location: "equipped",
      ownerCharacterId: characterId,
      bucketHash: BucketHashes.EnergyWeapons,
    }),
    gear("Power On", {
      location: "equipped",
      ownerCharacterId: characterId,
      bucketHash: BucketHashes.PowerWeapons,
    }),
  ];
}
