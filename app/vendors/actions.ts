"use server";

import { revalidatePath } from "next/cache";
import { runPlayerAction } from "@/lib/security/player-action";
import {
  readVendorDetails,
  VendorDetailsSchema,
  type VendorDetailsState,
} from "@/lib/vendors/read-vendor-details";
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

/** A vendor's power and gear tiers: one GetVendor, limited per player (vendorDetails). */
export async function vendorDetailsAction(
  _previous: VendorDetailsState,
  formData: FormData,
): Promise<VendorDetailsState> {
  return runPlayerAction(
    {
      limit: "vendorDetails",
      input: {
        read: (form) => ({
          characterId: form.get("characterId"),
          vendorHash: form.get("vendorHash"),
        }),
        schema: VendorDetailsSchema,
      },
      refuse: (refusal) => ({ status: "error", message: refusal.message }),
      run: (player, input) => readVendorDetails(player.id, input),
    },
    formData,
  );
}
