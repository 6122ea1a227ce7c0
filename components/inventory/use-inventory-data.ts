"use client";

import { useCallback, useState } from "react";
import useSWR, { useSWRConfig } from "swr";
import { shareUnchanged } from "@/lib/guardian/share-unchanged";
import type { PageInventoryView, UnavailableView } from "@/lib/guardian/view-types";

export const VIEW_URL = "/inventory/view";

export class ViewFetchError extends Error {
  constructor(
    message: string,
    readonly signedOut = false,
  ) {
    super(message);
  }
}

async function fetchView(url: string): Promise<PageInventoryView> {
  let response: Response;
  try {
    response = await fetch(url, { cache: "no-store", headers: { accept: "application/json" } });
  } catch {
    throw new ViewFetchError("Warmind's server can't be reached. Check your connection.");
  }
  if (response.status === 401) {
    throw new ViewFetchError("Your session has ended. Sign in again to see your inventory.", true);
  }
  const body = (await response.json().catch(() => null)) as
    PageInventoryView | UnavailableView | null;
  if (!response.ok || !body) throw new ViewFetchError("Your inventory couldn't be refreshed.");
  if (body.kind === "unavailable") throw new ViewFetchError(`${body.title}. ${body.message}`);
  return body;
}

/**
 * The inventory in SWR: the server's render is the first value, holding only the chosen
 * character's items (page-view.ts firstPaintOf); the whole inventory is fetched once mounted. It
 * refreshes when the window regains focus (at most every 15 s), on demand, and after our own
 * moves. `partial`: only the server's first part is there yet.
 */
export function useInventoryData(initial: PageInventoryView) {
  const { cache } = useSWRConfig();
  // Every read keeps the items and characters that did not change (share-unchanged.ts), so a
  // read-back after a move redraws the moved tiles, not all of them.
  const onScreen = useCallback(
    () => (cache.get(VIEW_URL)?.data as PageInventoryView | undefined) ?? initial,
    [cache, initial],
  );
  const fetcher = useCallback(
    async (url: string) => shareUnchanged(onScreen(), await fetchView(url)),
    [onScreen],
  );
  const { data, mutate, error } = useSWR<PageInventoryView, ViewFetchError>(VIEW_URL, fetcher, {
    fallbackData: initial,
    revalidateOnMount: true,
    revalidateIfStale: false,
    revalidateOnFocus: true,
    focusThrottleInterval: 15_000,
    revalidateOnReconnect: true,
    dedupingInterval: 2_000,
    shouldRetryOnError: false,
  });
  const [refreshing, setRefreshing] = useState(false);

  /** The refresh button: straight to Bungie, past the server's short cache. */
  const refresh = useCallback(async () => {
    setRefreshing(true);
    try {
      const fresh = await fetchView(`${VIEW_URL}?fresh=1`);
      await mutate(shareUnchanged(onScreen(), fresh), { revalidate: false });
      return null;
    } catch (failure) {
      return failure instanceof ViewFetchError ? failure : new ViewFetchError(String(failure));
    } finally {
      setRefreshing(false);
    }
  }, [mutate, onScreen]);

  const view = data ?? initial;
  return { view, partial: view === initial, mutate, refresh, refreshing, error };
}
