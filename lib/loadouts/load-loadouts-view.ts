import "server-only";
import type { BungieClient } from "@/lib/bungie";
import { bungieAssetUrl } from "@/lib/bungie-assets";
import { loadGuardianDefinitions } from "@/lib/guardian/definitions";
import { getGuardianContext, type GuardianContext } from "@/lib/guardian/guardian-context";
import { withPlayerToken, type TokenRunner } from "@/lib/guardian/player-token";
import { readProfile } from "@/lib/guardian/profile-store";
import { unavailableView } from "@/lib/guardian/unavailable";
import type { UnavailableView } from "@/lib/guardian/view-types";
import { buildLoadoutsView, loadoutDefinitionHashes } from "./build-loadouts-view";
import { loadLoadoutDefinitions } from "./loadout-definitions";
import type { LoadoutsView } from "./view-types";

export type LoadLoadoutsOptions = {
  /** Skip the profile cache (after an action). */
  fresh?: boolean;
  withToken?: TokenRunner;
  client?: BungieClient;
};

/**
 * The loadouts view for a context already resolved (actions reuse it). The profile is the
 * inventory page's own GetProfile (component 206 included), from the same short cache: going
 * from the inventory to the loadouts costs no Bungie call.
 */
export async function loadoutsViewFor(
  context: GuardianContext,
  options: LoadLoadoutsOptions = {},
): Promise<LoadoutsView> {
  const profile = await readProfile(
    context.account,
    options.withToken ?? withPlayerToken(context.userId),
    options,
  );
  const [defs, loadoutDefs] = await Promise.all([
    loadGuardianDefinitions(loadoutDefinitionHashes(profile), context.language),
    loadLoadoutDefinitions(context.language),
  ]);
  return buildLoadoutsView(profile, defs, loadoutDefs, {
    assetUrl: bungieAssetUrl,
    chosenCharacterId: context.chosenCharacterId,
    loadedAt: Date.now(),
  });
}

/** null without a Destiny account; an "unavailable" view when Bungie can't answer. */
export async function loadLoadoutsView(
  userId: string,
  options: LoadLoadoutsOptions = {},
): Promise<LoadoutsView | UnavailableView | null> {
  const context = await getGuardianContext(userId);
  if (!context) return null;
  try {
    return await loadoutsViewFor(context, options);
  } catch (error) {
    const unavailable = unavailableView(error);
    if (!unavailable) throw error;
    return unavailable;
  }
}
