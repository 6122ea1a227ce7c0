// TransferItem: only between a character and the vault (transferToVault true: character →
// vault; false: vault → character). Character → character takes two calls, as in the game.
import {
  ACCOUNT_BUCKET_CAPACITY,
  accountBucketCount,
  VAULT_CAPACITY,
  vaultCount,
} from "./capacity";
import { planIntoInventory, planStackPlacement, type MovePlan } from "./move-plan";
import { fail, type InventoryView, type RuleResult, RuleCodes } from "./types";
import type { ItemPlace } from "../world/types";

export interface TransferRequest {
  itemHash: number;
  /** "0" for non-instanced stacks. */
  itemId: string;
  stackSize: number;
  toVault: boolean;
  characterId: string;
}

export function planTransfer(view: InventoryView, request: TransferRequest): RuleResult<MovePlan> {
  if (request.itemId !== "0") return planInstanceTransfer(view, request);
  return planStackTransfer(view, request);
}

function planInstanceTransfer(view: InventoryView, request: TransferRequest): RuleResult<MovePlan> {
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
  // Any class's armour may sit in any character's inventory; only equipping is class-bound.
  return planIntoInventory(view, item, meta.bucketHash, request.characterId);
}

function planStackTransfer(view: InventoryView, request: TransferRequest): RuleResult<MovePlan> {
  const meta = view.metaOf(request.itemHash);
  if (!meta || meta.instanced) return fail(RuleCodes.DestinyItemNotFound);
  if (meta.nonTransferrable) return fail(RuleCodes.DestinyItemNotTransferrable);
  const sameHash = (kind: ItemPlace["kind"]) =>
    view.items.filter((i) => i.itemHash === request.itemHash && i.place.kind === kind);
  return planStackPlacement(
    { itemHash: request.itemHash, stackSize: request.stackSize, maxStackSize: meta.maxStackSize },
    request.toVault ? sameHash("profile") : sameHash("vault"),
    request.toVault ? sameHash("vault") : sameHash("profile"),
    request.toVault
      ? VAULT_CAPACITY - vaultCount(view.items)
      : ACCOUNT_BUCKET_CAPACITY - accountBucketCount(view.items, meta.bucketHash, view.metaOf),
    request.toVault ? { kind: "vault" } : { kind: "profile" },
  );
}
