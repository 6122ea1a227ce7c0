import "server-only";
import { activeAccountOf, usableAccounts, type DestinyAccount } from "@/lib/auth/destiny-account";
import { db } from "@/lib/db";
import type { ManifestLanguage } from "@/lib/destiny/game-facts";
import { resolveManifestLanguage } from "@/lib/manifest/language";

/** Who a Guardian page or action is for: always derived from the signed-in user, never the request. */
export type GuardianContext = {
  userId: string;
  /** The Bungie.net membership id: the key Bungie's per-player action spacing is counted on. */
  bungieMembershipId: string;
  account: DestinyAccount;
  /** How many usable Destiny accounts the user has (the account page's switcher shows it). */
  accountCount: number;
  /** The character chosen in the switcher (may no longer exist; the view falls back). */
  chosenCharacterId: string | null;
  language: ManifestLanguage;
};

/** One row per Destiny membership of the user (one row with nulls when they have none). */
type ContextRow = {
  bungieMembershipId: string | null;
  characterId: string | null;
  language: string | null;
  destinyMembershipType: number | null;
  destinyMembershipId: string | null;
  membershipType: number | null;
  membershipId: string | null;
  displayName: string | null;
  crossSaveOverride: number | null;
  applicableMembershipTypes: number[] | null;
  isPrimary: boolean | null;
};

/**
 * The signed-in user's active Destiny account, choices and Bungie.net id; null without a Destiny
 * account. One query: every page and action starts with it, so it should cost one round trip.
 */
export async function getGuardianContext(userId: string): Promise<GuardianContext | null> {
  const rows = await db.$queryRaw<ContextRow[]>`
    SELECT u."bungieMembershipId", s."characterId", s."language",
           s."destinyMembershipType", s."destinyMembershipId",
           m."membershipType", m."membershipId", m."displayName", m."crossSaveOverride",
           m."applicableMembershipTypes", m."isPrimary"
    FROM "User" u
    LEFT JOIN "PlayerSettings" s ON s."userId" = u."id"
    LEFT JOIN "DestinyMembership" m ON m."userId" = u."id"
    WHERE u."id" = ${userId}
    ORDER BY m."isPrimary" DESC, m."membershipType" ASC`;
  const first = rows[0];
  if (!first) return null;
  const memberships = rows.flatMap((r) =>
    r.membershipId === null || r.membershipType === null
      ? []
      : [
          {
            membershipType: r.membershipType,
            membershipId: r.membershipId,
            displayName: r.displayName ?? "",
            crossSaveOverride: r.crossSaveOverride ?? 0,
            applicableMembershipTypes: r.applicableMembershipTypes ?? [],
            isPrimary: r.isPrimary ?? false,
          },
        ],
  );
  const usable = usableAccounts(memberships);
  const account = activeAccountOf(usable, first);
  if (!account) return null;
  return {
    userId,
    bungieMembershipId: first.bungieMembershipId ?? userId,
    account,
    accountCount: usable.length,
    chosenCharacterId: first.characterId,
    language: resolveManifestLanguage(first.language),
  };
}

/** Stores the switcher's choice; it survives sign-out (PlayerSettings outlives sessions). */
export async function saveChosenCharacter(userId: string, characterId: string): Promise<void> {
  await db.playerSettings.upsert({
    where: { userId },
    create: { userId, characterId },
    update: { characterId },
  });
}
