"use server";

import { revalidatePath } from "next/cache";
import { runPlayerAction } from "@/lib/security/player-action";
import {
  refreshVendors,
  RefreshVendorsSchema,
  type RefreshVendorsState,
} from "@/lib/vendors/refresh-vendors";

/** The refresh button: one GetVendors past the cache, limited per player (bungieRead). */
export async function refreshVendorsAction(
  _previous: RefreshVendorsState,
  formData: FormData,
): Promise<RefreshVendorsState> {
  return runPlayerAction(
    {
      limit: "bungieRead",
      input: {
        read: (form) => ({ characterId: form.get("characterId") }),
        schema: RefreshVendorsSchema,
      },
      refuse: (refusal) => ({ status: "error", message: refusal.message }),
      async run(player, input) {
        const state = await refreshVendors(player.id, input);
        if (state.status === "refreshed") revalidatePath("/vendors");
        return state;
      },
    },
    formData,
  );
}
