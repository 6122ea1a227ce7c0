import "server-only";
import {
  searchDestinyPlayerByBungieName as apiSearch,
  type BungieMembershipType,
} from "bungie-api-ts/destiny2";
import type { UserInfoCard } from "bungie-api-ts/user";
import { MEMBERSHIP_TYPE_ALL } from "@/lib/destiny/api-enums";
import { bungieFetch, type CallOptions } from "./fetch";

/**
 * Destiny memberships of the player with this exact Bungie Name ("Name" + code 42 for
 * "Name#0042"; parseBungieName splits one). A POST, but a read: retried like one.
 */
export function searchDestinyPlayerByBungieName(
  params: { displayName: string; displayNameCode: number; membershipType?: number },
  options?: CallOptions,
): Promise<UserInfoCard[]> {
  return bungieFetch(
    (http) =>
      apiSearch(
        http,
        { membershipType: (params.membershipType ?? MEMBERSHIP_TYPE_ALL) as BungieMembershipType },
        { displayName: params.displayName, displayNameCode: params.displayNameCode },
      ),
    { kind: "read" },
    options,
  );
}
