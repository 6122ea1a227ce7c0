import "server-only";
import { withAccessToken } from "@/lib/auth/access-token";
import { getActiveDestinyAccount } from "@/lib/auth/destiny-account";
import { CLASS_NAMES } from "@/lib/destiny/game-facts";
import { emailAssetUrl } from "@/lib/email/links";
import type { Env } from "@/lib/env-schema";
import { getPlayerManifestLanguage } from "@/lib/manifest";
import { loadCharacterVendors, manifestLookup } from "@/lib/vendors/load-vendors";
import type { VendorsView } from "@/lib/vendors/types";

export type SubscriberVendors = { characterLabel: string; view: VendorsView };

/** The subscriber has nothing Warmind can read (no Destiny account or no character). */
export class NothingToSendError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NothingToSendError";
  }
}

/**
 * A subscriber's vendors, read as the app reads them for the player: their active Destiny
 * account, their stored Bungie token (refreshed when it expires; withAccessToken), the manifest
 * in their language, and icon URLs a mail client can load. Its Bungie calls queue behind the
 * players' own (priority "background"), so a digest run never slows a page down.
 */
export async function loadSubscriberVendors(
  env: Pick<Env, "bungie">,
  subscriber: { userId: string; characterId: string | null },
): Promise<SubscriberVendors> {
  const account = await getActiveDestinyAccount(subscriber.userId);
  if (!account) throw new NothingToSendError("No Destiny account is linked.");
  const language = await getPlayerManifestLanguage(subscriber.userId);
  const result = await withAccessToken(subscriber.userId, (accessToken) =>
    loadCharacterVendors({
      account,
      accessToken,
      characterId: subscriber.characterId,
      lookup: manifestLookup(language),
      assetUrl: (path) => emailAssetUrl(env, path),
      // Nobody watches the digest: its calls wait behind every player's (lib/bungie limits).
      call: { priority: "background" },
    }),
  );
  const character = result.characters.find((c) => c.characterId === result.characterId);
  if (!character) throw new NothingToSendError("The Destiny account has no character.");
  return {
    characterLabel: `${CLASS_NAMES[character.classType] ?? "Guardian"}, Power ${character.light}`,
    view: result.view,
  };
}
