// Destiny2 reads about players: GetProfile, GetCharacter, GetItem, GetLinkedProfiles and
// SearchDestinyPlayerByBungieName. GetProfile renderings are cached per (profile version,
// components, owner) because apps poll it and a 700-item vault takes a while to render.
import { ok, platformError, successText, jsonResponse } from "../http/envelope";
import { bodyInt, int32Param, int64Param, jsonBody, ParamError } from "../http/params";
import type { RequestContext, Route } from "../http/router";
import { parseComponents } from "../render/components";
import { renderCharacterResponse } from "../render/character";
import type { RenderInput } from "../render/component-table";
import { renderItemResponse } from "../render/item-components";
import { profileResponseKeys, renderProfileResponse } from "../render/profile";
import type { DestinyErrorProfile } from "bungie-api-ts/destiny2";
import {
  bnetCard,
  linkedProfileCard,
  profileCard,
  type ProfileCardOut,
  type UserInfoCardOut,
} from "../render/users";
import type { SandboxState } from "../state";
import type { DestinyProfile, WorldCharacter } from "../world/types";
import { profilesOf, resolveUser } from "./user";

/** The profile a read names, or the error Bungie gives for it. */
export function profileForRead(
  state: SandboxState,
  type: number,
  membershipId: string,
): DestinyProfile | Response {
  const profile = state.profile(membershipId);
  if (!profile || profile.availability === "missing" || profile.isOverridden)
    return platformError(1601);
  if (type !== -1 && profile.membershipType !== type) return platformError(1601);
  return profile;
}

export function isOwner(ctx: RequestContext, profile: DestinyProfile): boolean {
  return ctx.viewer !== undefined && profile.bnetMembershipId === ctx.viewer.membershipId;
}

/** What the renderers need for one request: the profile, as the caller may see it, now. */
function renderInput(
  ctx: RequestContext,
  profile: DestinyProfile,
  components: Set<number>,
  owner = isOwner(ctx, profile),
): RenderInput {
  return { defs: ctx.defs, profile, components, owner, now: ctx.state.now() };
}

export function componentsOf(ctx: RequestContext): Set<number> {
  const parsed = parseComponents(ctx.url.searchParams.get("components"));
  if (!parsed.ok) throw new ParamError(7, `unknown component ${parsed.bad}`);
  return parsed.components;
}

function recordedProfile(ctx: RequestContext, components: Set<number>): Response {
  const recorded = ctx.state.recording?.profile;
  if (!recorded) return platformError(1601);
  const keys = profileResponseKeys(components);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(recorded)) if (keys.has(key)) out[key] = value;
  return ok(out);
}

function getProfile(ctx: RequestContext): Response {
  const type = int32Param(ctx.params.membershipType, "membershipType");
  const id = int64Param(ctx.params.destinyMembershipId, "destinyMembershipId");
  const components = componentsOf(ctx);
  if (ctx.state.recording?.membershipIds.has(id)) return recordedProfile(ctx, components);
  const profile = profileForRead(ctx.state, type, id);
  if (profile instanceof Response) return profile;
  const owner = isOwner(ctx, profile);
  const key = `profile|${id}|${[...components].sort((a, b) => a - b).join(",")}|${owner ? 1 : 0}`;
  const version = String(profile.version);
  const cached = ctx.state.renderCache.get(key);
  if (cached && cached.version === version) return jsonResponse(cached.body);
  const input = renderInput(ctx, profile, components, owner);
  // Cached as UTF-8 bytes: served again and again without re-encoding.
  const body = Buffer.from(successText(JSON.stringify(renderProfileResponse(input))));
  // Bounded: a few hundred renderings (profiles × component sets × owner or not) at most.
  if (ctx.state.renderCache.size >= 400) ctx.state.renderCache.clear();
  ctx.state.renderCache.set(key, { version, body });
  return jsonResponse(body);
}

/**
 * A read below a profile, `/Profile/{destinyMembershipId}/Character/{characterId}/…` or
 * `/Profile/{destinyMembershipId}/Item/{itemInstanceId}/`: the profile, the components asked and
 * that id, or Bungie's error. Every parameter is checked before the profile is looked up.
 */
function readBelowProfile(
  ctx: RequestContext,
  param: "characterId" | "itemInstanceId",
): { profile: DestinyProfile; components: Set<number>; id: string } | Response {
  const type = int32Param(ctx.params.membershipType, "membershipType");
  const membershipId = int64Param(ctx.params.destinyMembershipId, "destinyMembershipId");
  const id = int64Param(ctx.params[param], param);
  const components = componentsOf(ctx);
  const profile = profileForRead(ctx.state, type, membershipId);
  if (profile instanceof Response) return profile;
  return { profile, components, id };
}

/** The character a read names (GetCharacter, GetVendors, GetVendor), or Bungie's error. */
export function characterForRead(
  ctx: RequestContext,
): { profile: DestinyProfile; character: WorldCharacter; components: Set<number> } | Response {
  const read = readBelowProfile(ctx, "characterId");
  if (read instanceof Response) return read;
  const character = read.profile.characters.find((c) => c.characterId === read.id);
  if (!character) return platformError(1620);
  return { profile: read.profile, character, components: read.components };
}

function getCharacter(ctx: RequestContext): Response {
  const target = characterForRead(ctx);
  if (target instanceof Response) return target;
  const { profile, character, components } = target;
  return ok(renderCharacterResponse(renderInput(ctx, profile, components), character));
}

function getItem(ctx: RequestContext): Response {
  const read = readBelowProfile(ctx, "itemInstanceId");
  if (read instanceof Response) return read;
  const item = read.profile.byInstanceId.get(read.id);
  if (!item) return platformError(1623);
  return ok(renderItemResponse(renderInput(ctx, read.profile, read.components), item));
}

function getLinkedProfiles(ctx: RequestContext): Response {
  const type = int32Param(ctx.params.membershipType, "membershipType");
  const id = int64Param(ctx.params.membershipId, "membershipId");
  const all = (ctx.url.searchParams.get("getAllMemberships") ?? "").toLowerCase() === "true";
  const user = resolveUser(ctx.state, id, type);
  if (!user) return platformError(217);
  const recording = ctx.state.recording;
  if (recording && user === recording.user && recording.linkedProfiles)
    return ok(recording.linkedProfiles);
  const profiles = profilesOf(ctx.state, user);
  const response: {
    profiles: ProfileCardOut[];
    bnetMembership: UserInfoCardOut;
    profilesWithErrors: {
      errorCode: DestinyErrorProfile["errorCode"];
      infoCard: UserInfoCardOut;
    }[];
  } = {
    profiles: profiles
      .filter((p) => p.availability !== "missing" && (all || !p.isOverridden))
      .map(linkedProfileCard),
    bnetMembership: bnetCard(user),
    profilesWithErrors: profiles
      .filter((p) => p.availability === "missing")
      .map((p) => ({ errorCode: 1601, infoCard: profileCard(p) })),
  };
  return ok(response);
}

async function searchByBungieName(ctx: RequestContext): Promise<Response> {
  const type = int32Param(ctx.params.membershipType, "membershipType");
  const body = await jsonBody(ctx.request);
  const name = body.displayName;
  if (typeof name !== "string" || name.length === 0) throw new ParamError(18, "displayName");
  const code = bodyInt(body, "displayNameCode");
  const cards: UserInfoCardOut[] = [];
  for (const user of ctx.state.world.users.values()) {
    if (
      user.bungieGlobalDisplayName.toLowerCase() !== name.toLowerCase() ||
      user.bungieGlobalDisplayNameCode !== code
    ) {
      continue;
    }
    for (const profile of profilesOf(ctx.state, user)) {
      if (type === -1 || profile.membershipType === type) cards.push(profileCard(profile));
    }
  }
  return ok(cards);
}

export const profileRoutes: Route[] = [
  {
    method: "GET",
    template: "/Destiny2/{membershipType}/Profile/{membershipId}/LinkedProfiles/",
    operation: "Destiny2.GetLinkedProfiles",
    handler: getLinkedProfiles,
  },
  {
    method: "GET",
    template: "/Destiny2/{membershipType}/Profile/{destinyMembershipId}/",
    operation: "Destiny2.GetProfile",
    handler: getProfile,
  },
  {
    method: "GET",
    template: "/Destiny2/{membershipType}/Profile/{destinyMembershipId}/Character/{characterId}/",
    operation: "Destiny2.GetCharacter",
    handler: getCharacter,
  },
  {
    method: "GET",
    template: "/Destiny2/{membershipType}/Profile/{destinyMembershipId}/Item/{itemInstanceId}/",
    operation: "Destiny2.GetItem",
    handler: getItem,
  },
  {
    method: "POST",
    template: "/Destiny2/SearchDestinyPlayerByBungieName/{membershipType}/",
    operation: "Destiny2.SearchDestinyPlayerByBungieName",
    handler: searchByBungieName,
  },
];
