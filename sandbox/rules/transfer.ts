// TransferItem: only between a character and the vault (transferToVault true: character →
// vault; false: vault → character). Character → character takes two calls, as in the game.
import {
  ACCOUNT_BUCKET_CAPACITY,
  accountBucketCount,
  characterBucketFull,
  VAULT_CAPACITY,
  vaultCount,
} from "./capacity";
import { planStackMove, type StackPlan } from "./stacks";
import { fail, type InventoryView, type RuleResult, RuleCodes } from "./types";
import type { ItemPlace, WorldItem } from "../world/types";

export interface TransferRequest {
  itemHash: number;
  /** "0" for non-instanced stacks. */
  itemId: string;
  stackSize: number;
  toVault: boolean;
  characterId: string;
}

export type TransferPlan =
  | { kind: "instance"; item: WorldItem; destination: ItemPlace }
  | { kind: "stack"; itemHash: number; plan: StackPlan; destination: ItemPlace };

export function planTransfer(
  view: InventoryView,
  request: TransferRequest,
): RuleResult<TransferPlan> {
  if (request.itemId !== "0") return planInstanceTransfer(view, request);
  return planStackTransfer(view, request);
}

function planInstanceTransfer(
  view: InventoryView,
  request: TransferRequest,
): RuleResult<TransferPlan> {
  const item = view.byInstanceId.get(request.itemId);
  // An item of another player is simply not found in this profile, as in the real API.
  if (!item || item.itemHash !== request.itemHash) return fail(RuleCodes.DestinyItemNotFound);
  const meta = view.metaOf(item.itemHash);
  if (!meta) return fail(RuleCodes.DestinyItemNotFound);
  if (request.toVault) {
    const place = item.place;
    if (
      (place.kind !== "inventory" && place.kind !== "equipped") ||
      place.characterId !== request.characterId
    ) {
      return fail(RuleCodes.DestinyItemNotFound);
    }
    if (place.kind === "equipped") return fail(RuleCodes.DestinyCannotPerformActionOnEquippedItem);
    if (meta.nonTransferrable) return fail(RuleCodes.DestinyItemNotTransferrable);
    if (vaultCount(view.items) >= VAULT_CAPACITY) return fail(RuleCodes.DestinyNoRoomInDestination);
    return { ok: true, plan: { kind: "instance", item, destination: { kind: "vault" } } };
  }
  if (item.place.kind !== "vault") return fail(RuleCodes.DestinyItemNotFound);
  if (characterBucketFull(view.items, request.characterId, meta.bucketHash, view.metaOf)) {
    return fail(RuleCodes.DestinyNoRoomInDestination);
  }
  // Any class's armour may sit in any character's inventory; only equipping is class-bound.
  return {
    ok: true,
    plan: {
      kind: "instance",
      item,
      destination: { kind: "inventory", characterId: request.characterId },
    },
  };
}

function planStackTransfer(
  view: InventoryView,
  request: TransferRequest,
): RuleResult<TransferPlan> {
  const meta = view.metaOf(request.itemHash);
  if (!meta || meta.instanced) return fail(RuleCodes.DestinyItemNotFound);
  if (meta.nonTransferrable) return fail(RuleCodes.DestinyItemNotTransferrable);
  if (!Number.isInteger(request.stackSize) || request.stackSize <= 0)
    return fail(RuleCodes.DestinyInvalidRequest);
  const sameHash = (kind: ItemPlace["kind"]) =>
    view.items.filter((i) => i.itemHash === request.itemHash && i.place.kind === kind);
  const from = request.toVault ? sameHash("profile") : sameHash("vault");
  const to = request.toVault ? sameHash("vault") : sameHash("profile");
  const plan = planStackMove(from, to, request.stackSize, meta.maxStackSize);
  // Asking for more than is held: there is no such stack to move.
  if (!plan) return fail(RuleCodes.DestinyItemNotFound);
  const freeSlots = request.toVault
    ? VAULT_CAPACITY - vaultCount(view.items)
    : ACCOUNT_BUCKET_CAPACITY - accountBucketCount(view.items, meta.bucketHash, view.metaOf);
  if (plan.newStacks.length > freeSlots) return fail(RuleCodes.DestinyNoRoomInDestination);
  return {
    ok: true,
    plan: {
      kind: "stack",
      itemHash: request.itemHash,
      plan,
      destination: request.toVault ? { kind: "vault" } : { kind: "profile" },
    },
  };
}
