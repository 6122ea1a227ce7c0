import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/** How long a run may hold a claim before another run may take it over (it died midway). */
export const CLAIM_MS = 10 * 60_000;

export type ClaimResult = "claimed" | "retry" | "taken";

/**
 * Claims the (subscription, reset) delivery for this run, before anything is sent. The unique
 * (subscriptionId, resetId) row makes this atomic across runs and app instances: the INSERT
 * succeeds for exactly one of two concurrent runs; a failed delivery, or a claim whose run died,
 * is taken over by an UPDATE whose condition only one run can meet. "taken": already sent (or
 * found empty) this reset, or another run is on it now.
 */
export async function claimDelivery(
  db: PrismaClient,
  subscriptionId: string,
  resetId: number,
  now: Date,
  claimMs = CLAIM_MS,
): Promise<ClaimResult> {
  const claimedUntil = new Date(now.getTime() + claimMs);
  const inserted = await db.digestDelivery.createMany({
    data: [{ subscriptionId, resetId, status: "sending", claimedUntil }],
    skipDuplicates: true,
  });
  if (inserted.count === 1) return "claimed";
  const retaken = await db.digestDelivery.updateMany({
    where: {
      subscriptionId,
      resetId,
      OR: [{ status: "failed" }, { status: "sending", claimedUntil: { lt: now } }],
    },
    data: { status: "sending", claimedUntil, attempts: { increment: 1 }, error: null },
  });
  return retaken.count === 1 ? "retry" : "taken";
}

/**
 * The point of no return, just before the email goes out: the claim is held until the next
 * daily reset, so that if the outcome can never be recorded (the database went away after the
 * send), no later run of this reset sends it a second time. Fails (and nothing is sent) when
 * the database cannot be reached. Returns false when the claim was lost to another run.
 */
export async function commitToSend(
  db: PrismaClient,
  subscriptionId: string,
  resetId: number,
  holdUntil: Date,
): Promise<boolean> {
  const held = await db.digestDelivery.updateMany({
    where: { subscriptionId, resetId, status: "sending" },
    data: { claimedUntil: holdUntil },
  });
  return held.count === 1;
}

export async function finishDelivery(
  db: PrismaClient,
  subscriptionId: string,
  resetId: number,
  outcome:
    | { status: "sent"; messageId: string; at: Date }
    | { status: "empty"; at: Date }
    | { status: "failed"; error: string },
): Promise<void> {
  await db.digestDelivery.update({
    where: { subscriptionId_resetId: { subscriptionId, resetId } },
    data:
      outcome.status === "failed"
        ? { status: "failed", error: outcome.error.slice(0, 500) }
        : {
            status: outcome.status,
            messageId: outcome.status === "sent" ? outcome.messageId : null,
            sentAt: outcome.at,
            error: null,
          },
  });
}
