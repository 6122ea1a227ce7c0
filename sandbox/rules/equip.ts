// EquipItem(s): the item must be in that character's inventory, the character must be able
// to equip (offline, in orbit or a social space), the class must match, and only one item
// per unique label (one exotic weapon, one exotic armour piece) may be equipped.
import type { WorldCharacter, WorldItem } from "../world/types";
import { fail, type InventoryView, type RuleResult, RuleCodes } from "./types";

const EQUIPPABLE_KINDS = new Set([
  "weapon",
  "armor",
  "ghost",
  "ship",
  "vehicle",
  "emblem",
  "subclass",
]);
const CAN_EQUIP_IN: ReadonlySet<WorldCharacter["activity"]> = new Set([
  "offline",
  "orbit",
  "tower",
]);

export interface EquipPlan {
  item: WorldItem;
  /** The item currently equipped in that bucket; it goes back to the inventory. */
  previous?: WorldItem;
}

export function canEquipAt(activity: WorldCharacter["activity"]): boolean {
  return CAN_EQUIP_IN.has(activity);
}

export function planEquip(
  view: InventoryView,
  character: WorldCharacter,
  itemId: string,
): RuleResult<EquipPlan> {
  const item = view.byInstanceId.get(itemId);
  if (!item) return fail(RuleCodes.DestinyItemNotFound);
  const place = item.place;
  if (
    (place.kind !== "inventory" && place.kind !== "equipped") ||
    place.characterId !== character.characterId
  ) {
    return fail(RuleCodes.DestinyItemNotFound);
  }
  if (!canEquipAt(character.activity))
    return fail(RuleCodes.DestinyCannotPerformActionAtThisLocation);
  if (place.kind === "equipped") return { ok: true, plan: { item } };
  const meta = view.metaOf(item.itemHash);
  if (!meta || !EQUIPPABLE_KINDS.has(meta.kind)) return fail(RuleCodes.DestinyItemUnequippable);
  if (meta.classType !== 3 && meta.classType !== character.classType)
    return fail(RuleCodes.DestinyItemUnequippable);
  let previous: WorldItem | undefined;
  for (const other of view.items) {
    if (other.place.kind !== "equipped" || other.place.characterId !== character.characterId)
      continue;
    const otherMeta = view.metaOf(other.itemHash);
    if (!otherMeta) continue;
    if (otherMeta.bucketHash === meta.bucketHash) {
      previous = other;
    } else if (meta.uniqueLabel && otherMeta.uniqueLabel === meta.uniqueLabel) {
      return fail(RuleCodes.DestinyItemUniqueEquipRestricted);
    }
  }
  return { ok: true, plan: { item, previous } };
}
