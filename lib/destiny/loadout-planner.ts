// The loadout planner: turns "equip this saved loadout on that character" into the exact Bungie
// calls, in order, or a refusal before anything moves. Pure (no I/O), like the move planner it
// builds on: gathering and equipping are move-planner's planEquipSet (so a loadout follows the
// same rules as every other move: through the vault, room made by moving the least valuable
// unlocked item to the vault, never an equipped one, one exotic weapon and one exotic armour
// piece), then one InsertSocketPlugFree per subclass plug that differs.
//
// Decisions:
//  - Items at a postmaster are pulled first (to the character whose postmaster holds them), then
//    moved like any other: a loadout should not fail because a piece dropped while inventory was
//    full.
//  - Items the loadout names that nobody holds any more (dismantled, or an id from before a
//    reset) are named and skipped; so are a second item for a slot, a second exotic of a kind, an
//    item another class must wear, and an item the game won't move (only the rest is equipped).
//  - A loadout saved for another class is refused outright.
//  - Armour mods are kept and shown but not applied (yet): only the subclass's plugs are.
import { BucketHashes } from "./buckets";
import { planEquipSet, planMove, type RefusalCode } from "./move-planner";
import {
  applyStep,
  canClassUse,
  characterName,
  type PlanStep,
  type PlannerItem,
  type PlannerState,
} from "./planner-state";
import { CLASS_NAMES } from "./game-facts";
import { isArmorBucket, isWeaponBucket } from "./buckets";

/** What the planner needs of a saved loadout's item (lib/loadouts' LoadoutItem has this shape). */
export type LoadoutPiece = {
  itemHash: number;
  itemInstanceId: string;
  bucketHash: number;
  /** socketIndex → plug hash, as saved. */
  plugs: Record<string, number>;
};

/** InsertSocketPlugFree: one free socket of an item on the character gets a plug. */
export type PlugStep = {
  kind: "plug";
  itemInstanceId: string;
  itemHash: number;
  characterId: string;
  socketIndex: number;
  plugItemHash: number;
};

export type LoadoutStep = PlanStep | PlugStep;

export type SkipReason =
  | "missing"
  | "duplicate"
  | "exotic-conflict"
  | "wrong-class"
  | "not-transferable"
  | "not-equippable"
  | "plug-order";

/** A piece of the loadout that won't be equipped, and why, in the player's words. */
export type SkippedPiece = {
  itemHash: number;
  itemInstanceId: string;
  /** The item's name when someone holds it; null when nobody does. */
  name: string | null;
  reason: SkipReason;
  message: string;
};

export type LoadoutPlan = {
  ok: true;
  steps: LoadoutStep[];
  notices: string[];
  skipped: SkippedPiece[];
  /** The inventory once every step has succeeded. */
  result: PlannerState;
};

export type LoadoutRefusalCode = RefusalCode | "wrong-class-loadout" | "nothing-to-do";
export type LoadoutPlanResult =
  LoadoutPlan | { ok: false; code: LoadoutRefusalCode; message: string; skipped: SkippedPiece[] };

export type LoadoutPlanRequest = {
  characterId: string;
  /** The class the loadout was saved for. */
  classType: number;
  pieces: readonly LoadoutPiece[];
  /**
   * Each item's plugs now, socket by socket (null: empty), by instance id: what the plugs are
   * compared with. Items absent here count as having no plugs we know (every saved plug is sent).
   */
  sockets: ReadonlyMap<string, readonly (number | null)[]>;
  /** Also move the character's other (unequipped) weapons and armour to the vault. */
  clearOthers?: boolean;
};

export function planLoadout(state: PlannerState, request: LoadoutPlanRequest): LoadoutPlanResult {
  const skipped: SkippedPiece[] = [];
  const character = state.characters.find((c) => c.characterId === request.characterId);
  if (!character) {
    return {
      ok: false,
      code: "unknown-character",
      message: "That character is not one of yours.",
      skipped,
    };
  }
  const who = characterName(state, character.characterId);
  if (request.classType !== character.classType) {
    const forClass = CLASS_NAMES[request.classType] ?? "another class";
    return {
      ok: false,
      code: "wrong-class-loadout",
      message: `This loadout is for a ${forClass}: your ${who} can't wear it.`,
      skipped,
    };
  }

  const chosen = choosePieces(state, request, skipped);
  const notices: string[] = [];
  let steps: LoadoutStep[] = [];
  let current = state;

  const pending = chosen.filter(
    ({ item }) =>
      !(item.location === "equipped" && item.ownerCharacterId === character.characterId),
  );
  if (pending.length > 0) {
    const equip = planEquipSet(current, {
      itemKeys: chosen.map((c) => c.item.key),
      characterId: character.characterId,
    });
    if (!equip.ok) return { ok: false, code: equip.code, message: equip.message, skipped };
    steps = [...equip.steps];
    notices.push(...equip.notices);
    current = equip.result;
  } else if (chosen.length > 0 && character.inActivity === true) {
    // Plugs follow the same rule as equipping: only in orbit, a social space or offline.
    return {
      ok: false,
      code: "in-activity",
      message: `Your ${who} is in an activity: equipping works only in orbit, a social space or offline. Go to orbit and try again.`,
      skipped,
    };
  }

  for (const { piece, item } of chosen) {
    if (item.bucketHash !== BucketHashes.Subclass || item.itemInstanceId === null) continue;
    const plugs = planPlugs(piece, item, character.characterId, request.sockets, skipped);
    steps = [...steps, ...plugs];
  }

  if (request.clearOthers) {
    const keep = new Set(chosen.map((c) => c.item.key));
    const others = current.items.filter(
      (i) =>
        i.ownerCharacterId === character.characterId &&
        i.location === "inventory" &&
        (isWeaponBucket(i.bucketHash) || isArmorBucket(i.bucketHash)) &&
        !keep.has(i.key) &&
        i.transferable,
    );
    for (const other of others) {
      const move = planMove(current, { itemKey: other.key, to: { kind: "vault" } });
      if (!move.ok) {
        notices.push(`${other.name} stays on your ${who}: ${move.message}`);
        continue;
      }
      steps = [...steps, ...move.steps];
      notices.push(...move.notices);
      current = move.result;
    }
  }

  if (steps.length === 0) {
    return {
      ok: false,
      code: chosen.length > 0 ? "already-there" : "nothing-to-do",
      message:
        chosen.length > 0
          ? `This loadout is already equipped on your ${who}.`
          : "None of this loadout's items can be equipped.",
      skipped,
    };
  }
  return { ok: true, steps, notices, skipped, result: current };
}

/** The state after a loadout step (plugs don't move anything). */
export function applyLoadoutStep(state: PlannerState, step: LoadoutStep): PlannerState {
  return step.kind === "plug" ? state : applyStep(state, step);
}

type Chosen = { piece: LoadoutPiece; item: PlannerItem };

/** The pieces that can be equipped, each matched to the item that holds it now. */
function choosePieces(
  state: PlannerState,
  request: LoadoutPlanRequest,
  skipped: SkippedPiece[],
): Chosen[] {
  const byInstance = new Map(
    state.items.filter((i) => i.itemInstanceId !== null).map((i) => [i.itemInstanceId!, i]),
  );
  const character = state.characters.find((c) => c.characterId === request.characterId)!;
  const who = characterName(state, character.characterId);
  const chosen: Chosen[] = [];
  const buckets = new Set<number>();
  const ids = new Set<string>();
  const labels = new Map<string, string>();
  const skip = (
    piece: LoadoutPiece,
    item: PlannerItem | undefined,
    reason: SkipReason,
    message: string,
  ) =>
    skipped.push({
      itemHash: piece.itemHash,
      itemInstanceId: piece.itemInstanceId,
      name: item?.name ?? null,
      reason,
      message,
    });

  for (const piece of request.pieces) {
    const item = byInstance.get(piece.itemInstanceId);
    if (ids.has(piece.itemInstanceId)) {
      skip(piece, item, "duplicate", `${item?.name ?? "An item"} is in the loadout twice.`);
      continue;
    }
    ids.add(piece.itemInstanceId);
    if (!item || item.itemHash !== piece.itemHash) {
      skip(
        piece,
        undefined,
        "missing",
        "An item of this loadout is no longer in your inventory, vault or postmaster (dismantled?).",
      );
      continue;
    }
    if (buckets.has(item.bucketHash)) {
      skip(piece, item, "duplicate", `${item.name} is a second item for the same slot: skipped.`);
      continue;
    }
    if (!item.equippable || item.itemInstanceId === null) {
      skip(piece, item, "not-equippable", `${item.name} can't be equipped.`);
      continue;
    }
    if (!canClassUse(item.classType, character.classType)) {
      skip(
        piece,
        item,
        "wrong-class",
        `${item.name} is another class's gear: your ${who} can't wear it.`,
      );
      continue;
    }
    const elsewhere = item.ownerCharacterId !== character.characterId || item.location === "vault";
    if (elsewhere && !item.transferable) {
      skip(
        piece,
        item,
        "not-transferable",
        `${item.name} can't leave the character that holds it.`,
      );
      continue;
    }
    if (item.uniqueLabel) {
      const first = labels.get(item.uniqueLabel);
      if (first) {
        skip(
          piece,
          item,
          "exotic-conflict",
          `${item.name} is a second exotic of its kind (with ${first}): only one can be equipped.`,
        );
        continue;
      }
      labels.set(item.uniqueLabel, item.name);
    }
    buckets.add(item.bucketHash);
    chosen.push({ piece, item });
  }
  return chosen;
}

/**
 * The InsertSocketPlugFree calls that bring a subclass to its saved plugs, in an order the game
 * accepts: it holds each aspect and fragment once per subclass, so a plug that sits in another
 * socket now goes in only after that socket has been given its own.
 */
function planPlugs(
  piece: LoadoutPiece,
  item: PlannerItem,
  characterId: string,
  sockets: ReadonlyMap<string, readonly (number | null)[]>,
  skipped: SkippedPiece[],
): PlugStep[] {
  const now = [...(sockets.get(item.itemInstanceId!) ?? [])];
  let pending = Object.entries(piece.plugs)
    .map(([index, hash]) => ({ socketIndex: Number(index), plugItemHash: hash }))
    .filter((p) => now[p.socketIndex] !== p.plugItemHash)
    .sort((a, b) => a.socketIndex - b.socketIndex);
  const steps: PlugStep[] = [];
  while (pending.length > 0) {
    const next = pending.find(
      (p) => !now.some((hash, index) => index !== p.socketIndex && hash === p.plugItemHash),
    );
    if (!next) {
      // Plugs that only trade places: the game can't hold one twice even for a moment.
      skipped.push({
        itemHash: item.itemHash,
        itemInstanceId: item.itemInstanceId!,
        name: item.name,
        reason: "plug-order",
        message: `${pending.length} of ${item.name}'s aspects or fragments only swap sockets: change one in the game and equip again.`,
      });
      break;
    }
    steps.push({
      kind: "plug",
      itemInstanceId: item.itemInstanceId!,
      itemHash: item.itemHash,
      characterId,
      socketIndex: next.socketIndex,
      plugItemHash: next.plugItemHash,
    });
    now[next.socketIndex] = next.plugItemHash;
    pending = pending.filter((p) => p !== next);
  }
  return steps;
}
