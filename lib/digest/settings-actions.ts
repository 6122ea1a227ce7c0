import "server-only";
import { revalidatePath } from "next/cache";
import { BungieSessionEndedError, withAccessToken } from "@/lib/auth/access-token";
import type { CurrentUser } from "@/lib/auth/current-user";
import { getActiveDestinyAccount } from "@/lib/auth/destiny-account";
import { getProfile, reshapeProfile } from "@/lib/bungie";
import { db } from "@/lib/db";
import { ComponentType } from "@/lib/destiny/api-enums";
import { getEmailTransport } from "@/lib/email/transport";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { vendorsUnavailableMessage } from "@/lib/vendors/unavailable-message";
import { sendConfirmationEmail } from "./send-confirmation";
import {
  CORRECT_THE_FIELDS,
  type DigestFormValues,
  type DigestSettingsChoice,
  type DigestSettingsState,
} from "./settings-form";
import { saveSubscription, unsubscribeUser } from "./subscription";

// The work behind the digest settings page's three actions (app/settings/digest/actions.ts
// opens them: session, rate limit, zod). Each answers the state the form shows.

/** Saves the address, vendors and filters; a new address gets a confirmation email. */
export async function saveDigestSettingsFor(
  player: CurrentUser,
  choice: DigestSettingsChoice,
  values: DigestFormValues,
): Promise<DigestSettingsState> {
  // The character must be one of this player's, on a fresh profile (never trust the form).
  if (choice.characterId) {
    const check = await checkCharacter(player.id, choice.characterId);
    if (check !== "ok") {
      return check === "not-yours"
        ? {
            status: "error",
            message: CORRECT_THE_FIELDS,
            fieldErrors: { characterId: "That character is not on your Destiny account." },
            values,
          }
        : { status: "error", message: check.message, values };
    }
  }

  const { subscription, needsConfirmation } = await saveSubscription(db, player.id, {
    email: choice.email,
    filters: [...new Set(choice.filters)],
    vendorHashes: [...new Set(choice.vendorHashes)],
    characterId: choice.characterId || null,
  });
  revalidatePath("/settings/digest");
  const saved = { ...values, email: subscription.email };
  if (!needsConfirmation) {
    return {
      status: "saved",
      message: "Saved. Your next digest uses these choices.",
      values: saved,
    };
  }
  return { ...(await sendConfirmation(subscription, player.bungieName)), values: saved };
}

/** Sends the confirmation link again (at most once a minute). */
export async function resendConfirmationFor(player: CurrentUser): Promise<DigestSettingsState> {
  const subscription = await db.digestSubscription.findUnique({ where: { userId: player.id } });
  if (!subscription || subscription.unsubscribedAt) {
    return { status: "error", message: "Save an email address first." };
  }
  if (subscription.confirmedAt) {
    return { status: "saved", message: "This address is already confirmed." };
  }
  return sendConfirmation(subscription, player.bungieName);
}

/** Stops the digest; the choices are kept for a later restart (which asks to confirm again). */
export async function stopDigestFor(player: CurrentUser): Promise<DigestSettingsState> {
  await unsubscribeUser(db, player.id);
  revalidatePath("/settings/digest");
  return { status: "stopped", message: "The digest is off. Nothing more will be sent." };
}

async function sendConfirmation(
  subscription: { id: string; userId: string; email: string; tokenVersion: number },
  bungieName: string | null,
): Promise<DigestSettingsState> {
  try {
    const result = await sendConfirmationEmail({
      db,
      transport: getEmailTransport(),
      env: getEnv(),
      subscription,
      playerName: bungieName ?? "A Warmind player",
    });
    if (result === "throttled") {
      return {
        status: "throttled",
        message: `A confirmation link was sent to ${subscription.email} less than a minute ago. Check your inbox (and spam folder).`,
      };
    }
    return {
      status: "confirmation-sent",
      message: `Saved. We sent a confirmation link to ${subscription.email}: open it to start the digest.`,
    };
  } catch (error) {
    // The address is redacted by the logger; the error says what the mail service refused.
    log.warn("digest.confirmation_failed", { error });
    return {
      status: "error",
      message:
        "Saved, but the confirmation email could not be sent. Try “Send the link again” in a minute.",
    };
  }
}

async function checkCharacter(
  userId: string,
  characterId: string,
): Promise<"ok" | "not-yours" | { message: string }> {
  const account = await getActiveDestinyAccount(userId);
  if (!account) return "not-yours";
  try {
    const profile = await withAccessToken(userId, (accessToken) =>
      getProfile({ ...account, accessToken, components: [ComponentType.Characters] }),
    );
    const owned = reshapeProfile(profile).characters.some((c) => c.characterId === characterId);
    return owned ? "ok" : "not-yours";
  } catch (error) {
    if (error instanceof BungieSessionEndedError) return { message: error.message };
    const message = vendorsUnavailableMessage(error);
    if (message === null) throw error;
    return { message: `Your choice is not saved yet: ${message}` };
  }
}
