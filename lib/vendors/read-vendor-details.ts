import "server-only";
import { z } from "zod";
import { withAccessToken } from "@/lib/auth/access-token";
import { getActiveDestinyAccount } from "@/lib/auth/destiny-account";
import { vendorsUnavailableMessage } from "./unavailable-message";
import { loadVendorDetails, type SaleDetails } from "./vendor-details";
import { profileFactsKey, vendorsCache, type ProfileFacts } from "./vendors-snapshot";

export const VendorDetailsSchema = z.object({
  characterId: z.string().regex(/^\d{1,20}$/, "That is not a character id."),
  vendorHash: z.coerce.number().int().min(1).max(0xffffffff),
});

export type VendorDetailsState =
  | { status: "idle" }
  | { status: "ok"; vendorHash: number; details: SaleDetails }
  | { status: "error"; message: string };

/**
 * The "power and gear tier" button of a vendor: one GetVendor, for a character the page showed
 * the player (their cached characters; an unknown one is refused before Bungie is asked).
 */
export async function readVendorDetails(
  userId: string,
  input: z.infer<typeof VendorDetailsSchema>,
): Promise<VendorDetailsState> {
  const account = await getActiveDestinyAccount(userId);
  if (!account) return { status: "error", message: "No Destiny account is linked." };
  const facts = await vendorsCache().peek<ProfileFacts>(profileFactsKey(account));
  if (!facts?.characters.some((c) => c.characterId === input.characterId)) {
    return { status: "error", message: "Open the vendors page again, then try once more." };
  }
  try {
    const details = await loadVendorDetails({
      account,
      characterId: input.characterId,
      vendorHash: input.vendorHash,
      withToken: (call) => withAccessToken(userId, call),
    });
    return { status: "ok", vendorHash: input.vendorHash, details };
  } catch (error) {
    const message = vendorsUnavailableMessage(error);
    if (message === null) throw error;
    return { status: "error", message };
  }
}
