// What a loadout action answers: shown by the page (useActionState + an aria-live region).
import type { LoadoutsView } from "./view-types";

export type LoadoutActionResult = {
  status: "idle" | "ok" | "error";
  message: string;
  /** Per item, after an equip: what stayed where it was and why (in the vault, on another...). */
  notices: string[];
  /** The slots as Bungie has them after the action (re-read once), to replace the page's. */
  view?: LoadoutsView;
  /** Loadout actions (writes) this request sent to Bungie. */
  writes: number;
};

export const IDLE_LOADOUT_RESULT: LoadoutActionResult = {
  status: "idle",
  message: "",
  notices: [],
  writes: 0,
};
