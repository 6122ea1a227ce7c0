"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { BungieSessionEndedError } from "@/lib/auth/access-token";
import { withAccessToken } from "@/lib/auth/access-token";
import { getCurrentUser } from "@/lib/auth/current-user";
import { limitPlayerAction, rateLimitMessage } from "@/lib/security/player-rate-limit";
import { getActiveDestinyAccount } from "@/lib/auth/destiny-account";
import { getProfile, reshapeProfile } from "@/lib/bungie";
import { db } from "@/lib/db";
import { ComponentType } from "@/lib/destiny/api-enums";
import { sendConfirmationEmail } from "@/lib/digest/send-confirmation";
import { saveSubscription, unsubscribeUser } from "@/lib/digest/subscription";
import { getEmailTransport } from "@/lib/email/transport";
import { getEnv } from "@/lib/env";
import { SALE_FILTERS } from "@/lib/vendors/filters";
import { vendorsUnavailableMessage } from "@/lib/vendors/unavailable-message";

export type DigestFormValues = {
  email: string;
  filters: string[];
  vendorHashes: string[];
  characterId: string;
};

export type DigestSettingsState = {
  status: "idle" | "saved" | "confirmation-sent" | "throttled" | "stopped" | "error";
  message: string;
  fieldErrors?: Partial<Record<keyof DigestFormValues, string>>;
  /** What the player submitted, so the form shows it again whatever happened. */
  values?: DigestFormValues;
  /** When the action answered: the form shows the newest of its three actions' messages. */
  at?: number;
};

const SESSION_ENDED = "Your session has ended. Please sign in again.";

const SettingsSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "Enter the email address the digest should go to.")
    .max(254, "That email address is too long.")
    .pipe(z.email("That is not an email address (it should look like name@example.com).")),
  filters: z.array(z.enum(SALE_FILTERS, "Unknown filter.")).max(SALE_FILTERS.length),
  vendorHashes: z
    .array(
      z
        .string()
        .regex(/^\d{1,10}$/, "Unknown vendor.")
        .transform(Number)
        .refine((n) => n <= 0xffffffff, "Unknown vendor."),
    )
    .max(100, "Choose at most 100 vendors."),
  characterId: z.union([z.literal(""), z.string().regex(/^\d{1,20}$/, "Unknown character.")]),
});

function readValues(formData: FormData): DigestFormValues {
  const strings = (name: string) =>
    formData.getAll(name).filter((v): v is string => typeof v === "string");
  return {
    email: String(formData.get("email") ?? ""),
    filters: strings("filters"),
    vendorHashes: strings("vendorHashes"),
    characterId: String(formData.get("characterId") ?? ""),
  };
}

/** Saves the address, vendors and filters; a new address gets a confirmation email. */
export async function saveDigestSettings(
  _previous: DigestSettingsState,
  formData: FormData,
): Promise<DigestSettingsState> {
  return stamp(await save(formData));
}

async function save(formData: FormData): Promise<DigestSettingsState> {
  const values = readValues(formData);
  const user = await getCurrentUser();
  if (!user) return { status: "error", message: SESSION_ENDED, values };
  const limit = await limitPlayerAction(user.id, "settings");
  if (!limit.ok) return { status: "error", message: rateLimitMessage(limit), values };

  const parsed = SettingsSchema.safeParse(values);
  if (!parsed.success) {
    const fieldErrors: DigestSettingsState["fieldErrors"] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as keyof DigestFormValues;
      fieldErrors[field] ??= issue.message;
    }
    return { status: "error", message: "Please correct the marked fields.", fieldErrors, values };
  }
  const choice = parsed.data;

  // The character must be one of this player's, on a fresh profile (never trust the form).
  if (choice.characterId) {
    const check = await checkCharacter(user.id, choice.characterId);
    if (check !== "ok") {
      return check === "not-yours"
        ? {
            status: "error",
            message: "Please correct the marked fields.",
            fieldErrors: { characterId: "That character is not on your Destiny account." },
            values,
          }
        : { status: "error", message: check.message, values };
    }
  }

  const { subscription, needsConfirmation } = await saveSubscription(db, user.id, {
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
  return { ...(await sendConfirmation(subscription, user.bungieName)), values: saved };
}

/** Sends the confirmation link again (at most once a minute). */
export async function resendConfirmation(
  _previous: DigestSettingsState,
  _formData: FormData,
): Promise<DigestSettingsState> {
  return stamp(await resend());
}

async function resend(): Promise<DigestSettingsState> {
  const user = await getCurrentUser();
  if (!user) return { status: "error", message: SESSION_ENDED };
  // Each resend mails the player: a tight limit keeps the form from becoming a mail cannon.
  const limit = await limitPlayerAction(user.id, "settings");
  if (!limit.ok) return { status: "error", message: rateLimitMessage(limit) };
  const subscription = await db.digestSubscription.findUnique({ where: { userId: user.id } });
  if (!subscription || subscription.unsubscribedAt) {
    return { status: "error", message: "Save an email address first." };
  }
  if (subscription.confirmedAt) {
    return { status: "saved", message: "This address is already confirmed." };
  }
  return sendConfirmation(subscription, user.bungieName);
}

/** Stops the digest; the choices are kept for a later restart (which asks to confirm again). */
export async function stopDigest(
  _previous: DigestSettingsState,
  _formData: FormData,
): Promise<DigestSettingsState> {
  const user = await getCurrentUser();
  if (!user) return stamp({ status: "error", message: SESSION_ENDED });
  await unsubscribeUser(db, user.id);
  revalidatePath("/settings/digest");
  return stamp({ status: "stopped", message: "The digest is off. Nothing more will be sent." });
}

function stamp(state: DigestSettingsState): DigestSettingsState {
  return { ...state, at: Date.now() };
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
    console.warn(
      `Confirmation email failed: ${error instanceof Error ? error.message : String(error)}`,
    );
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
