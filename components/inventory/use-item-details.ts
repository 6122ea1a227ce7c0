"use client";

import useSWR from "swr";
import type { ItemDetails } from "@/lib/guardian/view-types";

export const ITEM_DETAILS_URL = "/inventory/item";

async function fetchDetails([url, key]: [string, string]): Promise<ItemDetails> {
  const response = await fetch(`${url}?key=${encodeURIComponent(key)}`, {
    cache: "no-store",
    headers: { accept: "application/json" },
  });
  if (!response.ok) throw new Error(`details ${response.status}`);
  return (await response.json()) as ItemDetails;
}

/**
 * An item's stats, perks and flavour text, fetched when its sheet opens and kept for the visit
 * (moving an item does not change them): the page itself sends only what tiles need.
 */
export function useItemDetails(key: string) {
  const { data, error, isLoading } = useSWR<ItemDetails, Error, [string, string]>(
    [ITEM_DETAILS_URL, key],
    fetchDetails,
    { revalidateOnFocus: false, revalidateIfStale: false, shouldRetryOnError: false },
  );
  return { details: data ?? null, failed: Boolean(error), loading: isLoading };
}
