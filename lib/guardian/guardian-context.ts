import "server-only";
import { getActiveDestinyAccount, type DestinyAccount } from "@/lib/auth/destiny-account";
import { db } from "@/lib/db";
import type { ManifestLanguage } from "@/lib/destiny/game-facts";
import { resolveManifestLanguage } from "@/lib/manifest/language";

/** Who a Guardian page or action is for: always derived from the signed-in user, never the request. */
export type GuardianContext = {
  userId: string;
  account: DestinyAccount;
  /** The character chosen in the switcher (may no longer exist; the view falls back). */
  chosenCharacterId: string | null;
  language: ManifestLanguage;
};

/** The signed-in user's active Destiny account and choices; null without a Destiny account. */
export async function getGuardianContext(userId: string): Promise<GuardianContext | null> {
  const [account, settings] = await Promise.all([
    getActiveDestinyAccount(userId),
    db.playerSettings.findUnique({
      where: { userId },
      select: { characterId: true, language: true },
    }),
  ]);
  if (!account) return null;
  return {
    userId,
    account,
    chosenCharacterId: settings?.characterId ?? null,
    language: resolveManifestLanguage(settings?.language),
  };
}

/** The Bungie.net membership id: the key Bungie's per-player action spacing is counted on. */
export async function getBungieMembershipId(userId: string): Promise<string> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { bungieMembershipId: true },
  });
  return user?.bungieMembershipId ?? userId;
}

/** Stores the switcher's choice; it survives sign-out (PlayerSettings outlives sessions). */
export async function saveChosenCharacter(userId: string, characterId: string): Promise<void> {
  await db.playerSettings.upsert({
    where: { userId },
    create: { userId, characterId },
    update: { characterId },
  });
}
