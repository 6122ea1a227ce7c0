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
  const rows = identity.destinyMemberships.map((m) => ({
    userId,
    membershipType: m.membershipType,
    membershipId: m.membershipId,
    displayName: m.displayName,
    crossSaveOverride: m.crossSaveOverride,
    applicableMembershipTypes: m.applicableMembershipTypes,
    isPrimary: m.isPrimary,
  }));
  // Memberships rarely change between sign-ins: rewriting them every time (a delete and an
  // insert with their index updates) was a third of the callback's database work, on the
  // embedded database the app's own thread. One read decides.
  const stored = await db.destinyMembership.findMany({
    where: { userId },
    select: {
      membershipType: true,
      membershipId: true,
      displayName: true,
      crossSaveOverride: true,
      applicableMembershipTypes: true,
      isPrimary: true,
    },
  });
  const unchanged = sameMemberships(stored, rows);
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
    ...(unchanged
      ? []
      : [
          db.destinyMembership.deleteMany({ where: { userId } }),
          db.destinyMembership.createMany({ data: rows }),
        ]),
  ]);
}

type MembershipRow = {
  membershipType: number;
  membershipId: string;
  displayName: string;
  crossSaveOverride: number;
  applicableMembershipTypes: number[];
  isPrimary: boolean;
};

/** Whether the stored rows say exactly what Bungie just said, in any order. */
function sameMemberships(stored: MembershipRow[], fresh: MembershipRow[]): boolean {
  const key = (m: MembershipRow) =>
    JSON.stringify([
      m.membershipType,
      m.membershipId,
      m.displayName,
      m.crossSaveOverride,
      m.applicableMembershipTypes,
      m.isPrimary,
    ]);
  const a = stored.map(key).sort();
  const b = fresh.map(key).sort();
  return a.length === b.length && a.every((k, i) => k === b[i]);
}
