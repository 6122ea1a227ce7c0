import "server-only";
import {
  getGroup as apiGetGroup,
  getGroupsForMember as apiGetGroupsForMember,
  getMembersOfGroup as apiGetMembersOfGroup,
  type BungieMembershipType,
  type GetGroupsForMemberResponse,
  type GroupResponse,
  type GroupsForMemberFilter as ApiGroupsForMemberFilter,
  type GroupType as ApiGroupType,
  type SearchResultOfGroupMember,
} from "bungie-api-ts/groupv2";
import { GroupType, GroupsForMemberFilter } from "@/lib/destiny/api-enums";
import { bungieFetch, type CallOptions } from "./fetch";

/** The groups a Destiny membership belongs to; defaults to clans, all memberships. */
export function getGroupsForMember(
  params: { membershipType: number; membershipId: string; filter?: number; groupType?: number },
  options?: CallOptions,
): Promise<GetGroupsForMemberResponse> {
  return bungieFetch(
    (http) =>
      apiGetGroupsForMember(http, {
        membershipType: params.membershipType as BungieMembershipType,
        membershipId: params.membershipId,
        filter: (params.filter ?? GroupsForMemberFilter.All) as ApiGroupsForMemberFilter,
        groupType: (params.groupType ?? GroupType.Clan) as ApiGroupType,
      }),
    {},
    options,
  );
}

export function getGroup(groupId: string, options?: CallOptions): Promise<GroupResponse> {
  return bungieFetch((http) => apiGetGroup(http, { groupId }), {}, options);
}

/**
 * One page (1-based, 50 members) of a group. The spec declares `currentpage` as a path parameter
 * that is not in the path (Bungie-net/api#102), so bungie-api-ts drops it; the real API reads
 * `?currentpage=N`, which we add ourselves.
 */
export function getMembersOfGroup(
  groupId: string,
  currentpage = 1,
  options?: CallOptions,
): Promise<SearchResultOfGroupMember> {
  return bungieFetch(
    (http) => apiGetMembersOfGroup(http, { groupId, currentpage }),
    { query: { currentpage: String(currentpage) } },
    options,
  );
}
