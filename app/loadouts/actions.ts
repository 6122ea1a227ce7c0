"use server";

import {
  LoadoutActionSchema,
  loadoutActionProblem,
  readLoadoutActionForm,
} from "@/lib/loadouts/action-schema";
import { IDLE_LOADOUT_RESULT, type LoadoutActionResult } from "@/lib/loadouts/action-result";
import { performLoadoutAction } from "@/lib/loadouts/slot-actions";
import { runPlayerAction } from "@/lib/security/player-action";

/** Equip, save into, rename/recolour or clear an in-game slot: the form's `intent` says which. */
export async function loadoutAction(
  _previous: LoadoutActionResult,
  formData: FormData,
): Promise<LoadoutActionResult> {
  return runPlayerAction(
    {
      limit: "item",
      input: { read: readLoadoutActionForm, schema: LoadoutActionSchema },
      refuse: (refusal) => ({
        ...IDLE_LOADOUT_RESULT,
        status: "error",
        message:
          refusal.reason === "invalid" ? loadoutActionProblem(refusal.issues) : refusal.message,
      }),
      run: (player, request) => performLoadoutAction(player.id, request),
    },
    formData,
  );
}
