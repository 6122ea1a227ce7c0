"use server";

import {
  resendConfirmationFor,
  saveDigestSettingsFor,
  stopDigestFor,
} from "@/lib/digest/settings-actions";
import {
  CORRECT_THE_FIELDS,
  DigestSettingsSchema,
  readDigestForm,
  type DigestSettingsState,
} from "@/lib/digest/settings-form";
import { NO_INPUT, runPlayerAction, type ActionRefusal } from "@/lib/security/player-action";

/** Saves the address, vendors and filters; a new address gets a confirmation email. */
export async function saveDigestSettings(
  _previous: DigestSettingsState,
  formData: FormData,
): Promise<DigestSettingsState> {
  const state = await runPlayerAction(
    {
      limit: "settings",
      input: { read: readDigestForm, schema: DigestSettingsSchema },
      refuse: (refusal, values): DigestSettingsState =>
        refusal.reason === "invalid"
          ? {
              status: "error",
              message: CORRECT_THE_FIELDS,
              fieldErrors: refusal.fieldErrors,
              values,
            }
          : { status: "error", message: refusal.message, values },
      run: saveDigestSettingsFor,
    },
    formData,
  );
  return stamp(state);
}

/** Sends the confirmation link again (at most once a minute). */
export async function resendConfirmation(
  _previous: DigestSettingsState,
  formData: FormData,
): Promise<DigestSettingsState> {
  // Each resend mails the player: the settings limit keeps the form from becoming a mail cannon.
  return stamp(
    await runPlayerAction(
      { limit: "settings", input: NO_INPUT, refuse, run: resendConfirmationFor },
      formData,
    ),
  );
}

/** Stops the digest; the choices are kept for a later restart (which asks to confirm again). */
export async function stopDigest(
  _previous: DigestSettingsState,
  formData: FormData,
): Promise<DigestSettingsState> {
  return stamp(
    await runPlayerAction(
      { limit: "settings", input: NO_INPUT, refuse, run: stopDigestFor },
      formData,
    ),
  );
}

function refuse(refusal: ActionRefusal): DigestSettingsState {
  return { status: "error", message: refusal.message };
}

function stamp(state: DigestSettingsState): DigestSettingsState {
  return { ...state, at: Date.now() };
}
