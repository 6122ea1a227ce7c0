"use client";

import { useLinkStatus } from "next/link";

/**
 * Inside a section link: a bar that lights up while the tapped page is on its way. The pages have
 * no route-level skeleton (loading.tsx) to show at once, so on a slow phone network the tap would
 * otherwise show nothing until the server answers. Always rendered and fixed in size (no layout
 * shift); it fades in after 100 ms, so a quick navigation does not flicker.
 */
export function LinkPending() {
  const { pending } = useLinkStatus();
  return (
    <span
      aria-hidden="true"
      data-pending={pending || undefined}
      className="bg-accent pointer-events-none absolute inset-x-3 bottom-0.5 h-0.5 rounded-full opacity-0 transition-opacity data-[pending]:opacity-100 data-[pending]:delay-100"
    />
  );
}
