import "server-only";
import type { BungieClient, InGameLoadout } from "@/lib/bungie";
import { bungieAssetUrl } from "@/lib/bungie-assets";
import { buildInventoryView, definitionHashes } from "@/lib/guardian/build-inventory-view";
import { loadGuardianDefinitions } from "@/lib/guardian/definitions";
import type { GuardianContext } from "@/lib/guardian/guardian-context";
import { withPlayerToken } from "@/lib/guardian/player-token";
import { readProfile } from "@/lib/guardian/profile-store";
import type { InventoryView } from "@/lib/guardian/view-types";

/** The player's inventory as the loadout code needs it: the view, and sockets by position. */
export type LoadoutWorld = {
  view: InventoryView;
  /**
   * Plug hash per socket index (null: empty) by instance id. The view keeps only the plugged
   * hashes; saving and re-applying a subclass needs to know which socket holds which.
   */
  sockets: Map<string, (number | null)[]>;
  /** characterId → the game's loadout slots (component 206, in the same GetProfile). */
  slots: Record<string, InGameLoadout[]>;
};

/** One GetProfile (or the short profile cache the inventory page shares) for the player. */
export async function readLoadoutWorld(
  context: GuardianContext,
  options: { fresh?: boolean; client?: BungieClient } = {},
): Promise<LoadoutWorld> {
  const profile = await readProfile(context.account, withPlayerToken(context.userId), options);
  const defs = await loadGuardianDefinitions(definitionHashes(profile), context.language);
  const view = buildInventoryView(profile, defs, {
    assetUrl: bungieAssetUrl,
    chosenCharacterId: context.chosenCharacterId,
    loadedAt: Date.now(),
  });
  const sockets = new Map<string, (number | null)[]>();
  for (const item of profile.items) {
    if (item.itemInstanceId !== null && item.sockets.length > 0) {
      sockets.set(item.itemInstanceId, item.sockets);
    }
  }
  return { view, sockets, slots: profile.loadouts };
}
