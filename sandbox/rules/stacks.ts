// Moving part of a stackable item (consumables, mods, materials) between places: take from
// source stacks, merge into destination stacks up to the maximum stack size, open new
// stacks for the rest. Planning is pure; `applyStackPlan` performs a plan.
import type { ItemPlace, WorldItem } from "../world/types";

export interface StackPlan {
  /** [stack, amount taken] */
  take: [WorldItem, number][];
  /** [stack, amount added] */
  fill: [WorldItem, number][];
  /** Quantities of new stacks at the destination. */
  newStacks: number[];
}

export function totalQuantity(stacks: readonly WorldItem[]): number {
  return stacks.reduce((sum, s) => sum + s.quantity, 0);
}

/**
 * Plan moving `amount` from `sources` into `destinations` (same item hash). Returns
 * undefined when the sources hold less than `amount`.
 */
export function planStackMove(
  sources: readonly WorldItem[],
  destinations: readonly WorldItem[],
  amount: number,
  maxStackSize: number,
): StackPlan | undefined {
  if (amount <= 0 || totalQuantity(sources) < amount) return undefined;
  const take: [WorldItem, number][] = [];
  let left = amount;
  // Drain the smallest stacks first, so partial moves leave fewer, fuller stacks.
  for (const stack of [...sources].sort((a, b) => a.quantity - b.quantity)) {
    if (left === 0) break;
    const n = Math.min(stack.quantity, left);
    take.push([stack, n]);
    left -= n;
  }
  const fill: [WorldItem, number][] = [];
  let toPlace = amount;
  for (const stack of destinations) {
    if (toPlace === 0) break;
    const room = Math.max(0, maxStackSize - stack.quantity);
    const n = Math.min(room, toPlace);
    if (n > 0) {
      fill.push([stack, n]);
      toPlace -= n;
    }
  }
  const newStacks: number[] = [];
  while (toPlace > 0) {
    const n = Math.min(maxStackSize, toPlace);
    newStacks.push(n);
    toPlace -= n;
  }
  return { take, fill, newStacks };
}

/** Source stacks emptied by the plan (they free a slot). */
export function emptiedStacks(plan: StackPlan): number {
  return plan.take.filter(([stack, n]) => stack.quantity === n).length;
}

/** Perform a plan. Returns the new stacks and the stacks that became empty. */
export function applyStackPlan(
  plan: StackPlan,
  itemHash: number,
  destination: ItemPlace,
): { created: WorldItem[]; removed: WorldItem[] } {
  const removed: WorldItem[] = [];
  for (const [stack, n] of plan.take) {
    stack.quantity -= n;
    if (stack.quantity === 0) removed.push(stack);
  }
  for (const [stack, n] of plan.fill) stack.quantity += n;
  const created = plan.newStacks.map((quantity) => ({
    itemHash,
    quantity,
    place: destination,
    state: 0,
  }));
  return { created, removed };
}
