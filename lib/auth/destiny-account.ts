import "server-only";
import { db } from "@/lib/db";

export type DestinyAccount = {
  membershipType: number;
  membershipId: string;
  displayName: string;
  crossSaveOverride: number;
  applicableMembershipTypes: number[];
  isPrimary: boolean;
};

/**
 * The Destiny accounts a player can use. With cross-save, Bungie lists every linked platform but
 * only the primary (the one the override points at) has a profile; the others are hidden here.
 */
export async function listDestinyAccounts(userId: string): Promise<DestinyAccount[]> {
  const rows = await db.destinyMembership.findMany({
    where: { userId },
    orderBy: [{ isPrimary: "desc" }, { membershipType: "asc" }],
  });
  const accounts = rows.map((r) => ({
    membershipType: r.membershipType,
    membershipId: r.membershipId,
    displayName: r.displayName,
    crossSaveOverride: r.crossSaveOverride,
    applicableMembershipTypes: r.applicableMembershipTypes,
    isPrimary: r.isPrimary,
  }));
  return accounts.filter(
    (a) => a.crossSaveOverride === 0 || a.crossSaveOverride === a.membershipType,
  );
}

/** The account in use: the player's stored choice, else the cross-save primary, else the first. */
export async function getActiveDestinyAccount(userId: string): Promise<DestinyAccount | null> {
  const [accounts, settings] = await Promise.all([
    listDestinyAccounts(userId),
    db.playerSettings.findUnique({ where: { userId } }),
  ]);
  const chosen = accounts.find(
    (a) =>
      a.membershipId === settings?.destinyMembershipId &&
      a.membershipType === settings?.destinyMembershipType,
  );
  return chosen ?? accounts.find((a) => a.isPrimary) ?? accounts[0] ?? null;
}

/** Stores the player's choice; refuses a membership that is not theirs. */
export async function chooseDestinyAccount(
  userId: string,
  choice: { membershipType: number; membershipId: string },
): Promise<boolean> {
  const accounts = await listDestinyAccounts(userId);
  const owned = accounts.some(
    (a) => a.membershipId === choice.membershipId && a.membershipType === choice.membershipType,
  );
  if (!owned) return false;
  await db.playerSettings.upsert({
    where: { userId },
    create: {
      userId,
      destinyMembershipId: choice.membershipId,
      destinyMembershipType: choice.membershipType,
    },
    // A different account has different characters: the character choice starts over.
    update: {
      destinyMembershipId: choice.membershipId,
      destinyMembershipType: choice.membershipType,
      characterId: null,
    },
  });
  return true;
}
