import "server-only";
import { redirect } from "next/navigation";
import { withAccessTokenOrSignIn } from "@/lib/auth/bungie-call";
import { requireUser } from "@/lib/auth/current-user";
import type { UnavailableView } from "@/lib/guardian/view-types";
import { loadLoadoutsView } from "./load-loadouts-view";
import type { LoadoutsView } from "./view-types";

/**
 * /loadouts: the game's loadout slots of every character, from the inventory's GetProfile. A
 * signed-out visitor is sent to sign in, a player without a Destiny account to
 * /no-destiny-account.
 */
export async function loadLoadoutsPage(): Promise<LoadoutsView | UnavailableView> {
  const user = await requireUser("/loadouts");
  const view = await loadLoadoutsView(user.id, {
    withToken: (call) => withAccessTokenOrSignIn(user.id, "/loadouts", call),
  });
  if (!view) redirect("/no-destiny-account");
  return view;
}
