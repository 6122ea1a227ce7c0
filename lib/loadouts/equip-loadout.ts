import "server-only";
import { BungieSessionEndedError } from "@/lib/auth/access-token";
import { isBungieError, type BungieClient } from "@/lib/bungie";
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from "@/lib/db/unavailable";
import { applyLoadoutStep, planLoadout, type LoadoutStep } from "@/lib/destiny/loadout-planner";
import { applyStep, characterName, type PlannerState } from "@/lib/destiny/planner-state";
import { bungieExecutor } from "@/lib/guardian/bungie-executor";
import { equipSetFailure } from "@/lib/guardian/equip-status";
import { explainBungieError } from "@/lib/guardian/explain-error";
import { getGuardianContext } from "@/lib/guardian/guardian-context";
import { plannerStateOf } from "@/lib/guardian/planner-view";
import { invalidateProfile } from "@/lib/guardian/profile-store";
import { log } from "@/lib/log";
import {
  outcomesOf,
  stepLabel,
  type EquipLoadoutResult,
  type EquipProgress,
} from "./loadout-outcome";
import { getOwnLoadout } from "./loadout-store";
import { readLoadoutWorld, type LoadoutWorld } from "./loadout-world";

export type EquipLoadoutRequest = { loadoutId: string; characterId: string; clearOthers: boolean };

function refusal(message: string): EquipLoadoutResult {
  return { status: "error", message, notices: [], items: [], calls: 0 };
}

/**
 * Equips one of the player's saved loadouts on one of their characters: re-checks that both are
 * theirs (the loadout by user id in the database, the character and every item against their
 * own profile, so a forged item id is simply "not in your inventory"), plans, then sends the
 * steps one by one, reporting each through `onProgress`. A failure partway says where every
 * piece is now, from Bungie when it answers.
 */
export async function equipSavedLoadout(
  userId: string,
  request: EquipLoadoutRequest,
  options: { client?: BungieClient; onProgress?: (event: EquipProgress) => void } = {},
): Promise<EquipLoadoutResult> {
  const progress = options.onProgress ?? (() => {});
  const loadout = await getOwnLoadout(userId, request.loadoutId);
  if (!loadout) return refusal("That loadout is not one of yours.");
  if (loadout.damaged) return refusal("This loadout's saved items can't be read: save it again.");
  const context = await getGuardianContext(userId);
  if (!context) return refusal("Your Bungie.net account has no Destiny profile to act on.");

  let world: LoadoutWorld;
  try {
    world = await readLoadoutWorld(context, { client: options.client });
    const known = (w: LoadoutWorld) =>
      w.view.characters.some((c) => c.characterId === request.characterId) &&
      loadout.items.every((p) => w.view.items.some((i) => i.itemInstanceId === p.itemInstanceId));
    // The cached profile may predate a drop or a move made in the game: ask Bungie.
    if (!known(world))
      world = await readLoadoutWorld(context, { client: options.client, fresh: true });
  } catch (error) {
    if (error instanceof BungieSessionEndedError) return refusal(error.message);
    if (isBungieError(error)) return refusal(explainBungieError(error, null, null));
    throw error;
  }
  if (!world.view.characters.some((c) => c.characterId === request.characterId)) {
    return refusal("That character is not one of yours.");
  }

  const before = plannerStateOf(world.view);
  const plan = planLoadout(before, {
    characterId: request.characterId,
    classType: loadout.classType,
    pieces: loadout.items,
    sockets: world.sockets,
    clearOthers: request.clearOthers,
  });
  if (!plan.ok) {
    return {
      ...refusal(plan.message),
      items: outcomesOf(loadout.items, plan.skipped, before, request.characterId, null),
    };
  }
  progress({
    type: "plan",
    steps: plan.steps.map((step, index) => ({ index, label: stepLabel(before, step) })),
  });

  const executor = bungieExecutor(context, options.client);
  let state: PlannerState = before;
  let failure: { message: string; index: number } | null = null;
  for (const [index, step] of plan.steps.entries()) {
    progress({ type: "step", index, status: "running" });
    try {
      const unequipped = await executor.run(step);
      if (unequipped.length > 0 && step.kind === "equip-set") {
        const nameOf = (id: string) => state.items.find((i) => i.itemInstanceId === id)?.name;
        failure = { message: equipSetFailure(unequipped, nameOf), index };
        const failed = new Set(unequipped.map((u) => u.itemInstanceId));
        state = applyStep(state, {
          ...step,
          itemKeys: step.itemKeys.filter((_, n) => !failed.has(step.itemInstanceIds[n] ?? "")),
        });
      } else {
        state = applyLoadoutStep(state, step);
      }
    } catch (error) {
      failure = { message: failureMessage(error, step, state, index), index };
    }
    progress({ type: "step", index, status: failure ? "failed" : "done" });
    if (failure) break;
  }
  if (executor.calls > 0) await invalidateProfile(context.account);

  const who = characterName(before, request.characterId);
  if (!failure) {
    const result: EquipLoadoutResult = {
      status: plan.skipped.length > 0 ? "partial" : "ok",
      message:
        plan.skipped.length > 0
          ? `Equipped "${loadout.name}" on your ${who}, except what is listed below.`
          : `Equipped "${loadout.name}" on your ${who}.`,
      notices: plan.notices,
      items: outcomesOf(loadout.items, plan.skipped, plan.result, request.characterId, null),
      calls: executor.calls,
    };
    progress({ type: "result", result });
    return result;
  }

  // Where everything is now: from Bungie itself when it answers (a timed-out step may or may not
  // have happened), else from the steps known to have succeeded.
  let after = state;
  try {
    after = plannerStateOf(
      (await readLoadoutWorld(context, { client: options.client, fresh: true })).view,
    );
  } catch (error) {
    log.warn("loadouts.reread_failed", { error });
  }
  const result: EquipLoadoutResult = {
    status: "error",
    message:
      failure.index > 0
        ? `${failure.message} The loadout stopped after ${failure.index} of ${plan.steps.length} steps; nothing was lost.`
        : failure.message,
    notices: [],
    items: outcomesOf(loadout.items, plan.skipped, after, request.characterId, failure.message),
    calls: executor.calls,
  };
  progress({ type: "result", result });
  return result;
}

function failureMessage(error: unknown, step: LoadoutStep, state: PlannerState, index: number) {
  if (error instanceof BungieSessionEndedError) return error.message;
  if (isBungieError(error)) {
    // A plug is refused for the same reasons as an equip (in an activity, item gone): word it so.
    const asStep =
      step.kind === "plug"
        ? {
            kind: "equip" as const,
            itemKey: state.items.find((i) => i.itemInstanceId === step.itemInstanceId)?.key ?? "",
            itemInstanceId: step.itemInstanceId,
            characterId: step.characterId,
            why: "requested" as const,
          }
        : step;
    return explainBungieError(error, asStep, state);
  }
  // The database went away between two steps (each reads the player's token): the steps done are
  // done in game, so say where things are rather than only "try again".
  if (isDatabaseUnavailable(error) && index > 0) return DATABASE_UNAVAILABLE_MESSAGE;
  throw error;
}
