// The bridge between the inventory view and the move planner, used on both sides: the server
// plans the real calls with it, the browser plans the same move to show it at once.
import type { PlannerItem, PlannerState } from "@/lib/destiny/planner-state";
import type { CharacterView } from "./view-types";

/** The full view (server) or the page's (browser): the planner needs the same fields of both. */
type PlannableView = { characters: CharacterView[]; items: PlannerItem[] };

export function plannerStateOf(view: PlannableView): PlannerState {
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
 * display fields of ItemView survive every step: its items are still the view's own kind.
 */
export function viewAfter<V extends PlannableView>(view: V, state: PlannerState): V {
  return { ...view, items: state.items as V["items"] };
}
