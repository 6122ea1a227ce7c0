import "server-only";
import { BungieSessionEndedError } from "@/lib/auth/access-token";
import { isBungieError, type BungieClient } from "@/lib/bungie";
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from "@/lib/db/unavailable";
import type { Plan } from "@/lib/destiny/move-planner";
import {
  applyStep,
  characterName,
  type PlanStep,
  type PlannerState,
} from "@/lib/destiny/planner-state";
import type { ItemActionRequest } from "./action-schema";
import type { ItemActionResult } from "./action-result";
import { bungieExecutor } from "./bungie-executor";
import { equipSetFailure } from "./equip-status";
import { explainBungieError } from "./explain-error";
import { getGuardianContext } from "./guardian-context";
import { inventoryViewFor } from "./load-inventory-view";
import { pageViewOf } from "./page-view";
import { plannerStateOf } from "./planner-view";
import { placementsOf } from "./placements";
import { planAction } from "./plan-action";
import { invalidateProfile } from "./profile-store";
import type { InventoryView } from "./view-types";

function refusal(message: string): ItemActionResult {
  return { status: "error", message, notices: [], placements: [], writes: 0 };
}

/** The keys and characters a request names, so ownership can be checked before planning. */
function named(request: ItemActionRequest): { keys: string[]; characters: string[] } {
  switch (request.intent) {
    case "move":
      return {
        keys: [request.itemKey],
        characters: request.to === "vault" ? [] : [request.to.characterId],
      };
    case "equip":
      return { keys: [request.itemKey], characters: [request.characterId] };
    case "equip-set":
      return { keys: request.itemKeys, characters: [request.characterId] };
    default:
      return { keys: [request.itemKey], characters: [] };
  }
}

function owns(view: InventoryView, request: ItemActionRequest): boolean {
  const { keys, characters } = named(request);
  return (
    keys.every((key) => view.items.some((i) => i.key === key)) &&
    characters.every((id) => view.characters.some((c) => c.characterId === id))
  );
}

function successMessage(state: PlannerState, request: ItemActionRequest, done: Plan): string {
  const name = (key: string) => state.items.find((i) => i.key === key)?.name ?? "The item";
  switch (request.intent) {
    case "move":
      return request.to === "vault"
        ? `Moved ${name(request.itemKey)} to the vault.`
        : `Moved ${name(request.itemKey)} to your ${characterName(state, request.to.characterId)}.`;
    case "equip":
      return `Equipped ${name(request.itemKey)} on your ${characterName(state, request.characterId)}.`;
    case "pull": {
      const owner = state.items.find((i) => i.key === request.itemKey)?.ownerCharacterId ?? null;
      return `Pulled ${name(request.itemKey)} from the postmaster to your ${characterName(state, owner)}.`;
    }
    case "lock":
      return `${request.locked ? "Locked" : "Unlocked"} ${name(request.itemKey)}.`;
    case "equip-set": {
      const set = done.steps.find((s) => s.kind === "equip-set");
      const count = set && set.kind === "equip-set" ? set.itemKeys.length : 0;
      return `Equipped ${count} item${count === 1 ? "" : "s"} on your ${characterName(state, request.characterId)}.`;
    }
  }
}

/**
 * One inventory action for the signed-in user: re-checks that every item and character named is
 * theirs (against their profile, re-read from Bungie when something is missing), plans the
 * calls, sends them in order and says exactly where things are if one fails partway.
 */
export async function performItemAction(
  userId: string,
  request: ItemActionRequest,
  options: { client?: BungieClient } = {},
): Promise<ItemActionResult> {
  const context = await getGuardianContext(userId);
  if (!context) return refusal("Your Bungie.net account has no Destiny profile to act on.");
  let view: InventoryView;
  try {
    view = await inventoryViewFor(context, { client: options.client });
    if (!owns(view, request)) {
      // The cached profile may predate a new drop or a move made in the game: ask Bungie.
      view = await inventoryViewFor(context, { client: options.client, fresh: true });
    }
  } catch (error) {
    if (error instanceof BungieSessionEndedError) return refusal(error.message);
    if (isBungieError(error)) return refusal(explainBungieError(error, null, null));
    throw error;
  }
  if (!owns(view, request)) {
    return refusal("That item or character is not in your inventory.");
  }

  const before = plannerStateOf(view);
  const planned = planAction(before, request, view.selectedCharacterId);
  if (!planned.ok) return refusal(planned.message);

  const executor = bungieExecutor(context, options.client);
  let state = before;
  let failure: { message: string; step: PlanStep } | null = null;
  for (const step of planned.steps) {
    try {
      const unequipped = await executor.run(step);
      if (unequipped.length > 0 && step.kind === "equip-set") {
        const nameOf = (id: string) => state.items.find((i) => i.itemInstanceId === id)?.name;
        failure = { message: equipSetFailure(unequipped, nameOf), step };
        // The pieces that did equip are on; the rest stay in the inventory.
        const failed = new Set(unequipped.map((u) => u.itemInstanceId));
        state = applyStep(state, {
          ...step,
          itemKeys: step.itemKeys.filter((_, n) => !failed.has(step.itemInstanceIds[n] ?? "")),
        });
        break;
      }
      state = applyStep(state, step);
    } catch (error) {
      if (error instanceof BungieSessionEndedError) {
        failure = { message: error.message, step };
      } else if (isBungieError(error)) {
        failure = { message: explainBungieError(error, step, state), step };
      } else if (isDatabaseUnavailable(error) && step !== planned.steps[0]) {
        // The database went away between two steps (each reads the player's token): the steps
        // done are done in game, so say where things are rather than only "try again".
        failure = { message: DATABASE_UNAVAILABLE_MESSAGE, step };
      } else {
        throw error;
      }
      break;
    }
  }
  if (executor.calls > 0) await invalidateProfile(context.account);

  if (!failure) {
    return {
      status: "ok",
      message: successMessage(before, request, planned),
      notices: planned.notices,
      placements: [],
      writes: executor.calls,
    };
  }

  // Say where everything is now, from Bungie itself when it answers (a timed-out step may or may
  // not have happened), else from the steps known to have succeeded.
  let fresh: InventoryView | undefined;
  try {
    fresh = await inventoryViewFor(context, { client: options.client, fresh: true });
  } catch {
    fresh = undefined;
  }
  const after = fresh ? plannerStateOf(fresh) : state;
  const doneCount = planned.steps.indexOf(failure.step);
  return {
    status: "error",
    message:
      doneCount > 0
        ? `${failure.message} The move stopped after ${doneCount} of ${planned.steps.length} steps; nothing was lost.`
        : failure.message,
    notices: [],
    placements: placementsOf(before, planned.steps, after),
    // As the page has it (no per-item details): it replaces the page's optimistic view.
    view: fresh && pageViewOf(fresh),
    writes: executor.calls,
  };
}
