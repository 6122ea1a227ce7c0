import "server-only";
import { createElement } from "react";
import ConfirmSubscription from "@/emails/confirm-subscription";
import { CONFIRM_LINK_TTL_SECONDS, confirmSubscriptionUrl } from "@/lib/email/links";
import { renderEmail } from "@/lib/email/render";
import type { EmailTransport } from "@/lib/email/types";
import type { Env } from "@/lib/env-schema";
import type { DigestSubscription, PrismaClient } from "@/lib/generated/prisma/client";
import {
  claimConfirmationEmail,
  releaseConfirmationEmail,
  type ConfirmationRefusal,
} from "./confirmation-limits";
import { isConfirmed } from "./subscription";

export type ConfirmationDeps = {
  db: PrismaClient;
  transport: EmailTransport;
  env: Pick<Env, "appUrl" | "AUTH_SECRET" | "confirmationEmailsPerHour">;
  now?: () => Date;
};

type Subscription = Pick<DigestSubscription, "id" | "userId" | "email" | "tokenVersion">;

/**
 * `queued`: every player together reached the hourly limit, so the email waits in line
 * (sendQueuedConfirmations sends it); `refused`: a limit of this player or this address.
 */
export type ConfirmationOutcome =
  | { status: "sent" }
  | { status: "queued" }
  | { status: "refused"; reason: Exclude<ConfirmationRefusal, "global"> };

/**
 * Sends the double opt-in email, within the limits of confirmation-limits.ts. Its link carries
 * the transport that delivers it (confirmation-transport.ts). A failed send gives its slot back,
 * so the player can ask again at once.
 */
export async function requestConfirmationEmail(
  deps: ConfirmationDeps,
  subscription: Subscription,
  playerName: string,
): Promise<ConfirmationOutcome> {
  const { db, transport } = deps;
  const now = deps.now?.() ?? new Date();
  const claim = await claimConfirmationEmail(db, {
    userId: subscription.userId,
    email: subscription.email,
    transport: transport.kind,
    secret: deps.env.AUTH_SECRET,
    limits: { perHour: deps.env.confirmationEmailsPerHour },
    now,
  });
  if (!claim.ok) {
    if (claim.reason !== "global") return { status: "refused", reason: claim.reason };
    // In line from the first time it was refused: a later save keeps its place.
    await db.digestSubscription.updateMany({
      where: { id: subscription.id, confirmationQueuedAt: null },
      data: { confirmationQueuedAt: now },
    });
    return { status: "queued" };
  }
  try {
    const { html, text } = await renderEmail(
      createElement(ConfirmSubscription, {
        playerName,
        email: subscription.email,
        confirmUrl: confirmSubscriptionUrl(deps.env, subscription, transport.kind, now.getTime()),
        validDays: CONFIRM_LINK_TTL_SECONDS / 86_400,
      }),
    );
    await transport.send({
      to: subscription.email,
      subject: "Confirm your Warmind vendor digest",
      html,
      text,
      userId: subscription.userId,
    });
  } catch (error) {
    await releaseConfirmationEmail(db, claim.id);
    throw error;
  }
  await db.digestSubscription.updateMany({
    where: { id: subscription.id, tokenVersion: subscription.tokenVersion },
    data: { confirmationSentAt: now, confirmationQueuedAt: null },
  });
  return { status: "sent" };
}

export type QueuedConfirmationsReport = {
  sent: number;
  /** Still in line: the hourly limit is reached again, or the run stopped at a failed send. */
  waiting: number;
  /** Taken out of line: a limit of the player or the address refuses them today. */
  dropped: number;
  failed: number;
};

/**
 * Sends confirmation emails that wait in line, oldest first, until the hourly limit is reached
 * again. Run by the digest cron route and `npm run digest`, and after a player's save.
 */
export async function sendQueuedConfirmations(
  deps: ConfirmationDeps,
  options: { max?: number; log?: (line: string) => void } = {},
): Promise<QueuedConfirmationsReport> {
  const report: QueuedConfirmationsReport = { sent: 0, waiting: 0, dropped: 0, failed: 0 };
  const queued = await deps.db.digestSubscription.findMany({
    where: { confirmationQueuedAt: { not: null }, unsubscribedAt: null },
    include: { user: { select: { bungieName: true } } },
    orderBy: { confirmationQueuedAt: "asc" },
    take: options.max ?? 1_000,
  });
  for (const [index, subscription] of queued.entries()) {
    if (isConfirmed(subscription, deps.transport.kind)) {
      await leaveQueue(deps.db, subscription.id);
      continue;
    }
    let outcome: ConfirmationOutcome;
    try {
      outcome = await requestConfirmationEmail(
        deps,
        subscription,
        subscription.user.bungieName ?? "A Warmind player",
      );
    } catch (error) {
      // The transport is failing: stop here, the rest keep their place for the next run.
      options.log?.(
        `Queued confirmation email failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      report.failed++;
      report.waiting += queued.length - index;
      break;
    }
    if (outcome.status === "queued") {
      report.waiting += queued.length - index;
      break;
    }
    if (outcome.status === "sent") report.sent++;
    else {
      await leaveQueue(deps.db, subscription.id);
      report.dropped++;
    }
  }
  return report;
}

async function leaveQueue(db: PrismaClient, subscriptionId: string): Promise<void> {
  await db.digestSubscription.updateMany({
    where: { id: subscriptionId },
    data: { confirmationQueuedAt: null },
  });
}
