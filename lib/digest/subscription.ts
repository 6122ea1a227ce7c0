import "server-only";
import type { DigestSubscription, PrismaClient } from "@/lib/generated/prisma/client";
import { readEmailLinkToken } from "@/lib/email/signed-token";
import type { SaleFilter } from "@/lib/vendors/filters";

export type SubscriptionChoice = {
  email: string;
  filters: SaleFilter[];
  /** Empty: every vendor. */
  vendorHashes: number[];
  /** null: the most recently played character. */
  characterId: string | null;
};

/** Confirmation emails to one subscription are at least this far apart. */
export const CONFIRMATION_INTERVAL_MS = 60_000;

/** Addresses compare without case (the domain is case-insensitive, and mailboxes are in practice). */
function sameAddress(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * Stores the player's choice. A new address, or subscribing again after unsubscribing, starts the
 * double opt-in over: unconfirmed, with a new link version so older links stop working.
 */
export async function saveSubscription(
  db: PrismaClient,
  userId: string,
  choice: SubscriptionChoice,
): Promise<{ subscription: DigestSubscription; needsConfirmation: boolean }> {
  const data = {
    email: choice.email.trim(),
    filters: choice.filters,
    vendorHashes: choice.vendorHashes.map(BigInt),
    characterId: choice.characterId,
  };
  const existing = await db.digestSubscription.findUnique({ where: { userId } });
  if (!existing) {
    const subscription = await db.digestSubscription.create({ data: { userId, ...data } });
    return { subscription, needsConfirmation: true };
  }
  const restart = !sameAddress(existing.email, choice.email) || existing.unsubscribedAt !== null;
  const subscription = await db.digestSubscription.update({
    where: { userId },
    data: restart
      ? {
          ...data,
          confirmedAt: null,
          unsubscribedAt: null,
          confirmationSentAt: null,
          tokenVersion: { increment: 1 },
        }
      : data,
  });
  return { subscription, needsConfirmation: subscription.confirmedAt === null };
}

/**
 * Takes the right to send a confirmation email now; false when one went out less than
 * CONFIRMATION_INTERVAL_MS ago (also when two requests race: one of them wins).
 */
export async function claimConfirmationSend(
  db: PrismaClient,
  subscriptionId: string,
  now = new Date(),
): Promise<boolean> {
  const claimed = await db.digestSubscription.updateMany({
    where: {
      id: subscriptionId,
      confirmedAt: null,
      unsubscribedAt: null,
      OR: [
        { confirmationSentAt: null },
        { confirmationSentAt: { lt: new Date(now.getTime() - CONFIRMATION_INTERVAL_MS) } },
      ],
    },
    data: { confirmationSentAt: now },
  });
  return claimed.count === 1;
}

export type ConfirmResult = "confirmed" | "already-confirmed" | "unsubscribed" | "invalid";

/** The double opt-in link: valid, current for the subscription's address, and not expired. */
export async function confirmByToken(
  db: PrismaClient,
  token: string,
  secret: string,
  now = new Date(),
): Promise<ConfirmResult> {
  const claims = readEmailLinkToken(token, "confirm", secret, now.getTime());
  if (!claims) return "invalid";
  const subscription = await db.digestSubscription.findUnique({
    where: { id: claims.subscriptionId },
  });
  if (!subscription || subscription.tokenVersion !== claims.version) return "invalid";
  if (subscription.unsubscribedAt) return "unsubscribed";
  if (subscription.confirmedAt) return "already-confirmed";
  const updated = await db.digestSubscription.updateMany({
    where: { id: subscription.id, tokenVersion: claims.version, confirmedAt: null },
    data: { confirmedAt: now },
  });
  return updated.count === 1 ? "confirmed" : "already-confirmed";
}

/** The one-click unsubscribe link (and its confirmation page). Idempotent. */
export async function unsubscribeByToken(
  db: PrismaClient,
  token: string,
  secret: string,
  now = new Date(),
): Promise<"unsubscribed" | "invalid"> {
  const claims = readEmailLinkToken(token, "unsubscribe", secret, now.getTime());
  if (!claims) return "invalid";
  const updated = await db.digestSubscription.updateMany({
    where: { id: claims.subscriptionId, tokenVersion: claims.version },
    data: { unsubscribedAt: now },
  });
  return updated.count === 1 ? "unsubscribed" : "invalid";
}

/** The player stops the digest from the settings page. */
export async function unsubscribeUser(db: PrismaClient, userId: string, now = new Date()) {
  await db.digestSubscription.updateMany({
    where: { userId, unsubscribedAt: null },
    data: { unsubscribedAt: now },
  });
}
