// Item actions: TransferItem, PullFromPostmaster, EquipItem, EquipItems, SetLockState.
// The rules (sandbox/rules) decide; action-target.ts paces the caller (0.1 s between item actions)
// and resolves their profile and character; this module carries out plans and answers
// `Response: 0`.
import { ok } from "../http/envelope";
import { bodyBool, bodyInt, bodyInt64, int64Value, ParamError } from "../http/params";
import type { RequestContext, Route } from "../http/router";
import { planEquip } from "../rules/equip";
import { withLock, planLock } from "../rules/lock";
import { planPull } from "../rules/postmaster";
import { applyStackPlan, type StackPlan } from "../rules/stacks";
import { planTransfer } from "../rules/transfer";
import type { MovePlan } from "../rules/move-plan";
import type { RuleResult } from "../rules/types";
import type { DestinyProfile, ItemPlace, WorldItem } from "../world/types";
import { addItem } from "../world/profiles";
import { actionError, type ActionTarget, actionTarget } from "./action-target";

/** Spec: ThrottleSecondsBetweenActionPerUser = 0.1 for these five actions (action-target.ts). */
const target = (ctx: RequestContext) => actionTarget(ctx, "item");

function moveInstance(item: WorldItem, destination: ItemPlace): void {
  item.place = destination;
}

function applyStacks(
  profile: DestinyProfile,
  itemHash: number,
  plan: StackPlan,
  destination: ItemPlace,
): void {
  const { created, removed } = applyStackPlan(plan, itemHash, destination);
  if (removed.length > 0) {
    const gone = new Set(removed);
    profile.items = profile.items.filter((i) => !gone.has(i));
  }
  for (const stack of created) addItem(profile, stack);
}

function done(ctx: RequestContext, profile: DestinyProfile): Response {
  ctx.state.touch(profile);
  return ok(0);
}

/** The body fields TransferItem and PullFromPostmaster share, for the caller's character. */
function itemRequest(t: ActionTarget) {
  return {
    itemHash: bodyInt(t.body, "itemReferenceHash"),
    itemId: t.body.itemId === undefined ? "0" : bodyInt64(t.body, "itemId"),
    stackSize: bodyInt(t.body, "stackSize", 1),
    characterId: t.character.characterId,
  };
}

/** Carries out a move the rules allowed (an item changes place, stacks merge and split). */
function carryOut(ctx: RequestContext, t: ActionTarget, result: RuleResult<MovePlan>): Response {
  if (!result.ok) return actionError(result.code);
  const plan = result.plan;
  if (plan.kind === "instance") moveInstance(plan.item, plan.destination);
  else applyStacks(t.profile, plan.itemHash, plan.plan, plan.destination);
  return done(ctx, t.profile);
}

async function transferItem(ctx: RequestContext): Promise<Response> {
  const t = await target(ctx);
  if (t instanceof Response) return t;
  const request = { ...itemRequest(t), toVault: bodyBool(t.body, "transferToVault") };
  return carryOut(ctx, t, planTransfer(t.view, request));
}

async function pullFromPostmaster(ctx: RequestContext): Promise<Response> {
  const t = await target(ctx);
  if (t instanceof Response) return t;
  return carryOut(ctx, t, planPull(t.view, itemRequest(t)));
}

function equipOne(t: ActionTarget, itemId: string): number {
  const result = planEquip(t.view, t.character, itemId);
  if (!result.ok) return result.code;
  const { item, previous } = result.plan;
  if (previous && previous !== item)
    previous.place = { kind: "inventory", characterId: t.character.characterId };
  item.place = { kind: "equipped", characterId: t.character.characterId };
  return 1;
}

async function equipItem(ctx: RequestContext): Promise<Response> {
  const t = await target(ctx);
  if (t instanceof Response) return t;
  const code = equipOne(t, bodyInt64(t.body, "itemId"));
  if (code !== 1) return actionError(code);
  return done(ctx, t.profile);
}

async function equipItems(ctx: RequestContext): Promise<Response> {
  const t = await target(ctx);
  if (t instanceof Response) return t;
  const ids = t.body.itemIds;
  if (!Array.isArray(ids)) throw new ParamError(18, "itemIds");
  const itemIds = ids.map((id: unknown) => int64Value(id, "itemIds"));
  if (!["offline", "orbit", "tower"].includes(t.character.activity)) return actionError(1671);
  const equipResults = [];
  for (const itemId of itemIds) {
    const item = t.profile.byInstanceId.get(itemId);
    const place = item?.place;
    // "Any items not found on your character will be ignored."
    if (
      !place ||
      !("characterId" in place) ||
      place.characterId !== t.character.characterId ||
      place.kind === "postmaster"
    )
      continue;
    equipResults.push({ itemInstanceId: itemId, equipStatus: equipOne(t, itemId) });
  }
  ctx.state.touch(t.profile);
  return ok({ equipResults });
}

async function setLockState(ctx: RequestContext): Promise<Response> {
  const t = await target(ctx);
  if (t instanceof Response) return t;
  const locked = bodyBool(t.body, "state");
  const result = planLock(t.view, bodyInt64(t.body, "itemId"));
  if (!result.ok) return actionError(result.code);
  result.plan.item.state = withLock(result.plan.item.state, locked);
  return done(ctx, t.profile);
}

export const actionRoutes: Route[] = [
  {
    method: "POST",
    template: "/Destiny2/Actions/Items/TransferItem/",
    operation: "Destiny2.TransferItem",
    auth: true,
    action: true,
    handler: transferItem,
  },
  {
    method: "POST",
    template: "/Destiny2/Actions/Items/PullFromPostmaster/",
    operation: "Destiny2.PullFromPostmaster",
    auth: true,
    action: true,
    handler: pullFromPostmaster,
  },
  {
    method: "POST",
    template: "/Destiny2/Actions/Items/EquipItem/",
    operation: "Destiny2.EquipItem",
    auth: true,
    action: true,
    handler: equipItem,
  },
  {
    method: "POST",
    template: "/Destiny2/Actions/Items/EquipItems/",
    operation: "Destiny2.EquipItems",
    auth: true,
    action: true,
    handler: equipItems,
  },
  {
    method: "POST",
    template: "/Destiny2/Actions/Items/SetLockState/",
    operation: "Destiny2.SetItemLockState",
    auth: true,
    action: true,
    handler: setLockState,
  },
];
