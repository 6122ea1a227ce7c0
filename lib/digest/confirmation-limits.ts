import "server-only";
import { createHmac } from "node:crypto";
import type { EmailTransportKind } from "@/lib/email/types";
import type { PrismaClient } from "@/lib/generated/prisma/client";

// The double opt-in mails someone else's address on a player's word, so the form could be
// turned into a mail cannon. Every confirmation email is counted (ConfirmationEmail rows) and
// refused past these limits; the counts live apart from the subscription, so changing the
// address back and forth resets none of them.

/** A player's confirmation emails are at least this far apart. */
export const CONFIRMATION_SPACING_MS = 60_000;
/** At most this many confirmation emails a day to one address, whoever asks. */
export const MAX_PER_RECIPIENT_PER_DAY = 3;
/** At most this many confirmation emails a day for one player, whatever the addresses. */
export const MAX_PER_PLAYER_PER_DAY = 5;

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Rows older than this count for nothing any more; claims delete them now and then. */
const KEEP_MS = 2 * DAY_MS;
/** Serialises claims across requests and app instances (a transaction-scoped advisory lock). */
const CLAIM_LOCK_KEY = 0x5761726d; // "Warm"

/**
 * The address as the limits compare it: trimmed, lower-cased, and without a `+tag` in the
 * mailbox part (`Guardian+1@Example.com` and `guardian@example.com` reach the same person).
 */
export function normaliseRecipient(email: string): string {
  const address = email.trim().toLowerCase();
  const at = address.lastIndexOf("@");
  if (at < 0) return address;
  const mailbox = address.slice(0, at);
  const plus = mailbox.indexOf("+");
  return `${plus < 0 ? mailbox : mailbox.slice(0, plus)}${address.slice(at)}`;
}

/** Keyed hash of the normalised address: counts per address without storing it. */
export function recipientHash(email: string, secret: string): string {
  const key = createHmac("sha256", secret).update("warmind:confirmation-recipient:v1").digest();
  return createHmac("sha256", key).update(normaliseRecipient(email)).digest("hex");
}

export type ConfirmationLimits = {
  /** All players together, per rolling hour. */
  perHour: number;
};

/**
 * Why no confirmation email may go out now: `spacing` (this player's last one is less than a
 * minute old), `player` (5 today), `recipient` (3 today to this address), `global` (the hourly
 * limit of all players: wait in line).
 */
export type ConfirmationRefusal = "spacing" | "player" | "recipient" | "global";

export type ConfirmationClaim =
  { ok: true; id: string } | { ok: false; reason: ConfirmationRefusal };

/**
 * Takes the right to send one confirmation email now, within every limit, and records it.
 * Atomic across requests and app instances: claims run one at a time under a transaction-scoped
 * advisory lock, so two racing requests can never both take the last slot. A send that then
 * fails gives its slot back (releaseConfirmationEmail).
 */
export async function claimConfirmationEmail(
  db: PrismaClient,
  claim: {
    userId: string;
    email: string;
    transport: EmailTransportKind;
    secret: string;
    limits: ConfirmationLimits;
    now?: Date;
  },
): Promise<ConfirmationClaim> {
  const now = claim.now ?? new Date();
  const hash = recipientHash(claim.email, claim.secret);
  const dayAgo = new Date(now.getTime() - DAY_MS);
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CLAIM_LOCK_KEY}::bigint)`;
    const last = await tx.confirmationEmail.findFirst({
      where: { userId: claim.userId },
      orderBy: { sentAt: "desc" },
      select: { sentAt: true },
    });
    if (last && now.getTime() - last.sentAt.getTime() < CONFIRMATION_SPACING_MS) {
      return { ok: false, reason: "spacing" } as const;
    }
    const byPlayer = await tx.confirmationEmail.count({
      where: { userId: claim.userId, sentAt: { gt: dayAgo } },
    });
    if (byPlayer >= MAX_PER_PLAYER_PER_DAY) return { ok: false, reason: "player" } as const;
    const toRecipient = await tx.confirmationEmail.count({
      where: { recipientHash: hash, sentAt: { gt: dayAgo } },
    });
    if (toRecipient >= MAX_PER_RECIPIENT_PER_DAY) {
      return { ok: false, reason: "recipient" } as const;
    }
    const inTotal = await tx.confirmationEmail.count({
      where: { sentAt: { gt: new Date(now.getTime() - HOUR_MS) } },
    });
    if (inTotal >= claim.limits.perHour) return { ok: false, reason: "global" } as const;
    const row = await tx.confirmationEmail.create({
      data: { userId: claim.userId, recipientHash: hash, transport: claim.transport, sentAt: now },
      select: { id: true },
    });
    // Keep the table small: what is two days old counts for nothing (an index range scan).
    await tx.confirmationEmail.deleteMany({
      where: { sentAt: { lt: new Date(now.getTime() - KEEP_MS) } },
    });
    return { ok: true, id: row.id } as const;
  });
}

/** A claimed email that could not be sent: its slot is given back. */
export async function releaseConfirmationEmail(db: PrismaClient, id: string): Promise<void> {
  await db.confirmationEmail.deleteMany({ where: { id } });
}
