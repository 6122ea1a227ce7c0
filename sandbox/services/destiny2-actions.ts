// Item actions: TransferItem, PullFromPostmaster, EquipItem, EquipItems, SetLockState.
// The rules (sandbox/rules) decide; this module resolves the caller's profile and character,
// applies the per-user 0.1 s action throttle, carries out plans and answers `Response: 0`.
import { ok, platformError } from "../http/envelope";
import { bodyBool, bodyInt, bodyInt64, int64Value, jsonBody, ParamError } from "../http/params";
import type { RequestContext, Route } from "../http/router";
import { planEquip } from "../rules/equip";
import { withLock, planLock } from "../rules/lock";
import { planPull } from "../rules/postmaster";
import { applyStackPlan, type StackPlan } from "../rules/stacks";
import { planTransfer } from "../rules/transfer";
import type { MovePlan } from "../rules/move-plan";
import type { InventoryView, RuleResult } from "../rules/types";
import type {
  BungieUser,
  DestinyProfile,
  ItemPlace,
  WorldCharacter,
  WorldItem,
} from "../world/types";
import { addItem } from "../world/profiles";

/** Spec: ThrottleSecondsBetweenActionPerUser = 0.1 for these five actions. */
export const ACTION_INTERVAL_MS = 100;
const VALID_MEMBERSHIP_TYPES = new Set([1, 2, 3, 4, 5, 6, 10]);

function actionError(code: number, throttleSeconds = 0): Response {
  return platformError(code, { response: 0, throttleSeconds });
}

interface ActionTarget {
  profile: DestinyProfile;
  character: WorldCharacter;
  view: InventoryView;
  body: Record<string, unknown>;
}

/** Throttle, then find the caller's profile of that membershipType and the character. */
async function target(ctx: RequestContext): Promise<ActionTarget | Response> {
  const state = ctx.state;
  const viewer = ctx.viewer as BungieUser;
  const now = state.now();
  const last = state.lastActionAt.get(viewer.membershipId);
  if (last !== undefined && now - last < ACTION_INTERVAL_MS) return actionError(36, 1);
  state.lastActionAt.set(viewer.membershipId, now);

  const body = await jsonBody(ctx.request);
  const membershipType = bodyInt(body, "membershipType");
  const characterId = bodyInt64(body, "characterId");
  if (state.recording && viewer === state.recording.user) return actionError(1663);
  if (!VALID_MEMBERSHIP_TYPES.has(membershipType)) return actionError(1630);
  const profile = viewer.destinyMembershipIds
    .map((id) => state.profile(id))
    .find((p) => p !== undefined && p.membershipType === membershipType && !p.isOverridden);
  if (!profile) return actionError(1630);
  const character = profile.characters.find((c) => c.characterId === characterId);
  if (!character) return actionError(1620);
  const view: InventoryView = {
    items: profile.items,
    byInstanceId: profile.byInstanceId,
    metaOf: (hash) => ctx.defs.meta.get(hash),
  };
  return { profile, character, view, body };
}

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
