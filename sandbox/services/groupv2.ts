// GroupV2: GetGroupsForMember, GetGroup and GetMembersOfGroup (?currentpage=N, 1-based,
// 50 per page: the spec declares currentpage "in: path" but the real API reads the query).
import type {
  GetGroupsForMemberResponse,
  GroupMember,
  GroupResponse,
  GroupV2,
  SearchResultOfGroupMember,
} from "bungie-api-ts/groupv2";
import type { GroupUserInfoCardOut, UserInfoCardOut } from "../render/users";
import { ok, platformError } from "../http/envelope";
import { int32Param, int64Param } from "../http/params";
import type { RequestContext, Route } from "../http/router";
import { bnetCard, groupProfileCard, isoDate, MEMBERSHIP_TYPE_NAMES } from "../render/users";
import type { SandboxState } from "../state";
import type { Clan, ClanMember } from "../world/types";

export const MEMBERS_PER_PAGE = 50;

type GroupOut = Omit<GroupV2, "banExpireDate" | "remoteGroupId">;

export function renderGroup(clan: Clan, state: SandboxState): GroupOut {
  const founder = clan.members.find((m) => m.membershipId === clan.founderMembershipId);
  return {
    groupId: clan.groupId,
    name: clan.name,
    groupType: 1,
    membershipIdCreated: founder?.bnetMembershipId ?? "0",
    creationDate: isoDate(clan.creationDate),
    modificationDate: isoDate(state.world.createdAt - 12 * 86_400_000),
    about: clan.about,
    tags: [],
    memberCount: clan.members.length,
    isPublic: true,
    isPublicTopicAdminOnly: false,
    motto: clan.motto,
    allowChat: true,
    isDefaultPostPublic: false,
    chatSecurity: 0,
    locale: "en",
    avatarImageIndex: 0,
    homepage: 0,
    membershipOption: 0,
    defaultPublicity: 2,
    theme: "Group_Community1",
    bannerPath: "/img/Themes/Group_Community1/struct_images/group_top_banner.jpg",
    avatarPath: "/img/profile/avatars/group/defaultGroup.png",
    conversationId: "0",
    enableInvitationMessagingForAdmins: false,
    features: {
      maximumMembers: 100,
      maximumMembershipsOfGroupType: 1,
      capabilities: 31 as 1,
      membershipTypes: [1, 2, 3, 4, 5, 6],
      invitePermissionOverride: true,
      updateCulturePermissionOverride: false,
      hostGuidedGamePermissionOverride: 1,
      updateBannerPermissionOverride: false,
      joinLevel: 1,
    },
    clanInfo: {
      d2ClanProgressions: {},
      clanCallsign: clan.callsign,
      clanBannerData: {
        decalId: 4125445351,
        decalColorId: 3379387794,
        decalBackgroundColorId: 3568748754,
        gonfalonId: 1473910866,
        gonfalonColorId: 2157636333,
        gonfalonDetailId: 1679281159,
        gonfalonDetailColorId: 2620856436,
      },
    },
  };
}

/** Bungie's member with the sandbox's cards (which omit supplementalDisplayName). */
export type GroupMemberOut = Omit<GroupMember, "destinyUserInfo" | "bungieNetUserInfo"> & {
  destinyUserInfo?: GroupUserInfoCardOut;
  bungieNetUserInfo?: UserInfoCardOut;
};

export function renderMember(state: SandboxState, clan: Clan, member: ClanMember): GroupMemberOut {
  const profile = state.world.profiles.get(member.membershipId);
  const user = member.bnetMembershipId ? state.world.users.get(member.bnetMembershipId) : undefined;
  return {
    memberType: member.memberType as 2,
    isOnline: member.isOnline,
    lastOnlineStatusChange: String(member.lastOnlineStatusChange),
    groupId: clan.groupId,
    destinyUserInfo: profile ? groupProfileCard(profile) : undefined,
    ...(user ? { bungieNetUserInfo: bnetCard(user) } : {}),
    joinDate: isoDate(member.joinDate),
  };
}

function findClan(state: SandboxState, groupId: string): Clan | undefined {
  return state.world.clans.find((c) => c.groupId === groupId);
}

function getGroupsForMember(ctx: RequestContext): Response {
  const type = int32Param(ctx.params.membershipType, "membershipType");
  const id = int64Param(ctx.params.membershipId, "membershipId");
  const filter = int32Param(ctx.params.filter, "filter");
  const groupType = int32Param(ctx.params.groupType, "groupType");
  const results = [];
  if (groupType === 1) {
    for (const clan of ctx.state.world.clans) {
      // A visitor's copy of the demo clan is that visitor's alone: the other members (shared
      // with the original clan) are listed in the original only.
      const owner = ctx.state.copies?.clanOwner(clan.groupId);
      const member = clan.members.find((m) =>
        owner !== undefined && m.bnetMembershipId !== owner
          ? false
          : type === 254
            ? m.bnetMembershipId === id
            : m.membershipId === id &&
              (type === -1 || ctx.state.world.profiles.get(id)?.membershipType === type),
      );
      if (!member) continue;
      const founded = member.memberType === 5;
      if ((filter === 1 && !founded) || (filter === 2 && founded)) continue;
      results.push({
        member: renderMember(ctx.state, clan, member),
        group: renderGroup(clan, ctx.state),
      });
    }
  }
  const response: Omit<
    GetGroupsForMemberResponse,
    "results" | "query" | "replacementContinuationToken"
  > & {
    results: { member: GroupMemberOut; group: GroupOut }[];
    query: { itemsPerPage: number; currentPage: number };
  } = {
    areAllMembershipsInactive: Object.fromEntries(results.map((r) => [r.group.groupId, false])),
    results,
    totalResults: results.length,
    hasMore: false,
    query: { itemsPerPage: 0, currentPage: 1 },
    useTotalResults: true,
  };
  return ok(response);
}

function getGroup(ctx: RequestContext): Response {
  const clan = findClan(ctx.state, int64Param(ctx.params.groupId, "groupId"));
  if (!clan) return platformError(622);
  const founder =
    clan.members.find((m) => m.membershipId === clan.founderMembershipId) ?? clan.members[0];
  const viewer = ctx.viewer;
  const memberMap: Record<string, unknown> = {};
  if (viewer) {
    for (const member of clan.members) {
      if (member.bnetMembershipId !== viewer.membershipId) continue;
      const profile = ctx.state.world.profiles.get(member.membershipId);
      const name = profile ? MEMBERSHIP_TYPE_NAMES[profile.membershipType] : undefined;
      // Enum-keyed map: the key is the BungieMembershipType name.
      if (name) memberMap[name] = renderMember(ctx.state, clan, member);
    }
  }
  const response: Omit<
    GroupResponse,
    "detail" | "founder" | "parentGroup" | "currentUserMemberMap" | "currentUserPotentialMemberMap"
  > & {
    detail: GroupOut;
    founder?: GroupMemberOut;
    currentUserMemberMap: Record<string, unknown>;
    currentUserPotentialMemberMap: Record<string, unknown>;
  } = {
    detail: renderGroup(clan, ctx.state),
    ...(founder ? { founder: renderMember(ctx.state, clan, founder) } : {}),
    alliedIds: [],
    allianceStatus: 0,
    groupJoinInviteCount: 0,
    currentUserMembershipsInactiveForDestiny: false,
    currentUserMemberMap: memberMap,
    currentUserPotentialMemberMap: {},
  };
  return ok(response);
}

function getMembersOfGroup(ctx: RequestContext): Response {
  const clan = findClan(ctx.state, int64Param(ctx.params.groupId, "groupId"));
  if (!clan) return platformError(622);
  const q = ctx.url.searchParams;
  const page =
    q.has("currentpage") || q.has("currentPage")
      ? int32Param(q.get("currentpage") ?? q.get("currentPage") ?? "", "currentpage")
      : 1;
  if (page < 1) return platformError(8);
  const memberType = q.has("memberType") ? int32Param(q.get("memberType") ?? "", "memberType") : 0;
  const nameSearch = (q.get("nameSearch") ?? "").toLowerCase();
  const matching = clan.members.filter((m) => {
    if (memberType !== 0 && m.memberType !== memberType) return false;
    if (!nameSearch) return true;
    const profile = ctx.state.world.profiles.get(m.membershipId);
    return (
      (profile?.bungieGlobalDisplayName.toLowerCase().includes(nameSearch) ?? false) ||
      (profile?.displayName.toLowerCase().includes(nameSearch) ?? false)
    );
  });
  const start = (page - 1) * MEMBERS_PER_PAGE;
  const results = matching
    .slice(start, start + MEMBERS_PER_PAGE)
    .map((m) => renderMember(ctx.state, clan, m));
  const response: Omit<
    SearchResultOfGroupMember,
    "results" | "query" | "replacementContinuationToken"
  > & {
    results: GroupMemberOut[];
    query: { itemsPerPage: number; currentPage: number };
  } = {
    results,
    totalResults: matching.length,
    hasMore: start + MEMBERS_PER_PAGE < matching.length,
    query: { itemsPerPage: MEMBERS_PER_PAGE, currentPage: page },
    useTotalResults: true,
  };
  return ok(response);
}

export const groupRoutes: Route[] = [
  {
    method: "GET",
    template: "/GroupV2/User/{membershipType}/{membershipId}/{filter}/{groupType}/",
    operation: "GroupV2.GetGroupsForMember",
    handler: getGroupsForMember,
  },
  {
    method: "GET",
    template: "/GroupV2/{groupId}/",
    operation: "GroupV2.GetGroup",
    handler: getGroup,
  },
  {
    method: "GET",
    template: "/GroupV2/{groupId}/Members/",
    operation: "GroupV2.GetMembersOfGroup",
    handler: getMembersOfGroup,
  },
];
