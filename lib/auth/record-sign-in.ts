import "server-only";
import type { UserMembershipData } from "bungie-api-ts/user";
import { db } from "@/lib/db";
import { sealTokens, type BungieTokenSet } from "./stored-tokens";

/**
 * After every Bungie sign-in: store the fresh tokens (Auth.js only stores them when it first
 * links an account), the Bungie.net account's facts, every Destiny membership and the time.
 */
export async function recordSignIn(input: {
  userId: string;
  providerAccountId: string;
  tokens: BungieTokenSet;
  memberships: UserMembershipData;
  secret: string;
}) {
  const { userId, memberships } = input;
  const sealed = sealTokens(input.tokens, input.secret);
  const bungieUser = memberships.bungieNetUser;
  const code = bungieUser.cachedBungieGlobalDisplayNameCode;
  const bungieName =
    bungieUser.cachedBungieGlobalDisplayName && code !== undefined
      ? `${bungieUser.cachedBungieGlobalDisplayName}#${String(code).padStart(4, "0")}`
      : (bungieUser.uniqueName ?? bungieUser.displayName);
  const primaryId = memberships.primaryMembershipId
    ? String(memberships.primaryMembershipId)
    : null;

  await db.$transaction([
    db.account.update({
      where: {
        provider_providerAccountId: {
          provider: "bungie",
          providerAccountId: input.providerAccountId,
        },
      },
      data: { ...sealed, refreshLockedUntil: null },
    }),
    db.user.update({
      where: { id: userId },
      data: {
        name: bungieName,
        bungieName,
        bungieMembershipId: String(bungieUser.membershipId),
        avatarPath: bungieUser.profilePicturePath ?? null,
        image: bungieUser.profilePicturePath ?? null,
        lastSignInAt: new Date(),
      },
    }),
    db.destinyMembership.deleteMany({ where: { userId } }),
    db.destinyMembership.createMany({
      data: memberships.destinyMemberships.map((m) => ({
        userId,
        membershipType: m.membershipType,
        membershipId: String(m.membershipId),
        displayName: m.bungieGlobalDisplayName || m.displayName,
        crossSaveOverride: m.crossSaveOverride ?? 0,
        applicableMembershipTypes: m.applicableMembershipTypes ?? [],
        isPrimary:
          primaryId !== null
            ? String(m.membershipId) === primaryId
            : memberships.destinyMemberships.length === 1,
      })),
    }),
  ]);
}
