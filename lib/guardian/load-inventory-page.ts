import "server-only";
import { redirect } from "next/navigation";
import { withAccessTokenOrSignIn } from "@/lib/auth/bungie-call";
import { requireUser } from "@/lib/auth/current-user";
import { loadInventoryView } from "./load-inventory-view";
import { pageViewOf } from "./page-view";
import type { PageInventoryView, UnavailableView } from "./view-types";

/**
 * /inventory: the signed-in player's whole inventory, one GetProfile, without the per-item
 * details its sheets fetch when they open. A signed-out visitor is
 * sent to sign in, a player without a Destiny account to /no-destiny-account.
 */
export async function loadInventoryPage(): Promise<PageInventoryView | UnavailableView> {
  const user = await requireUser("/inventory");
  const view = await loadInventoryView(user.id, {
    withToken: (call) => withAccessTokenOrSignIn(user.id, "/inventory", call),
  });
  if (!view) redirect("/no-destiny-account");
  return view.kind === "inventory" ? pageViewOf(view) : view;
}
