"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { quietButton } from "@/components/ui/button-styles";

/** Search box (with the filter syntax), refresh button and the time of the last refresh. */
export function InventoryToolbar({
  query,
  onQuery,
  onRefresh,
  refreshing,
  loadedAt,
  selecting,
  onToggleSelecting,
}: {
  query: string;
  onQuery: (query: string) => void;
  onRefresh: () => void;
  refreshing: boolean;
  loadedAt: number;
  selecting: boolean;
  onToggleSelecting: () => void;
}) {
  return (
    <div className="grid gap-2 md:grid-cols-[1fr_auto] md:items-end">
      <div className="grid gap-1">
        <label htmlFor="item-search" className="text-sm font-medium">
          Search items
        </label>
        <input
          id="item-search"
          type="search"
          value={query}
          onChange={(event) => onQuery(event.target.value)}
          placeholder="ace, is:exotic, power:>=500, tier:5"
          aria-describedby="item-search-help"
          autoComplete="off"
          className="border-line bg-panel-2 text-text placeholder:text-muted min-h-11 w-full rounded-md border px-3 py-2"
        />
        <p id="item-search-help" className="text-muted text-xs">
          Filters combine: is:weapon, is:armor, is:exotic, is:locked, class:hunter, power:&gt;=500,
          tier:5 or tier:&gt;=3 (gear tier), and -is:locked to exclude.
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-2 md:justify-end md:pb-5">
        <Link href="/loadouts" className={quietButton}>
          Loadouts
        </Link>
        <button
          type="button"
          onClick={onToggleSelecting}
          aria-pressed={selecting}
          className={`${quietButton} ${selecting ? "border-accent text-accent" : ""}`}
        >
          {selecting ? "Done selecting" : "Select a set"}
        </button>
        <button
          type="button"
          onClick={onRefresh}
          disabled={refreshing}
          aria-busy={refreshing}
          className={quietButton}
        >
          <RefreshGlyph spinning={refreshing} />
          {refreshing ? "Refreshing…" : "Refresh"}
        </button>
        <UpdatedAt loadedAt={loadedAt} />
      </div>
    </div>
  );
}

function UpdatedAt({ loadedAt }: { loadedAt: number }) {
  // The clock starts after mount (the server's clock is not the browser's); until then the
  // view was loaded moments ago, so "just now" is true on both sides and the text is there from
  // the first paint instead of pushing the gear down when it appears.
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    const first = window.setTimeout(tick, 0);
    const timer = window.setInterval(tick, 15_000);
    return () => {
      window.clearTimeout(first);
      window.clearInterval(timer);
    };
  }, []);
  const seconds = now === null ? 0 : Math.max(0, Math.round((now - loadedAt) / 1000));
  const text =
    seconds < 20
      ? "just now"
      : seconds < 90
        ? `${seconds} s ago`
        : `${Math.round(seconds / 60)} min ago`;
  return <span className="text-muted text-xs">Updated {text}</span>;
}

function RefreshGlyph({ spinning }: { spinning: boolean }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 20 20"
      className={`size-4 ${spinning ? "animate-spin" : ""}`}
    >
      <path
        d="M16 10a6 6 0 1 1-1.76-4.24M16 4v3.5h-3.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
      />
    </svg>
  );
}
