"use client";

import { use } from "react";
import { formatDateTime, formatPlayTime, formatRelative } from "@/lib/clan/format";
import type { DetailsOrPromise } from "@/lib/clan/types";
import { DetailsStatus } from "./details-status";

export function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | null)?.then === "function";
}

/**
 * The characters and time-played cells of a roster row. Suspends until the member's profile
 * arrives (streamed from the server); the row around it is already on screen.
 */
export function MemberDetailsCells({ details, now }: { details: DetailsOrPromise; now: number }) {
  const d = isPromise(details) ? use(details) : details;
  if (d.status !== "ok") {
    return (
      <div data-details={d.status} className="col-span-2">
        <DetailsStatus details={d} />
      </div>
    );
  }
  return (
    <>
      <div
        data-details="ok"
        data-max-light={d.maxLight ?? ""}
        className="col-span-2 min-w-0 md:col-span-1"
      >
        <span className="sr-only">Characters: </span>
        {d.characters.length === 0 ? (
          <span className="text-muted text-sm">No characters</span>
        ) : (
          <ul className="grid max-w-md grid-cols-3 gap-1.5">
            {d.characters.map((c) => (
              <li
                key={c.characterId}
                className="border-line bg-ink/60 min-w-0 rounded-md border px-2 py-1 text-xs leading-tight"
              >
                {/* Class and light side by side where there is room, stacked on phones. */}
                <span className="flex flex-col sm:flex-row sm:items-baseline sm:justify-between sm:gap-1">
                  <span className="truncate font-semibold">{c.className}</span>
                  <span className="text-accent shrink-0">
                    <span aria-hidden="true">◆</span>
                    <span className="sr-only">light</span> {c.light}
                  </span>
                </span>
                <span className="text-muted block truncate">
                  <span className="sr-only">last played </span>
                  <time
                    dateTime={c.dateLastPlayed ?? undefined}
                    title={formatDateTime(c.dateLastPlayed)}
                  >
                    {formatRelative(c.dateLastPlayed, now) || "never"}
                  </time>
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="col-span-2 text-sm md:col-span-1 md:text-right">
        <span className="font-semibold tabular-nums">{formatPlayTime(d.minutesPlayedTotal)}</span>
        <span className="text-muted md:sr-only"> played</span>
      </div>
    </>
  );
}

/** What a row shows while its member's profile is on its way. */
export function MemberDetailsSkeleton() {
  return (
    <>
      <div
        data-details="loading"
        className="col-span-2 grid max-w-md grid-cols-3 gap-1.5 md:col-span-1"
      >
        <span className="sr-only">Loading characters…</span>
        {[0, 1, 2].map((i) => (
          <span
            key={i}
            aria-hidden="true"
            className="border-line bg-panel-2 h-12 animate-pulse rounded-md border sm:h-9"
          />
        ))}
      </div>
      <div aria-hidden="true" className="col-span-2 md:col-span-1 md:flex md:justify-end">
        <span className="bg-panel-2 block h-4 w-14 animate-pulse rounded" />
      </div>
    </>
  );
}
