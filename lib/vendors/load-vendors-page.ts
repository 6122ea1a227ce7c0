import "server-only";
import { redirect } from "next/navigation";
import { withAccessTokenOrSignIn } from "@/lib/auth/bungie-call";
import { requireUser } from "@/lib/auth/current-user";
import { getActiveDestinyAccount } from "@/lib/auth/destiny-account";
import { bungieAssetUrl } from "@/lib/bungie-assets";
import { db } from "@/lib/db";
import { CLASS_NAMES } from "@/lib/destiny/game-facts";
import { getPlayerManifestLanguage } from "@/lib/manifest";
import { viewOfSnapshot } from "./view-of-snapshot";
import { chosenVendorHashes } from "./chosen-vendors";
import { manifestLookup } from "./load-vendors";
import { toClientView, type ClientVendorsView } from "./client-view";
import { vendorsUnavailableMessage } from "./unavailable-message";
import { readVendorsSnapshot } from "./vendors-snapshot";

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
      /** Vendors and a filter index of their sales; each vendor's sales load when opened. */
      view: ClientVendorsView;
      /** When this page was rendered (the refresh times shown are relative to it). */
      loadedAt: string;
      /** When Warmind read these sales from Bungie (cached until the vendors refresh). */
      readAt: string;
    }
  | { status: "no-character" }
  | { status: "unavailable"; message: string };

/**
 * The vendors page: the character asked for in the URL, else the one the player chose in
 * Warmind, else the most recently played; the game's vendors screen for that character, plus the
 * vendors the player chose for the digest. At most 2 Bungie calls (GetProfile, GetVendors), none
 * while the cache holds them (lib/vendors/vendors-snapshot.ts).
 */
export async function loadVendorsPage(requestedCharacterId?: string): Promise<VendorsPageData> {
  const path = requestedCharacterId
    ? `/vendors?character=${encodeURIComponent(requestedCharacterId)}`
    : "/vendors";
  const user = await requireUser(path);
  const [account, settings, language, chosen] = await Promise.all([
    getActiveDestinyAccount(user.id),
    db.playerSettings.findUnique({ where: { userId: user.id }, select: { characterId: true } }),
    getPlayerManifestLanguage(user.id),
    chosenVendorHashes(user.id),
  ]);
  if (!account) redirect("/no-destiny-account");

  try {
    const lookup = manifestLookup(language);
    const snapshot = await readVendorsSnapshot({
      account,
      characterId: requestedCharacterId ?? settings?.characterId,
      chosen,
      withToken: (call) => withAccessTokenOrSignIn(user.id, path, call),
      lookup,
    });
    if (!snapshot.characterId || !snapshot.stock) return { status: "no-character" };
    const view = await viewOfSnapshot(snapshot.stock.stock, {
      lookup,
      collectibles: snapshot.collectibles,
      assetUrl: (p) => bungieAssetUrl(p) || null,
    });
    return {
      status: "ok",
      characterId: snapshot.characterId,
      characters: snapshot.characters.map((c) => ({
        characterId: c.characterId,
        className: CLASS_NAMES[c.classType] ?? "Guardian",
        light: c.light,
        emblemUrl: bungieAssetUrl(c.emblemPath) || null,
      })),
      view: toClientView(view),
      loadedAt: new Date().toISOString(),
      readAt: snapshot.stock.readAt,
    };
  } catch (error) {
    const message = vendorsUnavailableMessage(error);
    if (message === null) throw error;
    return { status: "unavailable", message };
  }
}
