"use server";

import { revalidatePath } from "next/cache";
import type { EquipLoadoutResult } from "@/lib/loadouts/loadout-outcome";
import { equipSavedLoadout } from "@/lib/loadouts/equip-loadout";
import { getOwnLoadout } from "@/lib/loadouts/loadout-store";
import {
  CopySharedSchema,
  EditItemsSchema,
  EquipSchema,
  LoadoutIdSchema,
  RenameSchema,
  SaveCurrentSchema,
  SaveFromSlotSchema,
  SavePickedSchema,
  ShareSchema,
  WriteSlotSchema,
  readFields,
  readPicked,
} from "@/lib/loadouts/saved-action-schema";
import {
  copyShared,
  deleteSaved,
  renameSaved,
  reorderSaved,
  saveCurrentGear,
  saveFromSlot,
  savePicked,
  shareSaved,
  writeToSlot,
  type SavedActionState,
} from "@/lib/loadouts/saved-loadout-actions";
import type { ActionLimitKind } from "@/lib/security/player-rate-limit";
import { runPlayerAction } from "@/lib/security/player-action";

// Thin: each opens through runPlayerAction (session → rate limit → zod), the player's id comes
// from the session only, and the work in lib/loadouts re-checks everything it names is theirs.

type Input<T> = { read: (form: FormData) => unknown; schema: import("zod").ZodType<T> };

async function open<T>(
  formData: FormData,
  limit: ActionLimitKind,
  input: Input<T>,
  run: (userId: string, input: T) => Promise<SavedActionState>,
): Promise<SavedActionState> {
  const state = await runPlayerAction(
    {
      limit,
      input,
      refuse: (refusal): SavedActionState => ({ status: "error", message: refusal.message }),
      run: (player, parsed) => run(player.id, parsed),
    },
    formData,
  );
  if (state.status === "ok") revalidatePath("/loadouts/saved");
  return state;
}

export async function saveCurrentAction(_: SavedActionState, form: FormData) {
  return open(
    form,
    "item",
    { read: readFields("characterId", "name"), schema: SaveCurrentSchema },
    saveCurrentGear,
  );
}

export async function saveFromSlotAction(_: SavedActionState, form: FormData) {
  return open(
    form,
    "item",
    { read: readFields("characterId", "slotIndex", "name"), schema: SaveFromSlotSchema },
    saveFromSlot,
  );
}

export async function savePickedAction(_: SavedActionState, form: FormData) {
  return open(form, "item", { read: readPicked, schema: SavePickedSchema }, savePicked);
}

export async function renameAction(_: SavedActionState, form: FormData) {
  return open(
    form,
    "settings",
    { read: readFields("loadoutId", "name"), schema: RenameSchema },
    renameSaved,
  );
}

export async function deleteAction(_: SavedActionState, form: FormData) {
  return open(
    form,
    "settings",
    { read: readFields("loadoutId"), schema: LoadoutIdSchema },
    deleteSaved,
  );
}

export async function shareAction(_: SavedActionState, form: FormData) {
  return open(
    form,
    "settings",
    { read: readFields("loadoutId", "share"), schema: ShareSchema },
    (userId, input) =>
      shareSaved(userId, { loadoutId: input.loadoutId, share: input.share === "on" }),
  );
}

export async function copySharedAction(_: SavedActionState, form: FormData) {
  return open(
    form,
    "settings",
    { read: readFields("shareId"), schema: CopySharedSchema },
    copyShared,
  );
}

export async function editItemsAction(_: SavedActionState, form: FormData) {
  return open(
    form,
    "settings",
    { read: readFields("loadoutId", "items"), schema: EditItemsSchema },
    async (userId, input) => {
      const own = await getOwnLoadout(userId, input.loadoutId);
      if (!own) return { status: "error", message: "That loadout is not one of yours." };
      return reorderSaved(userId, input, own.items);
    },
  );
}

export async function writeSlotAction(_: SavedActionState, form: FormData) {
  return open(
    form,
    "item",
    { read: readFields("loadoutId", "characterId", "slotIndex"), schema: WriteSlotSchema },
    writeToSlot,
  );
}

/** Equip without progress (no-JS form, scripts); the page streams through ./equip/route.ts. */
export async function equipAction(
  _: EquipLoadoutResult | null,
  form: FormData,
): Promise<EquipLoadoutResult> {
  return runPlayerAction(
    {
      limit: "item",
      input: { read: readFields("loadoutId", "characterId", "clearOthers"), schema: EquipSchema },
      refuse: (refusal): EquipLoadoutResult => ({
        status: "error",
        message: refusal.message,
        notices: [],
        items: [],
        calls: 0,
      }),
      run: (player, input) => equipSavedLoadout(player.id, input),
    },
    form,
  );
}
