// User.* endpoints: GetMembershipsForCurrentUser (the de-facto "userinfo"), GetBungieNetUserById,
// GetMembershipsById.
import { ok, platformError } from "../http/envelope";
import { int32Param, int64Param } from "../http/params";
import type { RequestContext, Route } from "../http/router";
import { bnetCard, generalUser, groupProfileCard } from "../render/users";
import type { SandboxState } from "../state";
import type { BungieUser, DestinyProfile } from "../world/types";

export function profilesOf(state: SandboxState, user: BungieUser): DestinyProfile[] {
  return user.destinyMembershipIds
    .map((id) => state.world.profiles.get(id))
    .filter((p): p is DestinyProfile => p !== undefined);
}

export function membershipData(state: SandboxState, user: BungieUser) {
  const recording = state.recording;
  if (recording && user === recording.user) return recording.memberships;
  const profiles = profilesOf(state, user);
  return {
    destinyMemberships: profiles.map(groupProfileCard),
    ...(user.primaryMembershipId ? { primaryMembershipId: user.primaryMembershipId } : {}),
    bungieNetUser: generalUser(user, profiles),
  };
}

/** A Bungie.net user from a membership id of any kind (254, a Destiny id, or -1 = any). */
export function resolveUser(
  state: SandboxState,
  membershipId: string,
  membershipType: number,
): BungieUser | undefined {
  if (membershipType === 254 || membershipType === -1) {
    const user = state.world.users.get(membershipId);
    if (user) return user;
    if (membershipType === 254) return undefined;
  }
  const profile = state.world.profiles.get(membershipId);
  if (!profile?.bnetMembershipId) {
    if (state.recording?.membershipIds.has(membershipId)) return state.recording.user;
    return undefined;
  }
  if (membershipType !== -1 && profile.membershipType !== membershipType) return undefined;
  return state.world.users.get(profile.bnetMembershipId);
}

export const userRoutes: Route[] = [
  {
    method: "GET",
    template: "/User/GetMembershipsForCurrentUser/",
    operation: "User.GetMembershipDataForCurrentUser",
    auth: true,
    handler: (ctx: RequestContext) => ok(membershipData(ctx.state, ctx.viewer as BungieUser)),
  },
  {
    method: "GET",
    template: "/User/GetBungieNetUserById/{id}/",
    operation: "User.GetBungieNetUserById",
    handler: (ctx) => {
      const id = int64Param(ctx.params.id, "id");
      const user = ctx.state.world.users.get(id);
      if (!user) return platformError(205);
      const recording = ctx.state.recording;
      if (recording && user === recording.user)
        return ok(recording.memberships.bungieNetUser ?? {});
      return ok(generalUser(user, profilesOf(ctx.state, user)));
    },
  },
  {
    method: "GET",
    template: "/User/GetMembershipsById/{membershipId}/{membershipType}/",
    operation: "User.GetMembershipDataById",
    handler: (ctx) => {
      const id = int64Param(ctx.params.membershipId, "membershipId");
      const type = int32Param(ctx.params.membershipType, "membershipType");
      const user = resolveUser(ctx.state, id, type);
      if (!user) return platformError(217);
      return ok(membershipData(ctx.state, user));
    },
  },
];

export { bnetCard };
