// What TransferItem and PullFromPostmaster share once each has found what moves where: an
// instanced item into a character's inventory, or part of a stack onto other stacks. Each rule
// keeps its own checks of where the item may come from; the service carries out the plan.
import type { ItemPlace, WorldItem } from "../world/types";
import { characterBucketFull } from "./capacity";
import { planStackMove, type StackPlan } from "./stacks";
import { fail, type InventoryView, type RuleResult, RuleCodes } from "./types";

export type MovePlan =
  | { kind: "instance"; item: WorldItem; destination: ItemPlace }
  | { kind: "stack"; itemHash: number; plan: StackPlan; destination: ItemPlace };

/** An instanced item into a character's inventory; that bucket full → 1642. */
export function planIntoInventory(
  view: InventoryView,
  item: WorldItem,
  bucketHash: number,
  characterId: string,
): RuleResult<MovePlan> {
  if (characterBucketFull(view.items, characterId, bucketHash, view.metaOf)) {
    return fail(RuleCodes.DestinyNoRoomInDestination);
  }
  return {
    ok: true,
    plan: { kind: "instance", item, destination: { kind: "inventory", characterId } },
  };
}

/**
 * `stackSize` of a stackable taken from the `from` stacks and merged onto the `to` stacks at
 * `destination`, opening new stacks for the rest: a size that is not a positive whole number →
 * 1622; more than `from` holds → 1623 (there is no such stack to move); more new stacks than
 * `freeSlots` → 1642.
 */
export function planStackPlacement(
  stack: { itemHash: number; stackSize: number; maxStackSize: number },
  from: readonly WorldItem[],
  to: readonly WorldItem[],
  freeSlots: number,
  destination: ItemPlace,
): RuleResult<MovePlan> {
  if (!Number.isInteger(stack.stackSize) || stack.stackSize <= 0)
    return fail(RuleCodes.DestinyInvalidRequest);
  const plan = planStackMove(from, to, stack.stackSize, stack.maxStackSize);
  if (!plan) return fail(RuleCodes.DestinyItemNotFound);
  if (plan.newStacks.length > freeSlots) return fail(RuleCodes.DestinyNoRoomInDestination);
  return { ok: true, plan: { kind: "stack", itemHash: stack.itemHash, plan, destination } };
}
