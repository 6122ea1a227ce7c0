// The bridge between the inventory view and the move planner, used on both sides: the server
// plans the real calls with it, the browser plans the same move to show it at once.
import type { PlannerState } from "@/lib/destiny/planner-state";
import type { InventoryView, ItemView } from "./view-types";

export function plannerStateOf(view: InventoryView): PlannerState {
  return {
    characters: view.characters.map((c) => ({
      characterId: c.characterId,
      classType: c.classType,
      inActivity: c.inActivity,
      name: c.name,
    })),
    items: view.items,
  };
}

/**
 * The view once a plan's steps have happened. The planner copies items with spread, so the
 * display fields of ItemView survive every step: its items are still ItemViews.
 */
export function viewAfter(view: InventoryView, state: PlannerState): InventoryView {
  return { ...view, items: state.items as ItemView[] };
}
