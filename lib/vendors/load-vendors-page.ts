import "server-only";
import { redirect } from "next/navigation";
import { withAccessTokenOrSignIn } from "@/lib/auth/bungie-call";
import { requireUser } from "@/lib/auth/current-user";
import { getActiveDestinyAccount } from "@/lib/auth/destiny-account";
import { bungieAssetUrl } from "@/lib/bungie-assets";
import { db } from "@/lib/db";
import { CLASS_NAMES } from "@/lib/destiny/game-facts";
import { getPlayerManifestLanguage } from "@/lib/manifest";
import { loadCharacterVendors, manifestLookup } from "./load-vendors";
import type { VendorsView } from "./types";
import { vendorsUnavailableMessage } from "./unavailable-message";

export type CharacterChoice = {
  characterId: string;
  className: string;
  light: number;
  emblemUrl: string | null;
};

export type VendorsPageData =
  | {
      status: "ok";
      characters: CharacterChoice[];
      characterId: string;
      view: VendorsView;
      /** When this page read Bungie (the sales' refresh times are relative to it). */
      loadedAt: string;
    }
  | { status: "no-character" }
  | { status: "unavailable"; message: string };

/**
 * The vendors page: the character asked for in the URL, else the one the player chose in
 * Warmind, else the most recently played; every vendor with stock for that character.
 */
export async function loadVendorsPage(requestedCharacterId?: string): Promise<VendorsPageData> {
  const path = requestedCharacterId
    ? `/vendors?character=${encodeURIComponent(requestedCharacterId)}`
    : "/vendors";
  const user = await requireUser(path);
  const [account, settings, language] = await Promise.all([
    getActiveDestinyAccount(user.id),
    db.playerSettings.findUnique({ where: { userId: user.id }, select: { characterId: true } }),
    getPlayerManifestLanguage(user.id),
  ]);
  if (!account) redirect("/no-destiny-account");

  try {
    const result = await withAccessTokenOrSignIn(user.id, path, (accessToken) =>
      loadCharacterVendors({
        account,
        accessToken,
        characterId: requestedCharacterId ?? settings?.characterId,
        lookup: manifestLookup(language),
        assetUrl: (p) => bungieAssetUrl(p) || null,
      }),
    );
    if (!result.characterId) return { status: "no-character" };
    return {
      status: "ok",
      characterId: result.characterId,
      characters: result.characters.map((c) => ({
        characterId: c.characterId,
        className: CLASS_NAMES[c.classType] ?? "Guardian",
        light: c.light,
        emblemUrl: bungieAssetUrl(c.emblemPath) || null,
      })),
      view: result.view,
      loadedAt: new Date().toISOString(),
    };
  } catch (error) {
    const message = vendorsUnavailableMessage(error);
    if (message === null) throw error;
    return { status: "unavailable", message };
  }
}
