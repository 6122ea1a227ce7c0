import "server-only";
import { redirect } from "next/navigation";
import { withAccessTokenOrSignIn } from "@/lib/auth/bungie-call";
import { requireUser } from "@/lib/auth/current-user";
import { loadInventoryView } from "./load-inventory-view";
import { firstPaintOf, pageViewOf } from "./page-view";
import type { FirstPaintView, UnavailableView } from "./view-types";

/**
 * /inventory: the signed-in player's inventory, one GetProfile, without the per-item details its
 * sheets fetch when they open, and with only the chosen character's items (the rest follow from
 * /inventory/view, from the same profile cache: no second Bungie call). A signed-out visitor is
 * sent to sign in, a player without a Destiny account to /no-destiny-account.
 */
export async function loadInventoryPage(): Promise<FirstPaintView | UnavailableView> {
  const user = await requireUser("/inventory");
  const view = await loadInventoryView(user.id, {
    withToken: (call) => withAccessTokenOrSignIn(user.id, "/inventory", call),
  });
  if (!view) redirect("/no-destiny-account");
  return view.kind === "inventory" ? firstPaintOf(pageViewOf(view)) : view;
}
