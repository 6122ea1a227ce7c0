import "server-only";
import { getMembershipDataForCurrentUser, type UserMembershipData } from "bungie-api-ts/user";
import { bungieFetch, type CallOptions } from "./fetch";

/**
 * The signed-in player's Bungie.net user and Destiny memberships (the de-facto "userinfo": the
 * token's membership_id is a Bungie.net id, not a Destiny one). reshapeMemberships() it.
 */
export function getMembershipsForCurrentUser(
  accessToken: string,
  options?: CallOptions,
): Promise<UserMembershipData> {
  return bungieFetch((http) => getMembershipDataForCurrentUser(http), { accessToken }, options);
}
