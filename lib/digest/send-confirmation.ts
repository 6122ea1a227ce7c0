import "server-only";
import { createElement } from "react";
import ConfirmSubscription from "@/emails/confirm-subscription";
import { CONFIRM_LINK_TTL_SECONDS, confirmSubscriptionUrl } from "@/lib/email/links";
import { renderEmail } from "@/lib/email/render";
import type { EmailTransport } from "@/lib/email/types";
import type { Env } from "@/lib/env-schema";
import type { DigestSubscription, PrismaClient } from "@/lib/generated/prisma/client";
import { claimConfirmationSend } from "./subscription";

/**
 * Sends the double opt-in email, unless one went out within the last minute ("throttled").
 * A failed send gives the minute back, so the player can ask again at once.
 */
export async function sendConfirmationEmail(deps: {
  db: PrismaClient;
  transport: EmailTransport;
  env: Pick<Env, "appUrl" | "AUTH_SECRET">;
  subscription: Pick<DigestSubscription, "id" | "userId" | "email" | "tokenVersion">;
  playerName: string;
}): Promise<"sent" | "throttled"> {
  const { db, subscription } = deps;
  if (!(await claimConfirmationSend(db, subscription.id))) return "throttled";
  try {
    const { html, text } = await renderEmail(
      createElement(ConfirmSubscription, {
        playerName: deps.playerName,
        email: subscription.email,
        confirmUrl: confirmSubscriptionUrl(deps.env, subscription),
        validDays: CONFIRM_LINK_TTL_SECONDS / 86_400,
      }),
    );
    await deps.transport.send({
      to: subscription.email,
      subject: "Confirm your Warmind vendor digest",
      html,
      text,
      userId: subscription.userId,
    });
    return "sent";
  } catch (error) {
    await db.digestSubscription.update({
      where: { id: subscription.id },
      data: { confirmationSentAt: null },
    });
    throw error;
  }
}
