// SetLockState: instanced gear can be locked and unlocked (ItemState flag 1), wherever it is.
import { ItemState } from "../../lib/destiny/game-facts";
import type { WorldItem } from "../world/types";
import { fail, type InventoryView, type RuleResult, RuleCodes } from "./types";

export function planLock(view: InventoryView, itemId: string): RuleResult<{ item: WorldItem }> {
  const item = view.byInstanceId.get(itemId);
  if (!item) return fail(RuleCodes.DestinyItemNotFound);
  const meta = view.metaOf(item.itemHash);
  if (!meta || meta.kind === "subclass") return fail(RuleCodes.DestinyItemActionForbidden);
  return { ok: true, plan: { item } };
}

export function withLock(state: number, locked: boolean): number {
  return locked ? state | ItemState.Locked : state & ~ItemState.Locked;
}
