import "server-only";
import type {
  GetGroupsForMemberResponse,
  GroupMember,
  GroupResponse,
  GroupV2,
} from "bungie-api-ts/groupv2";
import type { ClanMember, Group, GroupMembership } from "../types";
import { formatBungieName } from "./bungie-name";
import { nonEmpty, toId, toNumber } from "./common";

/** GetGroup → Group (with its founder). */
export function reshapeGroup(data: GroupResponse): Group {
  return toGroup(data.detail, data.founder ? reshapeGroupMember(data.founder) : null);
}

/** GetGroupsForMember → the groups (clans) the member belongs to. */
export function reshapeGroupsForMember(data: GetGroupsForMemberResponse): GroupMembership[] {
  return (data.results ?? []).map((r) => {
    const groupId = toId(r.group?.groupId);
    return {
      group: toGroup(r.group, null),
      member: reshapeGroupMember(r.member),
      inactive: data.areAllMembershipsInactive?.[groupId] ?? false,
    };
  });
}

export function reshapeGroupMember(member: GroupMember): ClanMember {
  const destiny = member.destinyUserInfo;
  const name = nonEmpty(destiny?.bungieGlobalDisplayName);
  return {
    groupId: toId(member.groupId),
    memberType: member.memberType ?? 0,
    isOnline: member.isOnline ?? false,
    lastOnlineStatusChange: toNumber(member.lastOnlineStatusChange),
    joinDate: nonEmpty(member.joinDate),
    membershipType: destiny?.membershipType ?? 0,
    membershipId: toId(destiny?.membershipId),
    displayName: name ?? destiny?.LastSeenDisplayName ?? destiny?.displayName ?? "",
    bungieName: formatBungieName(name, destiny?.bungieGlobalDisplayNameCode),
    bungieNetMembershipId: nonEmpty(toId(member.bungieNetUserInfo?.membershipId)),
    iconPath: nonEmpty(destiny?.iconPath),
  };
}

function toGroup(detail: GroupV2, founder: ClanMember | null): Group {
  return {
    groupId: toId(detail.groupId),
    name: detail.name ?? "",
    groupType: detail.groupType ?? 0,
    motto: detail.motto ?? "",
    about: detail.about ?? "",
    memberCount: detail.memberCount ?? 0,
    isPublic: detail.isPublic ?? false,
    creationDate: nonEmpty(detail.creationDate),
    callsign: nonEmpty(detail.clanInfo?.clanCallsign),
    avatarPath: nonEmpty(detail.avatarPath),
    bannerPath: nonEmpty(detail.bannerPath),
    founder,
  };
}
