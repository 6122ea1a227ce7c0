// PullFromPostmaster: an item in the character's LostItems moves to the matching bucket of
// that character (instanced) or the account-wide bucket (stackables); no room → 1642.
import type { WorldItem } from "../world/types";
import { ACCOUNT_BUCKET_CAPACITY, accountBucketCount } from "./capacity";
import { planIntoInventory, planStackPlacement, type MovePlan } from "./move-plan";
import { fail, type InventoryView, type RuleResult, RuleCodes } from "./types";

export interface PullRequest {
  itemHash: number;
  itemId: string;
  stackSize: number;
  characterId: string;
}

export function planPull(view: InventoryView, request: PullRequest): RuleResult<MovePlan> {
  const inPostmaster = (item: WorldItem) =>
    item.place.kind === "postmaster" && item.place.characterId === request.characterId;
  if (request.itemId !== "0") {
    const item = view.byInstanceId.get(request.itemId);
    if (!item || !inPostmaster(item) || item.itemHash !== request.itemHash)
      return fail(RuleCodes.DestinyItemNotFound);
    const meta = view.metaOf(item.itemHash);
    if (!meta) return fail(RuleCodes.DestinyItemNotFound);
    return planIntoInventory(view, item, meta.bucketHash, request.characterId);
  }
  const meta = view.metaOf(request.itemHash);
  if (!meta || meta.instanced) return fail(RuleCodes.DestinyItemNotFound);
  return planStackPlacement(
    { itemHash: request.itemHash, stackSize: request.stackSize, maxStackSize: meta.maxStackSize },
    view.items.filter((i) => i.itemHash === request.itemHash && inPostmaster(i)),
    view.items.filter((i) => i.itemHash === request.itemHash && i.place.kind === "profile"),
    ACCOUNT_BUCKET_CAPACITY - accountBucketCount(view.items, meta.bucketHash, view.metaOf),
    { kind: "profile" },
  );
}
