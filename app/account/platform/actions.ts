"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import { chooseDestinyAccount } from "@/lib/auth/destiny-account";
import { limitPlayerAction, rateLimitMessage } from "@/lib/security/player-rate-limit";

export type ChoosePlatformState = { error?: string };

const ChoiceSchema = z.object({
  membershipType: z.coerce.number().int().min(1).max(254),
  membershipId: z.string().regex(/^\d{1,20}$/, "That is not a Destiny membership id."),
});

export async function choosePlatform(
  _previous: ChoosePlatformState,
  formData: FormData,
): Promise<ChoosePlatformState> {
  const user = await getCurrentUser();
  if (!user) return { error: "Your session has ended. Please sign in again." };
  const limit = await limitPlayerAction(user.id, "settings");
  if (!limit.ok) return { error: rateLimitMessage(limit) };
  const parsed = ChoiceSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Invalid choice." };
  // The identity comes from the session; the chosen membership must be one of the player's own.
  if (!(await chooseDestinyAccount(user.id, parsed.data))) {
    return { error: "That Destiny account is not linked to your Bungie.net account." };
  }
  redirect("/account");
}
