// PullFromPostmaster: an item in the character's LostItems moves to the matching bucket of
// that character (instanced) or the account-wide bucket (stackables); no room → 1642.
import type { ItemPlace, WorldItem } from "../world/types";
import { ACCOUNT_BUCKET_CAPACITY, accountBucketCount, characterBucketFull } from "./capacity";
import { planStackMove, type StackPlan } from "./stacks";
import { fail, type InventoryView, type RuleResult, RuleCodes } from "./types";

export interface PullRequest {
  itemHash: number;
  itemId: string;
  stackSize: number;
  characterId: string;
}

export type PullPlan =
  | { kind: "instance"; item: WorldItem; destination: ItemPlace }
  | { kind: "stack"; itemHash: number; plan: StackPlan; destination: ItemPlace };

export function planPull(view: InventoryView, request: PullRequest): RuleResult<PullPlan> {
  const inPostmaster = (item: WorldItem) =>
    item.place.kind === "postmaster" && item.place.characterId === request.characterId;
  if (request.itemId !== "0") {
    const item = view.byInstanceId.get(request.itemId);
    if (!item || !inPostmaster(item) || item.itemHash !== request.itemHash)
      return fail(RuleCodes.DestinyItemNotFound);
    const meta = view.metaOf(item.itemHash);
    if (!meta) return fail(RuleCodes.DestinyItemNotFound);
    if (characterBucketFull(view.items, request.characterId, meta.bucketHash, view.metaOf)) {
      return fail(RuleCodes.DestinyNoRoomInDestination);
    }
    return {
      ok: true,
      plan: {
        kind: "instance",
        item,
        destination: { kind: "inventory", characterId: request.characterId },
      },
    };
  }
  const meta = view.metaOf(request.itemHash);
  if (!meta || meta.instanced) return fail(RuleCodes.DestinyItemNotFound);
  if (!Number.isInteger(request.stackSize) || request.stackSize <= 0)
    return fail(RuleCodes.DestinyInvalidRequest);
  const sources = view.items.filter((i) => i.itemHash === request.itemHash && inPostmaster(i));
  const destinations = view.items.filter(
    (i) => i.itemHash === request.itemHash && i.place.kind === "profile",
  );
  const plan = planStackMove(sources, destinations, request.stackSize, meta.maxStackSize);
  if (!plan) return fail(RuleCodes.DestinyItemNotFound);
  const free =
    ACCOUNT_BUCKET_CAPACITY - accountBucketCount(view.items, meta.bucketHash, view.metaOf);
  if (plan.newStacks.length > free) return fail(RuleCodes.DestinyNoRoomInDestination);
  return {
    ok: true,
    plan: { kind: "stack", itemHash: request.itemHash, plan, destination: { kind: "profile" } },
  };
}
