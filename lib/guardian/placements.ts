// Where things are after an action stopped partway: every item it touched, named, with its place
// as the player would say it. Pure (shared by the server's answer and its tests).
import { describePlace, type PlanStep, type PlannerState } from "@/lib/destiny/planner-state";
import type { Placement } from "./action-result";

/** Where each item a plan touched is in `state` (instanced by id; stacks by item, per place). */
export function placementsOf(
  before: PlannerState,
  steps: PlanStep[],
  after: PlannerState,
): Placement[] {
  const touched = new Map<string, { instanceId: string | null; itemHash: number; name: string }>();
  for (const step of steps) {
    const keys = step.kind === "equip-set" ? step.itemKeys : [step.itemKey];
    for (const key of keys) {
      const item =
        before.items.find((i) => i.key === key) ?? after.items.find((i) => i.key === key);
      if (!item) continue;
      const id = item.itemInstanceId ?? `hash:${item.itemHash}`;
      if (!touched.has(id)) {
        touched.set(id, {
          instanceId: item.itemInstanceId,
          itemHash: item.itemHash,
          name: item.name,
        });
      }
    }
  }
  const placements: Placement[] = [];
  for (const item of touched.values()) {
    const now = after.items.filter((i) =>
      item.instanceId
        ? i.itemInstanceId === item.instanceId
        : i.itemHash === item.itemHash && i.itemInstanceId === null,
    );
    if (now.length === 0) {
      placements.push({ name: item.name, where: "not in the latest inventory from Bungie" });
    }
    for (const i of now) {
      placements.push({
        name: i.itemInstanceId ? i.name : `${i.name} ×${i.quantity}`,
        where: describePlace(after, i),
      });
    }
  }
  return placements;
}
