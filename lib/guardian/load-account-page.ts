import "server-only";
import { redirect } from "next/navigation";
import { withAccessTokenOrSignIn } from "@/lib/auth/bungie-call";
import { requireUser } from "@/lib/auth/current-user";
import type { AccountView } from "./account-view";
import { loadAccountView } from "./load-account-view";
import type { UnavailableView } from "./view-types";

/**
 * /account: Bungie name, platforms, characters, currencies and clan. A signed-out visitor is sent
 * to sign in, a player without a Destiny account to /no-destiny-account.
 */
export async function loadAccountPage(): Promise<AccountView | UnavailableView> {
  const user = await requireUser("/account");
  const view = await loadAccountView(user, {
    withToken: (call) => withAccessTokenOrSignIn(user.id, "/account", call),
  });
  if (!view) redirect("/no-destiny-account");
  return view;
}
