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
  return usableAccounts(rows);
}

/** The player's stored choice of Destiny account (PlayerSettings), if any. */
export type AccountChoice = {
  destinyMembershipType: number | null;
  destinyMembershipId: string | null;
} | null;

/** The account in use: the player's stored choice, else the cross-save primary, else the first. */
export async function getActiveDestinyAccount(userId: string): Promise<DestinyAccount | null> {
  const [accounts, settings] = await Promise.all([
    listDestinyAccounts(userId),
    db.playerSettings.findUnique({ where: { userId } }),
  ]);
  return activeAccountOf(accounts, settings);
}

/**
 * Membership rows (primary first, then by platform) → the accounts a player can use: cross-save
 * hides every platform but the one the override points at.
 */
export function usableAccounts(rows: readonly DestinyAccount[]): DestinyAccount[] {
  return rows
    .map((r) => ({
      membershipType: r.membershipType,
      membershipId: r.membershipId,
      displayName: r.displayName,
      crossSaveOverride: r.crossSaveOverride,
      applicableMembershipTypes: r.applicableMembershipTypes,
      isPrimary: r.isPrimary,
    }))
    .filter((a) => a.crossSaveOverride === 0 || a.crossSaveOverride === a.membershipType);
}

/** Of the usable accounts: the stored choice, else the cross-save primary, else the first. */
export function activeAccountOf(
  accounts: readonly DestinyAccount[],
  choice: AccountChoice,
): DestinyAccount | null {
  const chosen = accounts.find(
    (a) =>
      a.membershipId === choice?.destinyMembershipId &&
      a.membershipType === choice?.destinyMembershipType,
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
