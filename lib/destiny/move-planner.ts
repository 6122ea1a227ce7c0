// The move planner: turns "move this there", "equip this", "pull that" into the exact Bungie
// calls the game needs, in order, or into a clear refusal before anything moves.
//
// The game's rules it follows (Bungie's API moves items only between a character and the vault):
//  - character to character goes through the vault (two transfers);
//  - an equipped item can't be transferred: something else is equipped in its place first;
//  - a full destination (9 unequipped items per bucket, 700 in the vault) gets room by moving an
//    unequipped, unlocked, least valuable item aside, never an equipped or locked one, and the
//    player is told;
//  - one exotic weapon and one exotic armour piece may be equipped at a time: equipping an exotic
//    while another of its kind is equipped elsewhere swaps that one for a non-exotic first;
//  - armour of another class may sit in an inventory but can't be equipped;
//  - equipping works only in orbit, a social space or offline;
//  - postmaster items are pulled to the character that holds them first.
import {
  applyStepTracked,
  bucketContents,
  canClassUse,
  characterName,
  describePlace,
  findItem,
  hasRoomInVault,
  hasRoomOnCharacter,
  isAccountBucket,
  vaultContents,
  type PlanStep,
  type PlannerItem,
  type PlannerState,
  type StepReason,
} from "./planner-state";

export type Destination = { kind: "vault" } | { kind: "character"; characterId: string };

export type RefusalCode =
  | "not-found"
  | "unknown-character"
  | "already-there"
  | "not-transferable"
  | "not-equippable"
  | "wrong-class"
  | "in-activity"
  | "no-room"
  | "no-replacement"
  | "exotic-conflict"
  | "not-at-postmaster"
  | "not-lockable"
  | "invalid-set";

export type Refusal = { ok: false; code: RefusalCode; message: string };
export type Plan = {
  ok: true;
  steps: PlanStep[];
  /** What the player should know beyond "done" (items moved aside, exotics swapped). */
  notices: string[];
  /** The state once every step has succeeded. */
  result: PlannerState;
};
export type PlanResult = Plan | Refusal;

export type PlanOptions = {
  /**
   * The character used for calls that need one although no character is involved (a stack of the
   * account-wide buckets going to the vault, locking a vaulted item). Defaults to the first.
   */
  actingCharacterId?: string;
};

/** A refusal raised deep inside planning; caught at the top and returned as a value. */
class PlanRefused extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
  ) {
    super(message);
  }
}

/** Where the game lets a character change gear: the one wording of the rule (also equip-status). */
export const EQUIP_LOCATION_RULE = "equipping works only in orbit, a social space or offline";

/** What the game says when it refuses an equip because of where the character is. */
export function inActivityMessage(who: string): string {
  return `Your ${who} is in an activity: ${EQUIP_LOCATION_RULE}. Go to orbit and try again.`;
}

/** Plans one planning session: steps are applied to `state` as they are added. */
class Planner {
  state: PlannerState;
  readonly steps: PlanStep[] = [];
  readonly notices: string[] = [];
  readonly actingCharacterId: string | null;

  constructor(state: PlannerState, options: PlanOptions) {
    this.state = state;
    this.actingCharacterId = options.actingCharacterId ?? state.characters[0]?.characterId ?? null;
  }

  /** Adds a step and returns the moved item's key afterwards. */
  add(step: PlanStep): string {
    this.steps.push(step);
    const { state, movedKey } = applyStepTracked(this.state, step);
    this.state = state;
    return movedKey ?? ("itemKey" in step ? step.itemKey : "");
  }

  item(key: string): PlannerItem {
    const item = findItem(this.state, key);
    if (!item) throw new PlanRefused("not-found", "That item is not in your inventory.");
    return item;
  }

  character(characterId: string) {
    const character = this.state.characters.find((c) => c.characterId === characterId);
    if (!character) {
      throw new PlanRefused("unknown-character", "That character is not one of yours.");
    }
    return character;
  }

  who(characterId: string | null): string {
    return characterName(this.state, characterId);
  }

  actor(): string {
    if (!this.actingCharacterId) {
      throw new PlanRefused("unknown-character", "You need a character to move items.");
    }
    return this.actingCharacterId;
  }

  requireEquipAllowed(characterId: string) {
    if (this.character(characterId).inActivity === true) {
      throw new PlanRefused("in-activity", inActivityMessage(this.who(characterId)));
    }
  }

  /** Makes one free slot in the vault, moving its least valuable item to a character. */
  roomInVault(
    protect: ReadonlySet<string>,
    preferred: string | null,
    depth = 0,
    // The slot the current move is heading for: don't fill it with what comes out of the vault.
    avoid: { characterId: string | null; bucketHash: number } | null = null,
  ) {
    if (hasRoomInVault(this.state)) return;
    const order = [
      ...this.state.characters.filter((c) => c.characterId === preferred),
      ...this.state.characters.filter((c) => c.characterId !== preferred),
    ];
    for (const candidate of leastValuableFirst(vaultContents(this.state), protect)) {
      if (isAccountBucket(candidate.bucketHash)) continue;
      const target = order.find(
        (c) =>
          !(avoid?.characterId === c.characterId && avoid.bucketHash === candidate.bucketHash) &&
          hasRoomOnCharacter(this.state, c.characterId, candidate.bucketHash),
      );
      if (!target) continue;
      this.add(transfer(candidate, false, target.characterId, "make-room"));
      this.notices.push(
        `The vault was full: moved ${candidate.name} to your ${this.who(target.characterId)} to make room.`,
      );
      return;
    }
    if (depth > 0 || order.length === 0) {
      throw new PlanRefused(
        "no-room",
        "The vault is full and nothing in it can be moved aside (every item is locked, or no character has room).",
      );
    }
    throw new PlanRefused(
      "no-room",
      "The vault is full and nothing in it can be moved aside: unlock an item or make room on a character first.",
    );
  }

  /** Makes one free slot in a character's bucket, moving its least valuable item to the vault. */
  roomOnCharacter(characterId: string, bucketHash: number, protect: ReadonlySet<string>) {
    if (hasRoomOnCharacter(this.state, characterId, bucketHash)) return;
    const who = this.who(characterId);
    if (isAccountBucket(bucketHash)) {
      throw new PlanRefused("no-room", `That inventory is full on your account.`);
    }
    const candidate = leastValuableFirst(
      bucketContents(this.state, characterId, bucketHash),
      protect,
    )[0];
    if (!candidate) {
      throw new PlanRefused(
        "no-room",
        `That slot on your ${who} is full and every item in it is locked: unlock one or make room first.`,
      );
    }
    this.roomInVault(new Set([...protect, candidate.key]), null, 1);
    this.add(transfer(candidate, true, characterId, "make-room"));
    this.notices.push(
      `Your ${who} was full there: moved ${candidate.name} to the vault to make room.`,
    );
  }

  /**
   * Frees an equipped item so it can be transferred, by equipping the best other item of its
   * bucket (from the character, else from the vault). Returns nothing; the item is then unequipped.
   */
  unequip(item: PlannerItem, protect: ReadonlySet<string>) {
    const owner = item.ownerCharacterId;
    if (owner === null) return;
    const who = this.who(owner);
    if (this.character(owner).inActivity === true) {
      throw new PlanRefused(
        "in-activity",
        `${item.name} is equipped on your ${who}, which is in an activity: ${EQUIP_LOCATION_RULE}. Go to orbit and try again.`,
      );
    }
    const replacement = this.findReplacement(owner, item.bucketHash, item.key, protect, null);
    if (!replacement) {
      throw new PlanRefused(
        "no-replacement",
        `${item.name} is equipped on your ${who} and there is nothing to equip in its place.`,
      );
    }
    const key = this.bring(replacement.key, owner, new Set([...protect, replacement.key]));
    this.add(equipStep(this.item(key), owner, "replacement"));
    this.notices.push(`Equipped ${replacement.name} on your ${who} in place of ${item.name}.`);
  }

  /**
   * The best item to equip in a bucket instead of `excludedKey`: on the character first, then in
   * the vault; class-compatible, equippable, and never one that breaks the exotic rule.
   * `avoidLabel`: a unique label the replacement must not have (swapping an exotic out).
   */
  findReplacement(
    characterId: string,
    bucketHash: number,
    excludedKey: string,
    protect: ReadonlySet<string>,
    avoidLabel: string | null,
  ): PlannerItem | undefined {
    const character = this.character(characterId);
    const labelsElsewhere = new Set(
      this.state.items
        .filter(
          (i) =>
            i.location === "equipped" &&
            i.ownerCharacterId === characterId &&
            i.bucketHash !== bucketHash &&
            i.uniqueLabel,
        )
        .map((i) => i.uniqueLabel),
    );
    const usable = (i: PlannerItem) =>
      i.key !== excludedKey &&
      !protect.has(i.key) &&
      i.bucketHash === bucketHash &&
      i.equippable &&
      i.itemInstanceId !== null &&
      canClassUse(i.classType, character.classType) &&
      (i.uniqueLabel === null ||
        (i.uniqueLabel !== avoidLabel && !labelsElsewhere.has(i.uniqueLabel)));
    const onCharacter = bucketContents(this.state, characterId, bucketHash).filter(usable);
    const inVault = vaultContents(this.state).filter((i) => usable(i) && i.transferable);
    return mostValuableFirst(onCharacter)[0] ?? mostValuableFirst(inVault)[0];
  }

  /** Moves an item into a character's inventory (nothing when it is there or equipped there). */
  bring(key: string, characterId: string, protect: ReadonlySet<string>): string {
    let item = this.item(key);
    if (item.ownerCharacterId === characterId && item.location !== "postmaster") return key;
    if (item.location === "inventory" && item.ownerCharacterId === null) {
      // Account-wide buckets are already reachable from every character.
      if (isAccountBucket(item.bucketHash)) return key;
    }
    key = this.leavePostmaster(item, protect);
    item = this.item(key);
    if (item.ownerCharacterId === characterId && item.location !== "vault") return key;
    return this.moveOut(item, { kind: "character", characterId }, item.quantity, protect);
  }

  /** Pulls a postmaster item to the character whose postmaster holds it. */
  leavePostmaster(item: PlannerItem, protect: ReadonlySet<string>): string {
    if (item.location !== "postmaster") return item.key;
    const owner = item.ownerCharacterId;
    if (owner === null) return item.key;
    this.roomOnCharacter(owner, item.bucketHash, protect);
    return this.add({
      kind: "pull",
      itemKey: item.key,
      itemInstanceId: item.itemInstanceId,
      itemHash: item.itemHash,
      stackSize: item.quantity,
      characterId: owner,
      why: "from-postmaster",
    });
  }

  /**
   * Moves an item (not at the postmaster) to the vault or a character, through the vault.
   * Returns its key afterwards.
   */
  moveOut(
    item: PlannerItem,
    destination: Destination,
    quantity: number,
    protect: ReadonlySet<string>,
  ): string {
    const target = destination.kind === "character" ? destination.characterId : null;
    if (target !== null) this.character(target);
    let key = item.key;
    if (item.location === "equipped") {
      if (item.ownerCharacterId === target) return key;
      this.unequip(item, protect);
      item = this.item(key);
    }
    const needsVaultStop = item.location !== "vault";
    const endsInVault = target === null;
    if (!item.transferable) {
      throw new PlanRefused(
        "not-transferable",
        `${item.name} can't be transferred: it stays ${describePlace(this.state, item)}.`,
      );
    }
    // Make room at the destination before anything moves, so a refusal leaves all in place.
    if (target !== null) this.roomOnCharacter(target, item.bucketHash, protect);
    if (needsVaultStop) {
      this.roomInVault(protect, item.ownerCharacterId, 0, {
        characterId: target,
        bucketHash: item.bucketHash,
      });
      const from = item.ownerCharacterId ?? this.actor();
      key = this.add(transfer(item, true, from, endsInVault ? "requested" : "via-vault", quantity));
      item = this.item(key);
    }
    if (target !== null) {
      // Making room in the vault above may have used this character's slot: check again.
      this.roomOnCharacter(target, item.bucketHash, protect);
      key = this.add(transfer(item, false, target, "requested", quantity));
    }
    return key;
  }

  /**
   * Equips an item on a character; swaps out another exotic of its kind first. The item must be
   * in that character's inventory already.
   */
  equipHere(key: string, characterId: string, protect: ReadonlySet<string>, why: StepReason) {
    const item = this.item(key);
    this.swapConflictingExotic(item, characterId, protect, new Set([item.bucketHash]));
    this.add(equipStep(item, characterId, why));
  }

  /** When `item` is an exotic and another of its kind is equipped elsewhere: equip a non-exotic there. */
  swapConflictingExotic(
    item: PlannerItem,
    characterId: string,
    protect: ReadonlySet<string>,
    coveredBuckets: ReadonlySet<number>,
  ): PlannerItem | null {
    if (!item.uniqueLabel) return null;
    const conflict = this.state.items.find(
      (i) =>
        i.location === "equipped" &&
        i.ownerCharacterId === characterId &&
        i.uniqueLabel === item.uniqueLabel &&
        !coveredBuckets.has(i.bucketHash),
    );
    if (!conflict) return null;
    const who = this.who(characterId);
    const replacement = this.findReplacement(
      characterId,
      conflict.bucketHash,
      conflict.key,
      protect,
      item.uniqueLabel,
    );
    if (!replacement) {
      throw new PlanRefused(
        "exotic-conflict",
        `${conflict.name} is already equipped on your ${who}, and there is no non-exotic to equip in its place.`,
      );
    }
    const key = this.bring(replacement.key, characterId, new Set([...protect, replacement.key]));
    const ready = this.item(key);
    this.add(equipStep(ready, characterId, "exotic-swap"));
    this.notices.push(
      `Only one exotic of a kind can be equipped: swapped ${conflict.name} for ${ready.name} on your ${who}.`,
    );
    return ready;
  }

  finish(): Plan {
    return { ok: true, steps: this.steps, notices: this.notices, result: this.state };
  }
}

function run(state: PlannerState, options: PlanOptions, body: (p: Planner) => void): PlanResult {
  const planner = new Planner(state, options);
  try {
    body(planner);
  } catch (error) {
    if (error instanceof PlanRefused)
      return { ok: false, code: error.code, message: error.message };
    throw error;
  }
  return planner.finish();
}

function refuse(code: RefusalCode, message: string): never {
  throw new PlanRefused(code, message);
}

/** Moves an item (or part of a stack) to the vault or to a character. */
export function planMove(
  state: PlannerState,
  request: { itemKey: string; to: Destination; quantity?: number },
  options: PlanOptions = {},
): PlanResult {
  return run(state, options, (p) => {
    let item = p.item(request.itemKey);
    const { to } = request;
    const quantity = Math.min(item.quantity, Math.max(1, request.quantity ?? item.quantity));
    const target = to.kind === "character" ? to.characterId : null;
    if (target !== null) p.character(target);
    const there =
      to.kind === "vault"
        ? item.location === "vault"
        : (item.ownerCharacterId === target &&
            (item.location === "inventory" || item.location === "equipped")) ||
          (item.ownerCharacterId === null &&
            item.location === "inventory" &&
            isAccountBucket(item.bucketHash));
    if (there) refuse("already-there", `${item.name} is already ${describePlace(p.state, item)}.`);
    const protect = new Set([item.key]);
    if (item.location === "postmaster") {
      const key = p.leavePostmaster(item, protect);
      item = p.item(key);
      if (item.ownerCharacterId === target) return;
    }
    p.moveOut(item, to, quantity, new Set([item.key]));
  });
}

/** Equips an item on a character, bringing it there first (from the vault or another one). */
export function planEquip(
  state: PlannerState,
  request: { itemKey: string; characterId: string },
  options: PlanOptions = {},
): PlanResult {
  return run(state, options, (p) => {
    const item = p.item(request.itemKey);
    const character = p.character(request.characterId);
    const who = p.who(character.characterId);
    if (item.location === "equipped" && item.ownerCharacterId === character.characterId) {
      refuse("already-there", `${item.name} is already equipped on your ${who}.`);
    }
    if (!item.equippable || item.itemInstanceId === null) {
      refuse("not-equippable", `${item.name} can't be equipped.`);
    }
    if (!canClassUse(item.classType, character.classType)) {
      refuse(
        "wrong-class",
        `${item.name} is ${classLabel(item.classType)} gear: your ${who} can't equip it.`,
      );
    }
    p.requireEquipAllowed(character.characterId);
    const protect = new Set([item.key]);
    const key = p.bring(item.key, character.characterId, protect);
    p.equipHere(key, character.characterId, protect, "requested");
  });
}

/** Pulls an item from a character's postmaster into that character's inventory. */
export function planPull(
  state: PlannerState,
  request: { itemKey: string },
  options: PlanOptions = {},
): PlanResult {
  return run(state, options, (p) => {
    const item = p.item(request.itemKey);
    if (item.location !== "postmaster") {
      refuse("not-at-postmaster", `${item.name} is not at the postmaster.`);
    }
    p.leavePostmaster(item, new Set([item.key]));
  });
}

/** Locks or unlocks an instanced item. */
export function planLock(
  state: PlannerState,
  request: { itemKey: string; locked: boolean },
  options: PlanOptions = {},
): PlanResult {
  return run(state, options, (p) => {
    const item = p.item(request.itemKey);
    if (!item.lockable || item.itemInstanceId === null) {
      refuse("not-lockable", `${item.name} can't be locked.`);
    }
    if (item.locked === request.locked) {
      refuse("already-there", `${item.name} is already ${item.locked ? "locked" : "unlocked"}.`);
    }
    p.add({
      kind: "lock",
      itemKey: item.key,
      itemInstanceId: item.itemInstanceId!,
      characterId: item.ownerCharacterId ?? p.actor(),
      locked: request.locked,
      why: "requested",
    });
  });
}

/**
 * Equips a whole set on a character at once (one EquipItems call once every piece is there).
 * Pieces already equipped are left alone; another exotic of a kind the set brings is swapped out.
 */
export function planEquipSet(
  state: PlannerState,
  request: { itemKeys: string[]; characterId: string },
  options: PlanOptions = {},
): PlanResult {
  return run(state, options, (p) => {
    const character = p.character(request.characterId);
    const who = p.who(character.characterId);
    const keys = [...new Set(request.itemKeys)];
    if (keys.length === 0) refuse("invalid-set", "Choose at least one item to equip.");
    const items = keys.map((k) => p.item(k));
    const buckets = new Set<number>();
    const labels = new Set<string>();
    for (const item of items) {
      if (!item.equippable || item.itemInstanceId === null) {
        refuse("not-equippable", `${item.name} can't be equipped.`);
      }
      if (!canClassUse(item.classType, character.classType)) {
        refuse(
          "wrong-class",
          `${item.name} is ${classLabel(item.classType)} gear: your ${who} can't equip it.`,
        );
      }
      if (buckets.has(item.bucketHash)) {
        refuse("invalid-set", `The set has two items for the same slot (${item.name}).`);
      }
      buckets.add(item.bucketHash);
      if (item.uniqueLabel) {
        if (labels.has(item.uniqueLabel)) {
          refuse(
            "exotic-conflict",
            `The set has two exotics of the same kind (${item.name}); only one can be equipped.`,
          );
        }
        labels.add(item.uniqueLabel);
      }
    }
    const pending = items.filter(
      (i) => !(i.location === "equipped" && i.ownerCharacterId === character.characterId),
    );
    if (pending.length === 0)
      refuse("already-there", `That set is already equipped on your ${who}.`);
    p.requireEquipAllowed(character.characterId);

    const protect = new Set(keys);
    const ready: PlannerItem[] = [];
    for (const item of pending) {
      ready.push(p.item(p.bring(item.key, character.characterId, protect)));
    }
    // The set's exotics may clash with exotics equipped in slots the set doesn't cover.
    for (const item of ready.filter((i) => i.uniqueLabel)) {
      p.swapConflictingExotic(item, character.characterId, protect, buckets);
    }
    const toEquip = ready.map((i) => p.item(i.key));
    p.add({
      kind: "equip-set",
      itemKeys: toEquip.map((i) => i.key),
      itemInstanceIds: toEquip.map((i) => i.itemInstanceId!),
      characterId: character.characterId,
      why: "requested",
    });
  });
}

function transfer(
  item: PlannerItem,
  toVault: boolean,
  characterId: string,
  why: StepReason,
  quantity = item.quantity,
): PlanStep {
  return {
    kind: "transfer",
    itemKey: item.key,
    itemInstanceId: item.itemInstanceId,
    itemHash: item.itemHash,
    stackSize: item.itemInstanceId === null ? Math.min(quantity, item.quantity) : 1,
    toVault,
    characterId,
    why,
  };
}

function equipStep(item: PlannerItem, characterId: string, why: StepReason): PlanStep {
  return {
    kind: "equip",
    itemKey: item.key,
    itemInstanceId: item.itemInstanceId!,
    characterId,
    why,
  };
}

/** Least valuable first: lower rarity, not masterworked, lower power. Never locked/protected ones. */
export function leastValuableFirst(
  items: PlannerItem[],
  protect: ReadonlySet<string> = new Set(),
): PlannerItem[] {
  return items
    .filter(
      (i) =>
        !i.locked &&
        i.location !== "equipped" &&
        i.itemInstanceId !== null &&
        i.transferable &&
        !protect.has(i.key),
    )
    .sort((a, b) => compareValue(a, b) || a.key.localeCompare(b.key));
}

function mostValuableFirst(items: PlannerItem[]): PlannerItem[] {
  // Prefer a non-exotic replacement: it never blocks another exotic the player wants on.
  return [...items].sort(
    (a, b) =>
      Number(a.uniqueLabel !== null) - Number(b.uniqueLabel !== null) ||
      compareValue(b, a) ||
      a.key.localeCompare(b.key),
  );
}

function compareValue(a: PlannerItem, b: PlannerItem): number {
  return (
    a.rarity - b.rarity ||
    Number(a.masterwork) - Number(b.masterwork) ||
    (a.power ?? 0) - (b.power ?? 0)
  );
}

function classLabel(classType: number): string {
  return classType === 0
    ? "Titan"
    : classType === 1
      ? "Hunter"
      : classType === 2
        ? "Warlock"
        : "other-class";
}
