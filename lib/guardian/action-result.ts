// What an inventory action answers: shown by the page (useActionState + an aria-live region).
import type { PageInventoryView } from "./view-types";

export type Placement = { name: string; where: string };

export type ItemActionResult = {
  status: "idle" | "ok" | "error";
  message: string;
  /** Extra things the player should know (items moved aside, exotics swapped). */
  notices: string[];
  /** After a failure partway: where every item the action touched is now. */
  placements: Placement[];
  /** After a failure: the inventory as Bungie now has it, to replace the optimistic one. */
  view?: PageInventoryView;
  /** Item actions (writes) this request sent to Bungie. */
  writes: number;
};

export const IDLE_RESULT: ItemActionResult = {
  status: "idle",
  message: "",
  notices: [],
  placements: [],
  writes: 0,
};
