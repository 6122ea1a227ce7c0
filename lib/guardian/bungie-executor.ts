import "server-only";
import { getBungieAccessToken } from "@/lib/auth/access-token";
import {
  equipItem,
  equipItems,
  insertSocketPlugFree,
  isBungieError,
  pullFromPostmaster,
  reshapeEquipResults,
  setItemLockState,
  transferItem,
  type BungieClient,
  type CallOptions,
  type EquipResult,
  type ItemActionContext,
} from "@/lib/bungie";
import type { LoadoutStep } from "@/lib/destiny/loadout-planner";
import { PlatformErrorCodes } from "@/lib/destiny/platform-error-codes";
import type { GuardianContext } from "./guardian-context";

export type Executor = {
  /** Item actions sent to Bungie so far, resends included. */
  calls: number;
  /** Sends one step; resolves with the items EquipItems could not equip (empty otherwise). */
  run: (step: LoadoutStep) => Promise<EquipResult[]>;
};

/**
 * Sends steps to Bungie with the player's token. Every send waits for the player's item-action
 * lease in lib/bungie's limiter (one action at a time, ≥ 0.1 s after the previous answer, shared
 * by every app instance through Redis), so steps need no pacing here.
 *
 * A step Bungie refused before acting may be sent again, at most twice: after an auth rejection
 * with a refreshed token, and after a 36 (ThrottleLimitExceededMomentarily: another client of the
 * player's, such as the game or another tab, acted just before) once the limiter has held the
 * player's next action back for Bungie's ThrottleSeconds (0.25 to 2 s).
 */
export function bungieExecutor(context: GuardianContext, client?: BungieClient): Executor {
  let token: string | null = null;
  const executor: Executor = {
    calls: 0,
    async run(step) {
      token ??= await getBungieAccessToken(context.userId);
      const options: CallOptions = { client };
      for (let attempt = 0; ; attempt++) {
        try {
          executor.calls++;
          return await send(step, token, options);
        } catch (error) {
          if (!isBungieError(error) || !error.isRejectedBeforeAction || attempt >= 2) throw error;
          if (error.isAuth) {
            token = await getBungieAccessToken(context.userId, { rejected: token });
          } else if (error.code === PlatformErrorCodes.ThrottleLimitExceededMomentarily) {
            options.minActionSpacingMs = Math.min(Math.max(error.throttleSeconds, 0.25), 2) * 1000;
          } else {
            throw error;
          }
        }
      }
    },
  };
  const base = (characterId: string, accessToken: string): ItemActionContext => ({
    accessToken,
    bungieMembershipId: context.bungieMembershipId,
    membershipType: context.account.membershipType,
    characterId,
  });
  async function send(
    step: LoadoutStep,
    accessToken: string,
    options: CallOptions,
  ): Promise<EquipResult[]> {
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
      case "plug":
        await insertSocketPlugFree(
          {
            ...base(step.characterId, accessToken),
            itemId: step.itemInstanceId,
            socketIndex: step.socketIndex,
            plugItemHash: step.plugItemHash,
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
        return results.filter((r) => !r.ok);
      }
    }
  }
  return executor;
}
