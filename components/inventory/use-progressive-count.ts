"use client";

import { useEffect, useState } from "react";

/** Tiles added per step: each step stays a short task on a slow phone (4x CPU throttling). */
export const PROGRESSIVE_STEP = 40;

/**
 * How many of `total` items to render now: none on the server and while hydrating, then
 * PROGRESSIVE_STEP more at each idle moment until all are there. A full vault (700 tiles) drawn
 * in one go is one long task that a tap made during it waits for; in steps, the page answers
 * between them.
 */
export function useProgressiveCount(total: number): number {
  const [count, setCount] = useState(0);
  const done = count >= total;
  useEffect(() => {
    if (done) return;
    const idle = window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 16));
    const cancel = window.cancelIdleCallback ?? window.clearTimeout;
    const handle = idle(() => setCount((n) => n + PROGRESSIVE_STEP));
    return () => cancel(handle);
  }, [count, done]);
  return Math.min(count, total);
}
