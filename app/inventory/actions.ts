"use server";

import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { ChooseCharacterSchema, parseItemAction } from "@/lib/guardian/action-schema";
import { chooseCharacterFor, type ChooseCharacterState } from "@/lib/guardian/choose-character";
import { IDLE_RESULT, type ItemActionResult } from "@/lib/guardian/action-result";
import { performItemAction } from "@/lib/guardian/item-actions";
import { limitPlayerAction, rateLimitMessage } from "@/lib/security/player-rate-limit";

/** Move, equip, pull, lock/unlock or equip a set: the form's `intent` says which. */
export async function inventoryAction(
  _previous: ItemActionResult,
  formData: FormData,
): Promise<ItemActionResult> {
  const user = await getCurrentUser();
  if (!user) {
    return {
      ...IDLE_RESULT,
      status: "error",
      message: "Your session has ended. Please sign in again.",
    };
  }
  const limit = await limitPlayerAction(user.id, "item");
  if (!limit.ok) return { ...IDLE_RESULT, status: "error", message: rateLimitMessage(limit) };
  const parsed = parseItemAction(formData);
  if (!parsed.ok) return { ...IDLE_RESULT, status: "error", message: parsed.error };
  return performItemAction(user.id, parsed.request);
}

/** The character switcher: stored per player, so the choice survives signing out. */
export async function chooseCharacter(
  _previous: ChooseCharacterState,
  formData: FormData,
): Promise<ChooseCharacterState> {
  const user = await getCurrentUser();
  if (!user) return { status: "error", message: "Your session has ended. Please sign in again." };
  const limit = await limitPlayerAction(user.id, "settings");
  if (!limit.ok) return { status: "error", message: rateLimitMessage(limit) };
  const parsed = ChooseCharacterSchema.safeParse({
    characterId: formData.get("characterId") ?? undefined,
    next: formData.get("next") || undefined,
  });
  if (!parsed.success) {
    return { status: "error", message: parsed.error.issues[0]?.message ?? "Invalid choice." };
  }
  const state = await chooseCharacterFor(user.id, parsed.data.characterId);
  if (state.status === "ok" && parsed.data.next) redirect(parsed.data.next);
  return state;
}
