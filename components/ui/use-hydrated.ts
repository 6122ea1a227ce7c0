"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/** false while rendering on the server (and hydrating), true in the browser afterwards. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
