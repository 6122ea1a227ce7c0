"use server";

import { redirect } from "next/navigation";
import { chooseDestinyAccount } from "@/lib/auth/destiny-account";
import { PlatformChoiceSchema, type ChoosePlatformState } from "@/lib/auth/platform-choice";
import { runPlayerAction } from "@/lib/security/player-action";

/** Which of the player's unlinked platforms Warmind shows. */
export async function choosePlatform(
  _previous: ChoosePlatformState,
  formData: FormData,
): Promise<ChoosePlatformState> {
  return runPlayerAction(
    {
      limit: "settings",
      input: { read: (form) => Object.fromEntries(form), schema: PlatformChoiceSchema },
      refuse: (refusal) => ({ error: refusal.message }),
      async run(player, choice) {
        // The chosen membership must be one of the player's own.
        if (!(await chooseDestinyAccount(player.id, choice))) {
          return { error: "That Destiny account is not linked to your Bungie.net account." };
        }
        redirect("/account");
      },
    },
    formData,
  );
}
