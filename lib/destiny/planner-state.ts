// The world the move planner reasons about: a player's items and characters, reduced to what the
// game's inventory rules look at. Pure data and pure functions (no I/O), shared by the server
// (to plan and execute) and the browser (to show a move at once, before Bungie confirms it).
import {
  BucketHashes,
  CHARACTER_BUCKET_CAPACITY,
  VAULT_CAPACITY,
  isArmorBucket,
  isEquippableBucket,
  isWeaponBucket,
} from "./buckets";
import { CLASS_NAMES, DestinyClass } from "./game-facts";

export type PlaceKind = "equipped" | "inventory" | "vault" | "postmaster";

export type PlannerItem = {
  /** Stable key: the instance id, or a stack key (see stackKey) for non-instanced items. */
  key: string;
  itemInstanceId: string | null;
  itemHash: number;
  name: string;
  quantity: number;
  maxStackSize: number;
  /** The bucket the item takes on a character (its definition's bucket, not "General"). */
  bucketHash: number;
  location: PlaceKind;
  /** The character holding it; null in the vault and in account-wide buckets. */
  ownerCharacterId: string | null;
  /** DestinyClass of the item: 3 = any class. */
  classType: number;
  rarity: number;
  /** At most one equipped item per label and character (the game's "exotic_weapon" etc.). */
  uniqueLabel: string | null;
  locked: boolean;
  lockable: boolean;
  power: number | null;
  masterwork: boolean;
  transferable: boolean;
  equippable: boolean;
};

export type PlannerCharacter = {
  characterId: string;
  classType: number;
  /** true in an activity (equipping then fails); null when unknown. */
  inActivity: boolean | null;
  /** How messages name it ("Hunter"); defaults to the class name. */
  name?: string;
};

export type PlannerState = {
  characters: PlannerCharacter[];
  items: PlannerItem[];
};

export type StepReason =
  "requested" | "via-vault" | "make-room" | "replacement" | "exotic-swap" | "from-postmaster";

export type PlanStep =
  | {
      kind: "transfer";
      itemKey: string;
      itemInstanceId: string | null;
      itemHash: number;
      stackSize: number;
      toVault: boolean;
      /** The character the item leaves (to the vault) or reaches (from the vault). */
      characterId: string;
      why: StepReason;
    }
  | {
      kind: "pull";
      itemKey: string;
      itemInstanceId: string | null;
      itemHash: number;
      stackSize: number;
      characterId: string;
      why: StepReason;
    }
  | {
      kind: "equip";
      itemKey: string;
      itemInstanceId: string;
      characterId: string;
      why: StepReason;
    }
  | {
      kind: "equip-set";
      itemKeys: string[];
      itemInstanceIds: string[];
      characterId: string;
      why: StepReason;
    }
  | {
      kind: "lock";
      itemKey: string;
      itemInstanceId: string;
      characterId: string;
      locked: boolean;
      why: StepReason;
    };

/** Buckets that live on the profile (shared by all characters), not on one character. */
export const ACCOUNT_BUCKETS: readonly number[] = [
  BucketHashes.Consumables,
  BucketHashes.Modifications,
  BucketHashes.Materials,
];
/** Stacks per account-wide bucket. */
export const ACCOUNT_BUCKET_CAPACITY = 50;

export function isAccountBucket(bucketHash: number): boolean {
  return ACCOUNT_BUCKETS.includes(bucketHash);
}

/** Unequipped items a character can hold in a bucket (Infinity when the game has no limit we know). */
export function characterBucketCapacity(bucketHash: number): number {
  if (isAccountBucket(bucketHash)) return ACCOUNT_BUCKET_CAPACITY;
  return isEquippableBucket(bucketHash) ? CHARACTER_BUCKET_CAPACITY : Number.POSITIVE_INFINITY;
}

export const VAULT_SLOTS = VAULT_CAPACITY;

export function characterName(
  state: Pick<PlannerState, "characters">,
  characterId: string | null,
): string {
  const character = state.characters.find((c) => c.characterId === characterId);
  if (!character) return "character";
  return character.name ?? CLASS_NAMES[character.classType] ?? "character";
}

/** "exotic_weapon"/"exotic_armor" from the definition, else inferred from rarity and bucket. */
export function uniqueLabelOf(
  definitionLabel: string | null | undefined,
  rarity: number,
  bucketHash: number,
): string | null {
  if (definitionLabel) return definitionLabel;
  if (rarity !== 6) return null;
  if (isWeaponBucket(bucketHash)) return "exotic_weapon";
  if (isArmorBucket(bucketHash)) return "exotic_armor";
  return null;
}

export function canClassUse(itemClassType: number, characterClassType: number): boolean {
  return itemClassType === DestinyClass.Unknown || itemClassType === characterClassType;
}

/** Where a place's stacks are keyed: vault, profile, inv:<id> or pm:<id>. */
function placeKey(location: PlaceKind, owner: string | null): string {
  if (location === "vault") return "vault";
  if (location === "postmaster") return `pm:${owner}`;
  if (owner === null) return "profile";
  return `${location === "equipped" ? "eq" : "inv"}:${owner}`;
}

/** The key of the n-th stack (0-based) of an item hash at a place. */
export function stackKey(
  itemHash: number,
  location: PlaceKind,
  owner: string | null,
  index = 0,
): string {
  return `${itemHash}@${placeKey(location, owner)}${index > 0 ? `#${index + 1}` : ""}`;
}

export function findItem(state: PlannerState, key: string): PlannerItem | undefined {
  return state.items.find((i) => i.key === key);
}

/** Items a character holds unequipped in a bucket (account buckets: the profile's). */
export function bucketContents(
  state: PlannerState,
  characterId: string,
  bucketHash: number,
): PlannerItem[] {
  const account = isAccountBucket(bucketHash);
  return state.items.filter(
    (i) =>
      i.location === "inventory" &&
      i.bucketHash === bucketHash &&
      (account ? i.ownerCharacterId === null : i.ownerCharacterId === characterId),
  );
}

export function vaultContents(state: PlannerState): PlannerItem[] {
  return state.items.filter((i) => i.location === "vault");
}

export function equippedIn(
  state: PlannerState,
  characterId: string,
  bucketHash: number,
): PlannerItem | undefined {
  return state.items.find(
    (i) =>
      i.location === "equipped" &&
      i.ownerCharacterId === characterId &&
      i.bucketHash === bucketHash,
  );
}

export function hasRoomOnCharacter(
  state: PlannerState,
  characterId: string,
  bucketHash: number,
): boolean {
  return (
    bucketContents(state, characterId, bucketHash).length < characterBucketCapacity(bucketHash)
  );
}

export function hasRoomInVault(state: PlannerState): boolean {
  return vaultContents(state).length < VAULT_SLOTS;
}

/**
 * The state after one step, as the game would leave it. The planner uses it to plan each step on
 * the result of the previous ones; the browser uses it to show a move before Bungie confirms it;
 * a failed run uses it to say where everything ended up.
 */
export function applyStep(state: PlannerState, step: PlanStep): PlannerState {
  return applyStepTracked(state, step).state;
}

/** applyStep, and the key the moved item has afterwards (stacks merge and change keys). */
export function applyStepTracked(
  state: PlannerState,
  step: PlanStep,
): { state: PlannerState; movedKey: string | null } {
  switch (step.kind) {
    case "transfer":
      return step.toVault
        ? relocate(state, step.itemKey, step.stackSize, "vault", null)
        : relocate(
            state,
            step.itemKey,
            step.stackSize,
            "inventory",
            destinationOwner(state, step.itemKey, step.characterId),
          );
    case "pull":
      return relocate(
        state,
        step.itemKey,
        step.stackSize,
        "inventory",
        destinationOwner(state, step.itemKey, step.characterId),
      );
    case "equip":
      return { state: equip(state, step.itemKey, step.characterId), movedKey: step.itemKey };
    case "equip-set":
      return {
        state: step.itemKeys.reduce((s, key) => equip(s, key, step.characterId), state),
        movedKey: null,
      };
    case "lock":
      return {
        state: {
          ...state,
          items: state.items.map((i) =>
            i.key === step.itemKey ? { ...i, locked: step.locked } : i,
          ),
        },
        movedKey: step.itemKey,
      };
  }
}

function destinationOwner(state: PlannerState, key: string, characterId: string): string | null {
  const item = findItem(state, key);
  return item && isAccountBucket(item.bucketHash) ? null : characterId;
}

function relocate(
  state: PlannerState,
  key: string,
  amount: number,
  location: PlaceKind,
  owner: string | null,
): { state: PlannerState; movedKey: string | null } {
  const item = findItem(state, key);
  if (!item) return { state, movedKey: null };
  if (item.itemInstanceId !== null) {
    const moved = { ...item, location, ownerCharacterId: owner };
    return {
      state: { ...state, items: state.items.map((i) => (i.key === key ? moved : i)) },
      movedKey: key,
    };
  }
  // A stack: take `amount` from it and pour it into the destination's stacks of that item.
  const taken = Math.min(Math.max(1, amount), item.quantity);
  let items = state.items
    .map((i) => (i.key === key ? { ...i, quantity: i.quantity - taken } : i))
    .filter((i) => i.quantity > 0);
  let left = taken;
  let movedKey: string | null = null;
  items = items.map((i) => {
    if (
      left === 0 ||
      i.itemInstanceId !== null ||
      i.itemHash !== item.itemHash ||
      i.location !== location ||
      i.ownerCharacterId !== owner ||
      i.quantity >= i.maxStackSize
    ) {
      return i;
    }
    const poured = Math.min(left, i.maxStackSize - i.quantity);
    left -= poured;
    movedKey ??= i.key;
    return { ...i, quantity: i.quantity + poured };
  });
  while (left > 0) {
    const quantity = Math.min(left, Math.max(1, item.maxStackSize));
    left -= quantity;
    const taken = new Set(items.map((i) => i.key));
    let index = 0;
    while (taken.has(stackKey(item.itemHash, location, owner, index))) index++;
    const fresh: PlannerItem = {
      ...item,
      key: stackKey(item.itemHash, location, owner, index),
      quantity,
      location,
      ownerCharacterId: owner,
    };
    movedKey ??= fresh.key;
    items = [...items, fresh];
  }
  return { state: { ...state, items }, movedKey };
}

function equip(state: PlannerState, key: string, characterId: string): PlannerState {
  const item = findItem(state, key);
  if (!item) return state;
  const previous = equippedIn(state, characterId, item.bucketHash);
  return {
    ...state,
    items: state.items.map((i) => {
      if (i.key === key) return { ...i, location: "equipped", ownerCharacterId: characterId };
      if (previous && i.key === previous.key) return { ...i, location: "inventory" };
      return i;
    }),
  };
}

/**
 * Where an item is, as a player says it: "in the vault", "equipped on your Hunter", "at your
 * Titan's postmaster"... The planner's messages and the item sheet both use it (the sheet with
 * the first letter capitalised).
 */
export function describePlace(
  state: Pick<PlannerState, "characters">,
  item: Pick<PlannerItem, "location" | "ownerCharacterId">,
): string {
  const who = characterName(state, item.ownerCharacterId);
  switch (item.location) {
    case "vault":
      return "in the vault";
    case "equipped":
      return `equipped on your ${who}`;
    case "postmaster":
      return `at your ${who}'s postmaster`;
    case "inventory":
      return item.ownerCharacterId === null ? "in your account inventory" : `on your ${who}`;
  }
}
