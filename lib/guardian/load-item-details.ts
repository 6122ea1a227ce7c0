import "server-only";
import { z } from "zod";
import { getGuardianContext } from "./guardian-context";
import { keptItemDetails } from "./item-details-store";
import { loadInventoryView } from "./load-inventory-view";
import { itemDetailsOf } from "./page-view";
import type { ItemDetails, UnavailableView } from "./view-types";

/** An item key as the page has it: an instance id, or a stack key (planner-state.ts). */
export const ItemKeySchema = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[\w@:#.-]+$/);

/**
 * One item's sheet details for the signed-in player: from the details the page's own GetProfile
 * produced (kept 10 minutes, item-details-store.ts), so opening a sheet costs no Bungie call.
 * An item the page did not have (a new drop) reads the profile (the 15 s profile cache, else one
 * GetProfile). null: no Destiny account, or no such item of theirs (a key from someone else's
 * inventory finds nothing, since only this player's details are read).
 */
export async function loadItemDetails(
  userId: string,
  key: string,
): Promise<ItemDetails | UnavailableView | null> {
  const context = await getGuardianContext(userId);
  if (!context) return null;
  const kept = await keptItemDetails(context);
  const details = kept ? itemDetailsOf(kept, key) : null;
  if (details) return details;
  const view = await loadInventoryView(userId, {}, context);
  if (!view || view.kind === "unavailable") return view;
  return itemDetailsOf(view, key);
}
