// In-game loadout actions (EquipLoadout, SnapshotLoadout, UpdateLoadoutIdentifiers, ClearLoadout)
// and InsertSocketPlugFree. The rules (sandbox/rules/loadouts.ts) decide; action-target.ts paces
// each kind (1 s between loadout actions, 0.5 s between socket plugs per user) and resolves the
// caller's profile and character. Loadout actions answer `Response: 0`; InsertSocketPlugFree
// answers the changed item (DestinyItemChangeResponse).
import { ComponentType } from "../../lib/destiny/api-enums";
import { ok } from "../http/envelope";
import { bodyInt, bodyInt64, ParamError } from "../http/params";
import type { RequestContext, Route } from "../http/router";
import { renderItemResponse } from "../render/item-components";
import {
  checkLoadoutAction,
  emptyLoadout,
  type LoadoutRules,
  loadoutSlots,
  planEquipLoadout,
  planIdentifiers,
  planInsertPlugFree,
  snapshotItems,
} from "../rules/loadouts";
import type { WorldItem, WorldLoadout } from "../world/types";
import { actionError, type ActionTarget, actionTarget } from "./action-target";

/** What InsertSocketPlugFree answers about the item (as Bungie's item change response). */
const CHANGED_ITEM_COMPONENTS = new Set<number>([
  ComponentType.ItemInstances,
  ComponentType.ItemPerks,
  ComponentType.ItemStats,
  ComponentType.ItemSockets,
  ComponentType.ItemCommonData,
  ComponentType.ItemReusablePlugs,
]);

function rules(ctx: RequestContext): LoadoutRules {
  return ctx.defs.loadouts;
}

type LoadoutChange = (
  t: ActionTarget,
  slot: WorldLoadout,
  ctx: RequestContext,
) => WorldLoadout | number;

/** Pace, check where the character is and the index, then change one slot (or fail with a code). */
function loadoutAction(change: LoadoutChange) {
  return async (ctx: RequestContext): Promise<Response> => {
    const t = await actionTarget(ctx, "loadout");
    if (t instanceof Response) return t;
    const index = bodyInt(t.body, "loadoutIndex");
    const checked = checkLoadoutAction(t.character, index, rules(ctx));
    if (!checked.ok) return actionError(checked.code);
    const slots = loadoutSlots(t.character, rules(ctx));
    const result = change(t, slots[index] as WorldLoadout, ctx);
    if (typeof result === "number") return actionError(result);
    slots[index] = result;
    t.character.loadouts = slots;
    ctx.state.touch(t.profile);
    return ok(0);
  };
}

/** Identifiers from the body (DestinyLoadoutUpdateActionRequest); absent ones keep the slot's. */
function identifiers(t: ActionTarget, slot: WorldLoadout, ctx: RequestContext) {
  return planIdentifiers(
    slot,
    {
      nameHash: bodyInt(t.body, "nameHash", 0) >>> 0,
      iconHash: bodyInt(t.body, "iconHash", 0) >>> 0,
      colorHash: bodyInt(t.body, "colorHash", 0) >>> 0,
    },
    rules(ctx),
  );
}

/** Equip an item the plan chose: the one it replaces goes back to the character's inventory. */
function wear(t: ActionTarget, item: WorldItem): void {
  const characterId = t.character.characterId;
  const bucket = t.view.metaOf(item.itemHash)?.bucketHash;
  for (const other of t.view.items) {
    if (
      other !== item &&
      other.place.kind === "equipped" &&
      other.place.characterId === characterId &&
      t.view.metaOf(other.itemHash)?.bucketHash === bucket
    )
      other.place = { kind: "inventory", characterId };
  }
  item.place = { kind: "equipped", characterId };
}

const equipLoadout = loadoutAction((t, slot) => {
  const planned = planEquipLoadout(t.view, t.character, slot);
  if (!planned.ok) return planned.code;
  const { pulls, equips, plugs } = planned.plan;
  for (const item of pulls)
    item.place = { kind: "inventory", characterId: t.character.characterId };
  for (const item of equips) wear(t, item);
  for (const { item, plugs: next } of plugs) item.plugs = next;
  return slot;
});

const snapshotLoadout = loadoutAction((t, slot, ctx) => {
  const ids = identifiers(t, slot, ctx);
  if (!ids.ok) return ids.code;
  return { ...ids.plan, items: snapshotItems(t.view, t.character) };
});

const updateLoadoutIdentifiers = loadoutAction((t, slot, ctx) => {
  const ids = identifiers(t, slot, ctx);
  if (!ids.ok) return ids.code;
  return { ...slot, ...ids.plan };
});

const clearLoadout = loadoutAction((_t, _slot, ctx) => emptyLoadout(rules(ctx)));

async function insertSocketPlugFree(ctx: RequestContext): Promise<Response> {
  const t = await actionTarget(ctx, "plug");
  if (t instanceof Response) return t;
  const plug = t.body.plug;
  if (!plug || typeof plug !== "object" || Array.isArray(plug))
    throw new ParamError(18, "plug missing or invalid");
  const entry = plug as Record<string, unknown>;
  const planned = planInsertPlugFree(t.view, t.character, {
    itemId: bodyInt64(t.body, "itemId"),
    socketIndex: bodyInt(entry, "socketIndex"),
    socketArrayType: bodyInt(entry, "socketArrayType", 0),
    plugItemHash: bodyInt(entry, "plugItemHash") >>> 0,
  });
  if (!planned.ok) return actionError(planned.code);
  planned.plan.item.plugs = planned.plan.plugs;
  ctx.state.touch(t.profile);
  return ok({
    item: renderItemResponse(
      {
        defs: ctx.defs,
        profile: t.profile,
        components: CHANGED_ITEM_COMPONENTS,
        owner: true,
        now: ctx.state.now(),
      },
      planned.plan.item,
    ),
    addedInventoryItems: [],
    removedInventoryItems: [],
  });
}

const loadoutRoute = (name: string, handler: Route["handler"]): Route => ({
  method: "POST",
  template: `/Destiny2/Actions/Loadouts/${name}/`,
  operation: `Destiny2.${name}`,
  auth: true,
  action: true,
  handler,
});

export const loadoutRoutes: Route[] = [
  loadoutRoute("EquipLoadout", equipLoadout),
  loadoutRoute("SnapshotLoadout", snapshotLoadout),
  loadoutRoute("UpdateLoadoutIdentifiers", updateLoadoutIdentifiers),
  loadoutRoute("ClearLoadout", clearLoadout),
  {
    method: "POST",
    template: "/Destiny2/Actions/Items/InsertSocketPlugFree/",
    operation: "Destiny2.InsertSocketPlugFree",
    auth: true,
    action: true,
    handler: insertSocketPlugFree,
  },
];
