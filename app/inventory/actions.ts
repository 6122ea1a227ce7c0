"use server";

import { redirect } from "next/navigation";
import {
  ChooseCharacterSchema,
  ItemActionSchema,
  itemActionProblem,
  readItemActionForm,
} from "@/lib/guardian/action-schema";
import { chooseCharacterFor, type ChooseCharacterState } from "@/lib/guardian/choose-character";
import { IDLE_RESULT, type ItemActionResult } from "@/lib/guardian/action-result";
import { performItemAction } from "@/lib/guardian/item-actions";
import { runPlayerAction } from "@/lib/security/player-action";

/** Move, equip, pull, lock/unlock or equip a set: the form's `intent` says which. */
export async function inventoryAction(
  _previous: ItemActionResult,
  formData: FormData,
): Promise<ItemActionResult> {
  return runPlayerAction(
    {
      limit: "item",
      input: { read: readItemActionForm, schema: ItemActionSchema },
      refuse: (refusal) => ({
        ...IDLE_RESULT,
        status: "error",
        message: refusal.reason === "invalid" ? itemActionProblem(refusal.issues) : refusal.message,
      }),
      run: (player, request) => performItemAction(player.id, request),
    },
    formData,
  );
}

/** The character switcher: stored per player, so the choice survives signing out. */
export async function chooseCharacter(
  _previous: ChooseCharacterState,
  formData: FormData,
): Promise<ChooseCharacterState> {
  return runPlayerAction(
    {
      limit: "settings",
      input: {
        read: (form) => ({
          characterId: form.get("characterId") ?? undefined,
          next: form.get("next") || undefined,
        }),
        schema: ChooseCharacterSchema,
      },
      refuse: (refusal): ChooseCharacterState => ({ status: "error", message: refusal.message }),
      async run(player, choice) {
        const state = await chooseCharacterFor(player.id, choice.characterId);
        if (state.status === "ok" && choice.next) redirect(choice.next);
        return state;
      },
    },
    formData,
  );
}
