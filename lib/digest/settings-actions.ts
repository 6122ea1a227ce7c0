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
import { MAX_PER_PLAYER_PER_DAY, MAX_PER_RECIPIENT_PER_DAY } from "./confirmation-limits";
import {
  requestConfirmationEmail,
  sendQueuedConfirmations,
  type ConfirmationDeps,
  type ConfirmationOutcome,
} from "./send-confirmation";
import {
  CORRECT_THE_FIELDS,
  type DigestFormValues,
  type DigestSettingsChoice,
  type DigestSettingsState,
} from "./settings-form";
import { isConfirmed, saveSubscription, unsubscribeUser } from "./subscription";

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

  const deps = confirmationDeps();
  const { subscription, needsConfirmation } = await saveSubscription(
    db,
    player.id,
    {
      email: choice.email,
      filters: [...new Set(choice.filters)],
      vendorHashes: [...new Set(choice.vendorHashes)],
      characterId: choice.characterId || null,
    },
    deps.transport.kind,
  );
  revalidatePath("/settings/digest");
  const saved = { ...values, email: subscription.email };
  const state: DigestSettingsState = needsConfirmation
    ? { ...(await sendConfirmation(deps, subscription, player.bungieName)), values: saved }
    : { status: "saved", message: "Saved. Your next digest uses these choices.", values: saved };
  // A save is also when confirmations waiting for the hourly limit get another chance.
  await sendQueuedConfirmations(deps, { max: QUEUE_STEP_PER_SAVE, log: console.warn }).catch(
    () => {},
  );
  return state;
}

/** Sends the confirmation link again (within the limits on confirmation emails). */
export async function resendConfirmationFor(player: CurrentUser): Promise<DigestSettingsState> {
  const deps = confirmationDeps();
  const subscription = await db.digestSubscription.findUnique({ where: { userId: player.id } });
  if (!subscription || subscription.unsubscribedAt) {
    return { status: "error", message: "Save an email address first." };
  }
  if (isConfirmed(subscription, deps.transport.kind)) {
    return { status: "saved", message: "This address is already confirmed." };
  }
  return sendConfirmation(deps, subscription, player.bungieName);
}

/** Stops the digest; the choices are kept for a later restart (which asks to confirm again). */
export async function stopDigestFor(player: CurrentUser): Promise<DigestSettingsState> {
  await unsubscribeUser(db, player.id);
  revalidatePath("/settings/digest");
  return { status: "stopped", message: "The digest is off. Nothing more will be sent." };
}

/** How many waiting confirmations (of any player) a save sends on its way, at most. */
const QUEUE_STEP_PER_SAVE = 3;

function confirmationDeps(): ConfirmationDeps {
  return { db, transport: getEmailTransport(), env: getEnv() };
}

async function sendConfirmation(
  deps: ConfirmationDeps,
  subscription: { id: string; userId: string; email: string; tokenVersion: number },
  bungieName: string | null,
): Promise<DigestSettingsState> {
  let outcome: ConfirmationOutcome;
  try {
    outcome = await requestConfirmationEmail(deps, subscription, bungieName ?? "A Warmind player");
  } catch (error) {
    // The address is redacted by the logger; the error says what the mail service refused.
    log.warn("digest.confirmation_failed", { error });
    return {
      status: "error",
      message:
        "Saved, but the confirmation email could not be sent. Try “Send the link again” in a minute.",
    };
  }
  return confirmationState(outcome, subscription.email);
}

/** What the player reads after asking for a confirmation email. */
function confirmationState(outcome: ConfirmationOutcome, email: string): DigestSettingsState {
  switch (outcome.status) {
    case "sent":
      return {
        status: "confirmation-sent",
        message: `Saved. We sent a confirmation link to ${email}: open it to start the digest.`,
      };
    case "queued":
      return {
        status: "queued",
        message: `Saved. Many confirmation emails are going out right now, so the one to ${email} waits in line: it is sent as soon as the hourly limit allows. You need not do anything.`,
      };
  }
  switch (outcome.reason) {
    case "spacing":
      return {
        status: "throttled",
        message: `Saved. A confirmation link went out less than a minute ago: wait a minute before asking for another one to ${email} (and check your inbox and spam folder).`,
      };
    case "player":
      return {
        status: "throttled",
        message: `Saved, but no confirmation email was sent: you asked for ${MAX_PER_PLAYER_PER_DAY} today, the most we send for one player. Try again tomorrow.`,
      };
    case "recipient":
      return {
        status: "throttled",
        message: `Saved, but no confirmation email was sent: ${email} has had ${MAX_PER_RECIPIENT_PER_DAY} today, the most we send to one address. Try again tomorrow.`,
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
