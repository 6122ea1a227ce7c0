import "server-only";
import type { DigestSubscription, PrismaClient } from "@/lib/generated/prisma/client";
import { readEmailLinkToken } from "@/lib/email/signed-token";
import type { EmailTransportKind } from "@/lib/email/types";
import { confirmationCounts } from "./confirmation-transport";
import type { SaleFilter } from "@/lib/vendors/filters";

export type SubscriptionChoice = {
  email: string;
  filters: SaleFilter[];
  /** Empty: every vendor. */
  vendorHashes: number[];
  /** null: the most recently played character. */
  characterId: string | null;
};

/** Addresses compare without case (the domain is case-insensitive, and mailboxes are in practice). */
function sameAddress(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * Stores the player's choice. A new address, or subscribing again after unsubscribing, starts the
 * double opt-in over: unconfirmed, with a new link version so older links stop working. The
 * confirmation emails already sent still count against the limits (confirmation-limits.ts).
 * `needsConfirmation`: no confirmation that counts with the `transport` configured now.
 */
export async function saveSubscription(
  db: PrismaClient,
  userId: string,
  choice: SubscriptionChoice,
  transport: EmailTransportKind,
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
          confirmedVia: null,
          unsubscribedAt: null,
          confirmationSentAt: null,
          confirmationQueuedAt: null,
          tokenVersion: { increment: 1 },
        }
      : data,
  });
  return { subscription, needsConfirmation: !isConfirmed(subscription, transport) };
}

/** Confirmed, by a delivery that counts while `transport` is configured. */
export function isConfirmed(
  subscription: Pick<DigestSubscription, "confirmedAt" | "confirmedVia">,
  transport: EmailTransportKind,
): boolean {
  return (
    subscription.confirmedAt !== null && confirmationCounts(subscription.confirmedVia, transport)
  );
}

export type ConfirmResult =
  | "confirmed"
  | "already-confirmed"
  | "unsubscribed"
  /** Delivered by the demo outbox while real email is configured now (or the other way). */
  | "wrong-transport"
  | "invalid";

/**
 * What a confirmation link would do, without doing it: the page a GET shows (mail scanners
 * follow links; only the page's button confirms). "confirmed" means the button would confirm.
 */
export async function checkConfirmToken(
  db: PrismaClient,
  token: string,
  secret: string,
  transport: EmailTransportKind,
  now = new Date(),
): Promise<ConfirmResult> {
  const found = await findConfirmation(db, token, secret, transport, now);
  return typeof found === "string" ? found : "confirmed";
}

/**
 * The double opt-in: the link's token is valid, current for the subscription's address, not
 * expired, and was delivered by a transport whose confirmation counts now.
 */
export async function confirmByToken(
  db: PrismaClient,
  token: string,
  secret: string,
  transport: EmailTransportKind,
  now = new Date(),
): Promise<ConfirmResult> {
  const found = await findConfirmation(db, token, secret, transport, now);
  if (typeof found === "string") return found;
  const updated = await db.digestSubscription.updateMany({
    where: { id: found.subscriptionId, tokenVersion: found.version, unsubscribedAt: null },
    data: { confirmedAt: now, confirmedVia: found.via, confirmationQueuedAt: null },
  });
  return updated.count === 1 ? "confirmed" : "invalid";
}

async function findConfirmation(
  db: PrismaClient,
  token: string,
  secret: string,
  transport: EmailTransportKind,
  now: Date,
): Promise<ConfirmResult | { subscriptionId: string; version: number; via: EmailTransportKind }> {
  const claims = readEmailLinkToken(token, "confirm", secret, now.getTime());
  if (!claims?.via) return "invalid";
  const subscription = await db.digestSubscription.findUnique({
    where: { id: claims.subscriptionId },
  });
  if (!subscription || subscription.tokenVersion !== claims.version) return "invalid";
  if (subscription.unsubscribedAt) return "unsubscribed";
  if (isConfirmed(subscription, transport)) return "already-confirmed";
  if (!confirmationCounts(claims.via, transport)) return "wrong-transport";
  return { subscriptionId: subscription.id, version: claims.version, via: claims.via };
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
