import "server-only";
import type { UserMembershipData } from "bungie-api-ts/user";
import { db } from "@/lib/db";
import { signInIdentity } from "./sign-in-identity";
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
  const identity = signInIdentity(memberships);
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
        name: identity.bungieName,
        bungieName: identity.bungieName,
        bungieMembershipId: identity.bungieMembershipId,
        avatarPath: identity.avatarPath,
        image: identity.avatarPath,
        lastSignInAt: new Date(),
      },
    }),
    db.destinyMembership.deleteMany({ where: { userId } }),
    db.destinyMembership.createMany({
      data: identity.destinyMemberships.map((m) => ({
        userId,
        membershipType: m.membershipType,
        membershipId: m.membershipId,
        displayName: m.displayName,
        crossSaveOverride: m.crossSaveOverride,
        applicableMembershipTypes: m.applicableMembershipTypes,
        isPrimary: m.isPrimary,
      })),
    }),
  ]);
}
