import "server-only";
import { getBungieAccessToken } from "@/lib/auth/access-token";
import {
  equipItem,
  equipItems,
  isBungieError,
  pullFromPostmaster,
  reshapeEquipResults,
  setItemLockState,
  transferItem,
  type BungieClient,
  type ItemActionContext,
} from "@/lib/bungie";
import type { PlanStep } from "@/lib/destiny/planner-state";
import { PlatformErrorCodes } from "@/lib/destiny/platform-error-codes";
import type { GuardianContext } from "./guardian-context";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Bungie allows one item action per player every 0.1 s, counted when requests ARRIVE. A request
// has arrived by the time its answer is back, so sending the next one 0.1 s after that answer
// can never be refused, whatever the network's jitter (spacing sends alone can be).
const ACTION_GAP_MS = 105;
const lastAnswerAt = new Map<string, number>();

async function spaceFromLastAnswer(player: string) {
  const last = lastAnswerAt.get(player);
  const wait = last === undefined ? 0 : last + ACTION_GAP_MS - Date.now();
  if (wait > 0) await sleep(wait);
}

function answered(player: string) {
  lastAnswerAt.set(player, Date.now());
  // Players idle for a while need no spacing: keep the map small.
  if (lastAnswerAt.size > 5_000) {
    const old = Date.now() - ACTION_GAP_MS;
    for (const [key, at] of lastAnswerAt) if (at < old) lastAnswerAt.delete(key);
  }
}

export type Executor = { calls: number; run: (step: PlanStep) => Promise<string[]> };

/**
 * Sends steps to Bungie with the player's token. A token Bungie rejects is refreshed and the
 * same step sent once more: an auth rejection happens before the game acts, so it's safe.
 * Returns, per step, the items EquipItems could not equip (empty otherwise).
 */
export function bungieExecutor(
  context: GuardianContext,
  bungieMembershipId: string,
  client?: BungieClient,
): Executor {
  let token: string | null = null;
  const executor: Executor = {
    calls: 0,
    async run(step) {
      token ??= await getBungieAccessToken(context.userId);
      for (let attempt = 0; ; attempt++) {
        try {
          await spaceFromLastAnswer(bungieMembershipId);
          executor.calls++;
          try {
            return await send(step, token);
          } finally {
            answered(bungieMembershipId);
          }
        } catch (error) {
          if (!isBungieError(error) || !error.isRejectedBeforeAction || attempt >= 2) throw error;
          if (error.isAuth) {
            token = await getBungieAccessToken(context.userId, { rejected: token });
          } else if (error.code === PlatformErrorCodes.ThrottleLimitExceededMomentarily) {
            // Bungie counts the 0.1 s between actions on arrival; network jitter can squeeze two
            // well-spaced sends together. Nothing happened, so the step may be sent again.
            await sleep(Math.min(Math.max(error.throttleSeconds, 0.25), 2) * 1000);
          } else {
            throw error;
          }
        }
      }
    },
  };
  const base = (characterId: string, accessToken: string): ItemActionContext => ({
    accessToken,
    bungieMembershipId: bungieMembershipId,
    membershipType: context.account.membershipType,
    characterId,
  });
  async function send(step: PlanStep, accessToken: string): Promise<string[]> {
    const options = { client };
    switch (step.kind) {
      case "transfer":
        await transferItem(
          {
            ...base(step.characterId, accessToken),
            itemId: step.itemInstanceId,
            itemReferenceHash: step.itemHash,
            stackSize: step.stackSize,
            transferToVault: step.toVault,
          },
          options,
        );
        return [];
      case "pull":
        await pullFromPostmaster(
          {
            ...base(step.characterId, accessToken),
            itemId: step.itemInstanceId,
            itemReferenceHash: step.itemHash,
            stackSize: step.stackSize,
          },
          options,
        );
        return [];
      case "equip":
        await equipItem(
          { ...base(step.characterId, accessToken), itemId: step.itemInstanceId },
          options,
        );
        return [];
      case "lock":
        await setItemLockState(
          {
            ...base(step.characterId, accessToken),
            itemId: step.itemInstanceId,
            locked: step.locked,
          },
          options,
        );
        return [];
      case "equip-set": {
        const results = reshapeEquipResults(
          await equipItems(
            { ...base(step.characterId, accessToken), itemIds: step.itemInstanceIds },
            options,
          ),
        );
        return results.filter((r) => !r.ok).map((r) => `${r.itemInstanceId}:${r.equipStatus}`);
      }
    }
  }
  return executor;
}
