"use client";

import { useActionState } from "react";
import { chooseCharacter } from "@/app/inventory/actions";
import { primaryButton, secondaryButton } from "@/components/ui/button-styles";
import type { ChooseCharacterState } from "@/lib/guardian/choose-character";

/** Chooses the character (a POST, stored per player) and opens its inventory. */
export function OpenInventoryButton({
  characterId,
  name,
  chosen,
}: {
  characterId: string;
  name: string;
  chosen: boolean;
}) {
  const [state, action, pending] = useActionState<ChooseCharacterState, FormData>(chooseCharacter, {
    status: "idle",
  });
  return (
    <form action={action} className="grid gap-1">
      <input type="hidden" name="characterId" value={characterId} />
      <input type="hidden" name="next" value="/inventory" />
      <button type="submit" disabled={pending} className={chosen ? primaryButton : secondaryButton}>
        {pending ? "Opening…" : `Open ${name}'s inventory`}
      </button>
      <p aria-live="polite" className="text-danger text-sm">
        {state.status === "error" ? state.message : ""}
      </p>
    </form>
  );
}
