import "server-only";
import { z } from "zod";
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
 * One item's sheet details for the signed-in player, from the same short profile cache as the
 * page (within 15 s of it, no Bungie call; later, the one GetProfile a refresh would make).
 * null: no Destiny account, or no such item of theirs (a key from someone else's inventory
 * finds nothing, since only this player's profile is read).
 */
export async function loadItemDetails(
  userId: string,
  key: string,
): Promise<ItemDetails | UnavailableView | null> {
  const view = await loadInventoryView(userId);
  if (!view || view.kind === "unavailable") return view;
  return itemDetailsOf(view, key);
}
