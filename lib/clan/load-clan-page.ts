import "server-only";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/current-user";
import { getActiveDestinyAccount } from "@/lib/auth/destiny-account";
import { bungieAssetUrl } from "@/lib/bungie-assets";
import { buildClanPage, type ClanPageData } from "./build-clan-page";
import { getClanSource } from "./default-source";
import { loadCharacterNamer } from "./load-character-namer";

/** /clan: the signed-in player's clan. Clan and roster are public data, so no token is needed. */
export async function loadClanPage(): Promise<ClanPageData> {
  const user = await requireUser("/clan");
  const account = await getActiveDestinyAccount(user.id);
  if (!account) redirect("/no-destiny-account");
  return buildClanPage(account, {
    source: getClanSource(),
    // Not awaited: the roster paints without names from the manifest.
    namer: loadCharacterNamer(user.id),
    assetUrl: bungieAssetUrl,
  });
}
