import "server-only";
import { db } from "@/lib/db";

/**
 * The vendors the player chose for the digest (empty when not subscribed): the vendors page
 * shows them even when they are not on the game's vendors screen.
 */
export async function chosenVendorHashes(userId: string): Promise<number[]> {
  const subscription = await db.digestSubscription.findUnique({
    where: { userId },
    select: { vendorHashes: true, unsubscribedAt: true },
  });
  if (!subscription || subscription.unsubscribedAt) return [];
  return subscription.vendorHashes.map(Number);
}
