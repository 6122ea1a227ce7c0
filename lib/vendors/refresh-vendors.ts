import "server-only";
import { z } from "zod";
import { withAccessToken } from "@/lib/auth/access-token";
import { getActiveDestinyAccount } from "@/lib/auth/destiny-account";
import { getPlayerManifestLanguage } from "@/lib/manifest";
import { chosenVendorHashes } from "./chosen-vendors";
import { manifestLookup } from "./load-vendors";
import { vendorsUnavailableMessage } from "./unavailable-message";
import { readVendorsSnapshot } from "./vendors-snapshot";

export const RefreshVendorsSchema = z.object({
  characterId: z.string().regex(/^\d{1,20}$/, "That is not a character id."),
});

export type RefreshVendorsState =
  | { status: "idle" }
  | { status: "refreshed"; readAt: string }
  | { status: "error"; message: string };

/**
 * The vendors page's refresh button, for a player who bought something in the game: re-reads
 * the character's sales (one GetVendors) past the cache and keeps them. The characters and
 * collections stay cached. The character must be the player's own: readVendorsSnapshot only
 * ever picks one of the characters of the player's own profile.
 */
export async function refreshVendors(
  userId: string,
  input: z.infer<typeof RefreshVendorsSchema>,
): Promise<RefreshVendorsState> {
  const [account, language, chosen] = await Promise.all([
    getActiveDestinyAccount(userId),
    getPlayerManifestLanguage(userId),
    chosenVendorHashes(userId),
  ]);
  if (!account) return { status: "error", message: "No Destiny account is linked." };
  try {
    const snapshot = await readVendorsSnapshot({
      account,
      characterId: input.characterId,
      chosen,
      withToken: (call) => withAccessToken(userId, call),
      lookup: manifestLookup(language),
      fresh: true,
    });
    if (!snapshot.stock) return { status: "error", message: "This account has no character." };
    return { status: "refreshed", readAt: snapshot.stock.readAt };
  } catch (error) {
    const message = vendorsUnavailableMessage(error);
    if (message === null) throw error;
    return { status: "error", message };
  }
}
