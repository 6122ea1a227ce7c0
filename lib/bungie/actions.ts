import "server-only";
import {
  equipItem as apiEquipItem,
  equipItems as apiEquipItems,
  insertSocketPlugFree as apiInsertSocketPlugFree,
  pullFromPostmaster as apiPullFromPostmaster,
  setItemLockState as apiSetItemLockState,
  transferItem as apiTransferItem,
  type BungieMembershipType,
  type DestinyEquipItemResults,
} from "bungie-api-ts/destiny2";
import { bungieFetch, type CallOptions } from "./fetch";

// Item actions are WRITES: never retried by the client (see retry.ts). On any BungieError the
// caller should re-read the profile before deciding what to do next, except when
// `error.isRejectedBeforeAction` (throttle, maintenance, auth), where nothing happened.
// Actions of one player run one at a time, each >= 0.1 s after their previous item action's
// answer (kind "item" in limits.ts).

export type ItemActionContext = {
  accessToken: string;
  /** The player's Bungie.net membership id: the key of the per-player action lease and spacing. */
  bungieMembershipId: string;
  membershipType: number;
  characterId: string;
};

function actionRequest(context: ItemActionContext, kind: "item" | "plug" = "item") {
  return {
    accessToken: context.accessToken,
    kind: "write" as const,
    action: { player: context.bungieMembershipId, kind },
  };
}

/**
 * Moves between a character and the vault (transferToVault true = character → vault). Character
 * to character takes two calls. Non-instanced stacks: itemId null (sent as "0") + stackSize.
 */
export async function transferItem(
  params: ItemActionContext & {
    itemId: string | null;
    itemReferenceHash: number;
    stackSize: number;
    transferToVault: boolean;
  },
  options?: CallOptions,
): Promise<void> {
  await bungieFetch(
    (http) =>
      apiTransferItem(http, {
        itemReferenceHash: params.itemReferenceHash,
        stackSize: params.stackSize,
        transferToVault: params.transferToVault,
        itemId: params.itemId ?? "0",
        characterId: params.characterId,
        membershipType: params.membershipType as BungieMembershipType,
      }),
    actionRequest(params),
    options,
  );
}

/** Moves an item from the character's postmaster (LostItems) to the character. */
export async function pullFromPostmaster(
  params: ItemActionContext & {
    itemId: string | null;
    itemReferenceHash: number;
    stackSize: number;
  },
  options?: CallOptions,
): Promise<void> {
  await bungieFetch(
    (http) =>
      apiPullFromPostmaster(http, {
        itemReferenceHash: params.itemReferenceHash,
        stackSize: params.stackSize,
        itemId: params.itemId ?? "0",
        characterId: params.characterId,
        membershipType: params.membershipType as BungieMembershipType,
      }),
    actionRequest(params),
    options,
  );
}

/** Equips an item already on the character (fails with 1671 while in an activity). */
export async function equipItem(
  params: ItemActionContext & { itemId: string },
  options?: CallOptions,
): Promise<void> {
  await bungieFetch(
    (http) =>
      apiEquipItem(http, {
        itemId: params.itemId,
        characterId: params.characterId,
        membershipType: params.membershipType as BungieMembershipType,
      }),
    actionRequest(params),
    options,
  );
}

/** Equips several items at once; each result carries its own PlatformErrorCode. */
export function equipItems(
  params: ItemActionContext & { itemIds: string[] },
  options?: CallOptions,
): Promise<DestinyEquipItemResults> {
  return bungieFetch(
    (http) =>
      apiEquipItems(http, {
        itemIds: params.itemIds,
        characterId: params.characterId,
        membershipType: params.membershipType as BungieMembershipType,
      }),
    actionRequest(params),
    options,
  );
}

export async function setItemLockState(
  params: ItemActionContext & { itemId: string; locked: boolean },
  options?: CallOptions,
): Promise<void> {
  await bungieFetch(
    (http) =>
      apiSetItemLockState(http, {
        state: params.locked,
        itemId: params.itemId,
        characterId: params.characterId,
        membershipType: params.membershipType as BungieMembershipType,
      }),
    actionRequest(params),
    options,
  );
}

/**
 * Puts a plug in a free socket of an item on the character (a subclass's abilities, aspects and
 * fragments; armour mods). Paced as its own kind ("plug", 0.5 s per player), not as item moves.
 * socketArrayType 0 is the default socket array; the intrinsic one (1) is never free.
 */
export async function insertSocketPlugFree(
  params: ItemActionContext & { itemId: string; socketIndex: number; plugItemHash: number },
  options?: CallOptions,
): Promise<void> {
  await bungieFetch(
    (http) =>
      apiInsertSocketPlugFree(http, {
        plug: {
          socketIndex: params.socketIndex,
          socketArrayType: 0,
          plugItemHash: params.plugItemHash,
        },
        itemId: params.itemId,
        characterId: params.characterId,
        membershipType: params.membershipType as BungieMembershipType,
      }),
    actionRequest(params, "plug"),
    options,
  );
}
