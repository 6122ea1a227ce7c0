import "server-only";
import type { BungieClient } from "@/lib/bungie";
import { bungieAssetUrl } from "@/lib/bungie-assets";
import { buildInventoryView, definitionHashes } from "./build-inventory-view";
import { loadGuardianDefinitions } from "./definitions";
import { getGuardianContext, type GuardianContext } from "./guardian-context";
import { keepItemDetails } from "./item-details-store";
import { withPlayerToken, type TokenRunner } from "./player-token";
import { readProfile } from "./profile-store";
import { unavailableView } from "./unavailable";
import type { InventoryView, UnavailableView } from "./view-types";

export type LoadViewOptions = {
  /** Skip the profile cache (the refresh button). */
  fresh?: boolean;
  /**
   * How Bungie calls get the player's token. Pages pass lib/auth's withAccessTokenOrSignIn (a
   * session Bungie ended sends the player to sign in); the default throws instead.
   */
  withToken?: TokenRunner;
  client?: BungieClient;
};

/** The inventory view for a context already resolved (actions reuse it). */
export async function inventoryViewFor(
  context: GuardianContext,
  options: LoadViewOptions = {},
): Promise<InventoryView> {
  const profile = await readProfile(
    context.account,
    options.withToken ?? withPlayerToken(context.userId),
    options,
  );
  const defs = await loadGuardianDefinitions(definitionHashes(profile), context.language);
  return buildInventoryView(profile, defs, {
    assetUrl: bungieAssetUrl,
    chosenCharacterId: context.chosenCharacterId,
    loadedAt: Date.now(),
  });
}

/**
 * Everything the inventory page shows, for a signed-in user: null when they have no Destiny
 * account, an "unavailable" view when Bungie can't answer (maintenance, outage). Its items'
 * sheet details are kept for the sheets opened later (item-details-store.ts).
 */
export async function loadInventoryView(
  userId: string,
  options: LoadViewOptions = {},
  known?: GuardianContext,
): Promise<InventoryView | UnavailableView | null> {
  const context = known ?? (await getGuardianContext(userId));
  if (!context) return null;
  try {
    const view = await inventoryViewFor(context, options);
    await keepItemDetails(context, view);
    return view;
  } catch (error) {
    const unavailable = unavailableView(error);
    if (!unavailable) throw error;
    return unavailable;
  }
}
