import "server-only";
import { redirect } from "next/navigation";
import { withAccessTokenOrSignIn } from "@/lib/auth/bungie-call";
import { requireUser } from "@/lib/auth/current-user";
import { loadInventoryView } from "@/lib/guardian/load-inventory-view";

/** The inventory page's one loader: the signed-in player's whole inventory, one GetProfile. */
export async function loadInventoryPage() {
  const user = await requireUser("/inventory");
  const view = await loadInventoryView(user.id, {
    withToken: (call) => withAccessTokenOrSignIn(user.id, "/inventory", call),
  });
  if (!view) redirect("/no-destiny-account");
  return view;
}
