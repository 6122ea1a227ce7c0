// In-game loadouts (EquipLoadout, SnapshotLoadout, UpdateLoadoutIdentifiers, ClearLoadout): only
// in orbit, a social space or offline (1671 elsewhere, like equipping), a slot index within
// DestinyLoadoutConstantsDefinition.loadoutCountPerCharacter (18 InvalidParameters otherwise).
//
// What Bungie does not document, the sandbox decides (sandbox/README.md, "In-game loadouts"):
// EquipLoadout equips the items that are on the character and pulls those in the vault (as the
// game's loadout screen does), when the bucket has room for the item it replaces. Items on
// another character, at the postmaster or gone are skipped, and so is an item that would break
// the one-exotic rule against what stays equipped; the call still succeeds (Response 0), so a
// client compares the character's equipment (205) afterwards. An empty slot refuses (1622).
// The loadout's plugs go into the subclass's and armour's free sockets when allowed there.
import { IN_GAME_LOADOUT_BUCKETS } from "../../lib/destiny/buckets";
import { UNSET_PLUG_HASH } from "../../lib/destiny/game-facts";
import type { ItemMeta } from "../world/definitions";
import type { WorldCharacter, WorldItem, WorldLoadout, WorldLoadoutItem } from "../world/types";
import { characterBucketFull } from "./capacity";
import { canEquipAt } from "./equip";
import { fail, type InventoryView, type RuleResult, RuleCodes } from "./types";

export interface LoadoutRules {
  countPerCharacter: number;
  nameHashes: readonly number[];
  iconHashes: readonly number[];
  colorHashes: readonly number[];
}

/** The identifiers of a slot nobody has set (and of one just cleared). */
export function emptyLoadout(rules: LoadoutRules): WorldLoadout {
  return {
    nameHash: rules.nameHashes[0] ?? 0,
    iconHash: rules.iconHashes[0] ?? 0,
    colorHash: rules.colorHashes[0] ?? 0,
    items: [],
  };
}

/** A character's slots, every one present (absent ones empty). */
export function loadoutSlots(character: WorldCharacter, rules: LoadoutRules): WorldLoadout[] {
  return Array.from(
    { length: rules.countPerCharacter },
    (_, i) => character.loadouts?.[i] ?? emptyLoadout(rules),
  );
}

/** The common checks of the four loadout actions: where the character is, the slot index. */
export function checkLoadoutAction(
  character: WorldCharacter,
  loadoutIndex: number,
  rules: LoadoutRules,
): RuleResult<null> {
  if (loadoutIndex < 0 || loadoutIndex >= rules.countPerCharacter)
    return fail(RuleCodes.InvalidParameters);
  if (!canEquipAt(character.activity))
    return fail(RuleCodes.DestinyCannotPerformActionAtThisLocation);
  return { ok: true, plan: null };
}

/** New identifiers: 0 keeps the slot's own, anything else must be one the constants list. */
export function planIdentifiers(
  current: WorldLoadout,
  requested: { nameHash: number; iconHash: number; colorHash: number },
  rules: LoadoutRules,
): RuleResult<Pick<WorldLoadout, "nameHash" | "iconHash" | "colorHash">> {
  const pick = (value: number, allowed: readonly number[], keep: number) =>
    value === 0 ? keep : allowed.includes(value) ? value : undefined;
  const nameHash = pick(requested.nameHash, rules.nameHashes, current.nameHash);
  const iconHash = pick(requested.iconHash, rules.iconHashes, current.iconHash);
  const colorHash = pick(requested.colorHash, rules.colorHashes, current.colorHash);
  if (nameHash === undefined || iconHash === undefined || colorHash === undefined)
    return fail(RuleCodes.InvalidParameters);
  return { ok: true, plan: { nameHash, iconHash, colorHash } };
}

function equippedIn(view: InventoryView, characterId: string, bucketHash: number) {
  return view.items.find(
    (i) =>
      i.place.kind === "equipped" &&
      i.place.characterId === characterId &&
      view.metaOf(i.itemHash)?.bucketHash === bucketHash,
  );
}

/** What the character wears now, as a loadout saves it (SnapshotLoadout). */
export function snapshotItems(view: InventoryView, character: WorldCharacter): WorldLoadoutItem[] {
  return IN_GAME_LOADOUT_BUCKETS.map((bucketHash) => {
    const item = equippedIn(view, character.characterId, bucketHash);
    if (!item?.itemInstanceId) return { itemInstanceId: "0", plugItemHashes: [] };
    const meta = view.metaOf(item.itemHash);
    const free = new Set(meta?.freeSockets ?? []);
    return {
      itemInstanceId: item.itemInstanceId,
      // The free sockets' plugs (subclass configuration, armour mods); the rest left as they are.
      plugItemHashes: (item.plugs ?? []).map((plug, i) => (free.has(i) ? plug : UNSET_PLUG_HASH)),
    };
  });
}

export interface EquipLoadoutPlan {
  /** Vault items that come to the character first. */
  pulls: WorldItem[];
  /** Items to equip, one per bucket. */
  equips: WorldItem[];
  /** New plugs: per item, the whole socket list after the loadout's plugs went in. */
  plugs: { item: WorldItem; plugs: number[] }[];
  /** Loadout items left out, with why (for the README's table and tests). */
  skipped: { itemInstanceId: string; reason: "gone" | "elsewhere" | "no-room" | "unequippable" }[];
}

/**
 * The sockets' plugs after a loadout's: only in free sockets and from their options. A subclass
 * never holds one plug twice (two equal aspects or fragments): a later duplicate keeps its own
 * plug, or takes the first option still unused.
 */
export function plugsAfter(
  item: WorldItem,
  meta: ItemMeta | undefined,
  wanted: number[],
): number[] {
  const current = [...(item.plugs ?? [])];
  if (!meta) return current;
  const free = new Set(meta.freeSockets ?? []);
  const next = [...current];
  wanted.forEach((plug, socket) => {
    if (plug === UNSET_PLUG_HASH || !free.has(socket)) return;
    if (!(meta.socketOptions[socket] ?? []).includes(plug)) return;
    next[socket] = plug;
  });
  if (meta.kind !== "subclass") return next;
  const used = new Set<number>();
  return next.map((plug, socket) => {
    if (!used.has(plug)) {
      used.add(plug);
      return plug;
    }
    const fallback = [current[socket], ...(meta.socketOptions[socket] ?? [])].find(
      (option): option is number => option !== undefined && !used.has(option),
    );
    if (fallback === undefined) return plug;
    used.add(fallback);
    return fallback;
  });
}

export function planEquipLoadout(
  view: InventoryView,
  character: WorldCharacter,
  loadout: WorldLoadout,
): RuleResult<EquipLoadoutPlan> {
  const real = loadout.items.filter((i) => i.itemInstanceId !== "0");
  if (real.length === 0) return fail(RuleCodes.DestinyInvalidRequest);
  const plan: EquipLoadoutPlan = { pulls: [], equips: [], plugs: [], skipped: [] };
  const chosen = new Map<number, { item: WorldItem; entry: WorldLoadoutItem }>();
  for (const entry of real) {
    const item = view.byInstanceId.get(entry.itemInstanceId);
    const meta = item && view.metaOf(item.itemHash);
    if (!item || !meta) {
      plan.skipped.push({ itemInstanceId: entry.itemInstanceId, reason: "gone" });
      continue;
    }
    const place = item.place;
    const here =
      (place.kind === "inventory" || place.kind === "equipped") &&
      place.characterId === character.characterId;
    if (!here && place.kind !== "vault") {
      plan.skipped.push({ itemInstanceId: entry.itemInstanceId, reason: "elsewhere" });
      continue;
    }
    if (meta.classType !== 3 && meta.classType !== character.classType) {
      plan.skipped.push({ itemInstanceId: entry.itemInstanceId, reason: "unequippable" });
      continue;
    }
    // From the vault, the item it replaces needs a free slot on the character.
    if (
      place.kind === "vault" &&
      characterBucketFull(view.items, character.characterId, meta.bucketHash, view.metaOf)
    ) {
      plan.skipped.push({ itemInstanceId: entry.itemInstanceId, reason: "no-room" });
      continue;
    }
    chosen.set(meta.bucketHash, { item, entry });
  }
  // One exotic weapon and one exotic armour piece, counting what stays equipped.
  const labels = new Map<string, number>();
  for (const bucketHash of IN_GAME_LOADOUT_BUCKETS) {
    if (chosen.has(bucketHash)) continue;
    const stays = equippedIn(view, character.characterId, bucketHash);
    const label = stays && view.metaOf(stays.itemHash)?.uniqueLabel;
    if (label) labels.set(label, bucketHash);
  }
  for (const [bucketHash, { item, entry }] of chosen) {
    const meta = view.metaOf(item.itemHash);
    const label = meta?.uniqueLabel;
    if (label && labels.has(label) && labels.get(label) !== bucketHash) {
      plan.skipped.push({ itemInstanceId: entry.itemInstanceId, reason: "unequippable" });
      continue;
    }
    if (label) labels.set(label, bucketHash);
    if (item.place.kind === "vault") plan.pulls.push(item);
    plan.equips.push(item);
    const plugs = plugsAfter(item, meta, entry.plugItemHashes);
    if (plugs.some((p, i) => p !== item.plugs?.[i])) plan.plugs.push({ item, plugs });
  }
  return { ok: true, plan };
}

/** InsertSocketPlugFree: a free socket of an item on the character, a plug its set offers. */
export function planInsertPlugFree(
  view: InventoryView,
  character: WorldCharacter,
  request: { itemId: string; socketIndex: number; socketArrayType: number; plugItemHash: number },
): RuleResult<{ item: WorldItem; plugs: number[] }> {
  const item = view.byInstanceId.get(request.itemId);
  const place = item?.place;
  if (
    !item ||
    !place ||
    (place.kind !== "inventory" && place.kind !== "equipped") ||
    place.characterId !== character.characterId
  )
    return fail(RuleCodes.DestinyItemNotFound);
  if (!canEquipAt(character.activity))
    return fail(RuleCodes.DestinyCannotPerformActionAtThisLocation);
  const meta = view.metaOf(item.itemHash);
  const options = meta?.socketOptions[request.socketIndex];
  // socketArrayType 1 is the intrinsic array: never free to change.
  if (!meta || !options || request.socketArrayType !== 0) {
    return fail(
      request.socketArrayType !== 0 && options
        ? RuleCodes.DestinySocketActionNotAllowed
        : RuleCodes.DestinySocketNotFound,
    );
  }
  if (!(meta.freeSockets ?? []).includes(request.socketIndex))
    return fail(RuleCodes.DestinySocketActionNotAllowed);
  const current = item.plugs ?? [];
  if (current[request.socketIndex] === request.plugItemHash)
    return fail(RuleCodes.DestinySocketAlreadyHasPlug);
  // A subclass holds each aspect and fragment once.
  const elsewhere =
    meta.kind === "subclass" &&
    current.some((p, i) => i !== request.socketIndex && p === request.plugItemHash);
  if (!options.includes(request.plugItemHash) || elsewhere)
    return fail(RuleCodes.DestinyFailedPlugInsertionRules);
  const plugs = [...current];
  plugs[request.socketIndex] = request.plugItemHash;
  return { ok: true, plan: { item, plugs } };
}
