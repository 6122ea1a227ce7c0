import "server-only";
import { redirect } from "next/navigation";
import { withAccessTokenOrSignIn } from "@/lib/auth/bungie-call";
import { requireUser } from "@/lib/auth/current-user";
import { loadAccountView } from "@/lib/guardian/load-account-view";

/** The account page's one loader: Bungie name, platforms, characters, currencies and clan. */
export async function loadAccountPage() {
  const user = await requireUser("/account");
  const view = await loadAccountView(user, {
    withToken: (call) => withAccessTokenOrSignIn(user.id, "/account", call),
  });
  if (!view) redirect("/no-destiny-account");
  return view;
}
