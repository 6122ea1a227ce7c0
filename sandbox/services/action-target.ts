// What every action (items, loadouts, sockets) does first: Bungie's per-user pacing for its kind
// of action (ThrottleSecondsBetweenActionPerUser: 0.1 s for item actions, 1 s for the loadout
// actions, 0.5 s for socket plugs; faster → 36 ThrottleLimitExceededMomentarily), then the caller's
// profile of that membershipType and the character.
import { platformError } from "../http/envelope";
import { bodyInt, bodyInt64, jsonBody } from "../http/params";
import type { RequestContext } from "../http/router";
import type { InventoryView } from "../rules/types";
import type { BungieUser, DestinyProfile, WorldCharacter } from "../world/types";

/** Milliseconds Bungie wants between two actions of one kind by one user. */
export const ACTION_INTERVALS_MS = { item: 100, loadout: 1000, plug: 500 } as const;
export type ActionKind = keyof typeof ACTION_INTERVALS_MS;

const VALID_MEMBERSHIP_TYPES = new Set([1, 2, 3, 4, 5, 6, 10]);

export function actionError(code: number, throttleSeconds = 0): Response {
  return platformError(code, { response: 0, throttleSeconds });
}

export interface ActionTarget {
  profile: DestinyProfile;
  character: WorldCharacter;
  view: InventoryView;
  body: Record<string, unknown>;
}

/** Pace by kind, then find the caller's profile of that membershipType and the character. */
export async function actionTarget(
  ctx: RequestContext,
  kind: ActionKind,
): Promise<ActionTarget | Response> {
  const state = ctx.state;
  const viewer = ctx.viewer as BungieUser;
  const now = state.now();
  const key = `${kind}:${viewer.membershipId}`;
  const last = state.lastActionAt.get(key);
  if (last !== undefined && now - last < ACTION_INTERVALS_MS[kind])
    return actionError(36, Math.ceil(ACTION_INTERVALS_MS[kind] / 1000));
  state.lastActionAt.set(key, now);

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
