"use client";

import { SORT_KEYS, SORT_LABELS, type RosterQuery } from "@/lib/clan/roster-view";

/** Name search, sort order and direction for the roster. */
export function RosterControls({
  query,
  onChange,
}: {
  query: RosterQuery;
  onChange: (query: RosterQuery) => void;
}) {
  return (
    <div className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_auto_auto] sm:items-end">
      <div className="grid gap-1">
        <label htmlFor="roster-search" className="text-muted text-xs tracking-wide uppercase">
          Find a member
        </label>
        <input
          id="roster-search"
          type="search"
          value={query.search}
          maxLength={100}
          autoComplete="off"
          spellCheck={false}
          placeholder="Bungie name"
          onChange={(e) => onChange({ ...query, search: e.target.value })}
          className="border-line bg-panel text-text placeholder:text-muted/80 h-10 w-full rounded-md border px-3"
        />
      </div>
      <div className="grid grid-cols-[minmax(0,1fr)_auto] gap-3 sm:contents">
        <div className="grid gap-1">
          <label htmlFor="roster-sort" className="text-muted text-xs tracking-wide uppercase">
            Sort by
          </label>
          <select
            id="roster-sort"
            value={query.sort}
            onChange={(e) => onChange({ ...query, sort: e.target.value as RosterQuery["sort"] })}
            className="border-line bg-panel text-text h-10 rounded-md border px-3"
          >
            {SORT_KEYS.map((key) => (
              <option key={key} value={key}>
                {SORT_LABELS[key]}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          aria-pressed={query.reverse}
          onClick={() => onChange({ ...query, reverse: !query.reverse })}
          className="border-line bg-panel hover:bg-panel-2 aria-pressed:border-accent aria-pressed:text-accent flex h-10 items-center gap-2 self-end rounded-md border px-3 text-sm font-medium"
        >
          <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4 fill-current">
            <path d="M4 1 1 4.5h2.25V15h1.5V4.5H7zm8 14 3-3.5h-2.25V1h-1.5v10.5H9z" />
          </svg>
          Reverse order
        </button>
      </div>
    </div>
  );
}
