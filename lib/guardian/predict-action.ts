// The browser's guess of what an inventory action will do, made with the same planner the server
// uses: the page shows it at once and rolls back if Bungie refuses.
import { parseItemAction } from "./action-schema";
import { planAction } from "./plan-action";
import { plannerStateOf, viewAfter } from "./planner-view";
import type { PageInventoryView } from "./view-types";

/** The view once the action has happened, or null when the planner foresees a refusal. */
export function predictAction<V extends PageInventoryView>(view: V, formData: FormData): V | null {
  const parsed = parseItemAction(formData);
  if (!parsed.ok) return null;
  const result = planAction(plannerStateOf(view), parsed.request, view.selectedCharacterId);
  return result.ok ? viewAfter(view, result.result) : null;
}
