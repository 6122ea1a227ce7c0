import "server-only";
import { BungieSessionEndedError } from "@/lib/auth/access-token";
import {
  clearLoadout,
  equipLoadout,
  isBungieError,
  snapshotLoadout,
  updateLoadoutIdentifiers,
  type BungieClient,
  type LoadoutActionContext,
} from "@/lib/bungie";
import { getGuardianContext, type GuardianContext } from "@/lib/guardian/guardian-context";
import { withPlayerToken } from "@/lib/guardian/player-token";
import { invalidateProfile } from "@/lib/guardian/profile-store";
import type { LoadoutActionRequest } from "./action-schema";
import type { LoadoutActionResult } from "./action-result";
import { explainLoadoutError } from "./explain-loadout-error";
import { loadoutsViewFor } from "./load-loadouts-view";
import type { LoadoutItemView, LoadoutSlotView, LoadoutsView } from "./view-types";

function refusal(message: string, view?: LoadoutsView): LoadoutActionResult {
  return { status: "error", message, notices: [], writes: 0, view };
}

function slotOf(view: LoadoutsView, request: LoadoutActionRequest): LoadoutSlotView | undefined {
  return view.slots[request.characterId]?.find((s) => s.index === request.loadoutIndex);
}

/** Identifiers must be ones the game lists (Bungie answers 18 otherwise: say it before). */
function unknownIdentifier(view: LoadoutsView, request: LoadoutActionRequest): string | null {
  if (request.intent !== "snapshot" && request.intent !== "identify") return null;
  const checks = [
    [request.nameHash, view.options.names, "name"],
    [request.iconHash, view.options.icons, "icon"],
    [request.colorHash, view.options.colors, "colour"],
  ] as const;
  for (const [hash, options, what] of checks) {
    if (hash !== undefined && !options.some((o) => o.hash === hash)) {
      return `That ${what} isn't one the game offers for loadouts.`;
    }
  }
  return null;
}

function label(slot: LoadoutSlotView): string {
  return `Slot ${slot.index + 1} (${slot.name})`;
}

/** Where an item the slot names stayed instead of being equipped, in words. */
function stayed(item: LoadoutItemView, characterId: string): string | null {
  const place = item.place;
  switch (place.kind) {
    case "equipped":
      return place.characterId === characterId
        ? null
        : `${item.name} stayed equipped on your ${place.characterName}.`;
    case "inventory":
      return place.characterId === characterId
        ? `${item.name} stayed in the inventory: the game didn't equip it (an exotic already worn, or another class's).`
        : `${item.name} is on your ${place.characterName}: move it here, then equip again.`;
    case "postmaster":
      return `${item.name} is at the postmaster of your ${place.characterName}: pull it first.`;
    case "vault":
      return `${item.name} stayed in the vault: the character's bucket is full.`;
    case "missing":
      return "An item of this loadout no longer exists (deleted, or held by nobody).";
  }
}

function successMessage(request: LoadoutActionRequest, slot: LoadoutSlotView, who: string) {
  switch (request.intent) {
    case "equip":
      return `Equipped ${label(slot)} on your ${who}.`;
    case "snapshot":
      return `Saved your ${who}'s current gear into ${label(slot)}.`;
    case "identify":
      return `Updated ${label(slot)}.`;
    case "clear":
      return `Cleared ${label(slot)}.`;
  }
}

async function send(
  context: GuardianContext,
  request: LoadoutActionRequest,
  client: BungieClient | undefined,
): Promise<void> {
  await withPlayerToken(context.userId)((accessToken) => {
    const params: LoadoutActionContext = {
      accessToken,
      bungieMembershipId: context.bungieMembershipId,
      membershipType: context.account.membershipType,
      characterId: request.characterId,
      loadoutIndex: request.loadoutIndex,
    };
    switch (request.intent) {
      case "equip":
        return equipLoadout(params, { client });
      case "clear":
        return clearLoadout(params, { client });
      case "snapshot":
        return snapshotLoadout({ ...params, ...identifiers(request) }, { client });
      case "identify":
        return updateLoadoutIdentifiers({ ...params, ...identifiers(request) }, { client });
    }
  });
}

function identifiers(request: Extract<LoadoutActionRequest, { nameHash?: number }>) {
  return { nameHash: request.nameHash, iconHash: request.iconHash, colorHash: request.colorHash };
}

/**
 * One action on an in-game loadout slot for the signed-in user: re-checks that the character is
 * theirs (against their profile, re-read from Bungie when it is missing), sends ONE Bungie call,
 * then re-reads the profile once so the page shows what the game did (EquipLoadout answers only
 * `0`: which items it skipped shows in the equipment afterwards).
 */
export async function performLoadoutAction(
  userId: string,
  request: LoadoutActionRequest,
  options: { client?: BungieClient } = {},
): Promise<LoadoutActionResult> {
  const context = await getGuardianContext(userId);
  if (!context) return refusal("Your Bungie.net account has no Destiny profile to act on.");
  const { client } = options;
  let view: LoadoutsView;
  try {
    view = await loadoutsViewFor(context, { client });
    if (!slotOf(view, request)) view = await loadoutsViewFor(context, { client, fresh: true });
  } catch (error) {
    if (error instanceof BungieSessionEndedError) return refusal(error.message);
    if (isBungieError(error)) return refusal(explainLoadoutError(error, "character", "The slot"));
    throw error;
  }
  const character = view.characters.find((c) => c.characterId === request.characterId);
  if (!character) return refusal("That character is not one of yours.");
  const slot = slotOf(view, request);
  if (!slot) return refusal("Your character has no such loadout slot.");
  const problem = unknownIdentifier(view, request);
  if (problem) return refusal(problem);
  if (request.intent === "equip" && slot.empty) {
    return refusal(`${label(slot)} is empty: save gear into it first.`);
  }

  try {
    await send(context, request, client);
  } catch (error) {
    if (error instanceof BungieSessionEndedError) return refusal(error.message);
    if (!isBungieError(error)) throw error;
    // Refused before anything happened (throttle, maintenance, a rule): nothing to re-read.
    return { ...refusal(explainLoadoutError(error, character.name, label(slot))), writes: 1 };
  }
  await invalidateProfile(context.account);

  let after: LoadoutsView | undefined;
  try {
    after = await loadoutsViewFor(context, { client, fresh: true });
  } catch {
    after = undefined; // The action is done; the page re-reads on its own.
  }
  const notices: string[] = [];
  if (request.intent === "equip" && after) {
    const now = slotOf(after, request) ?? slot;
    for (const item of [...now.items, ...(now.subclass ? [now.subclass] : [])]) {
      const note = stayed(item, request.characterId);
      if (note) notices.push(note);
    }
  }
  return {
    status: "ok",
    message: successMessage(request, slot, character.name),
    notices,
    view: after,
    writes: 1,
  };
}
