import "server-only";
import type { UserMembershipData } from "bungie-api-ts/user";
import { reshapeMemberships } from "@/lib/bungie";

/** What a sign-in learns about the player from GetMembershipsForCurrentUser. */
export function signInIdentity(data: UserMembershipData) {
  const { bungieNetUser, destinyMemberships, primaryMembershipId } = reshapeMemberships(data);
  return {
    bungieMembershipId: bungieNetUser.membershipId,
    // Accounts that never chose a Bungie Name still have their old unique name.
    bungieName:
      bungieNetUser.bungieName ?? data.bungieNetUser.uniqueName ?? data.bungieNetUser.displayName,
    avatarPath: bungieNetUser.avatarPath,
    // Marked primary only where Bungie says so (cross save), or when there is just one; players
    // with several unlinked platforms keep their own choice (lib/auth/destiny-account.ts).
    destinyMemberships: destinyMemberships.map((m) => ({
      ...m,
      isPrimary: primaryMembershipId
        ? m.membershipId === primaryMembershipId
        : destinyMemberships.length === 1,
    })),
  };
}
