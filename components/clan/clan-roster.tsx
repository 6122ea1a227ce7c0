"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";
import { parseRosterQuery, rosterQueryString, viewRoster } from "@/lib/clan/roster-view";
import type { DetailsOrPromise, MemberDetailsView, RosterMemberView } from "@/lib/clan/types";
import { isPromise } from "./member-details-cells";
import { MemberRow, ROW_GRID } from "./member-row";
import { RosterControls } from "./roster-controls";

type Props = {
  members: RosterMemberView[];
  /** Per member key: the details the server had cached, or a promise streamed as it arrives. */
  details: Record<string, DetailsOrPromise>;
  now: number;
};

/**
 * Collects the details as they settle, for the sorts and counts that need them. Sixty profiles
 * stream in one by one: their results are gathered and applied once per frame, so the roster
 * re-renders a few times rather than once per member.
 */
function useSettledDetails(details: Props["details"]): Record<string, MemberDetailsView> {
  // Those at hand count from the first render (the server's too, so both sort alike).
  const [settled, setSettled] = useState<Record<string, MemberDetailsView>>(() => {
    const known: Record<string, MemberDetailsView> = {};
    for (const [key, value] of Object.entries(details)) if (!isPromise(value)) known[key] = value;
    return known;
  });
  useEffect(() => {
    let live = true;
    let pending: Record<string, MemberDetailsView> = {};
    let frame: number | undefined;
    const flush = () => {
      frame = undefined;
      const batch = pending;
      pending = {};
      setSettled((prev) => ({ ...prev, ...batch }));
    };
    for (const [key, promise] of Object.entries(details)) {
      if (!isPromise(promise)) continue;
      promise.then(
        (d) => {
          if (!live) return;
          pending[key] = d;
          frame ??= window.requestAnimationFrame(flush);
        },
        () => {},
      );
    }
    return () => {
      live = false;
      if (frame !== undefined) window.cancelAnimationFrame(frame);
    };
  }, [details]);
  return settled;
}

/** The roster: every member at once, sortable and searchable; details fill in as they stream. */
export function ClanRoster({ members, details, now }: Props) {
  // Read from the URL in the browser, not passed from the server: Back restores this page from
  // the router's cache, whose server render may predate the query the player had chosen.
  const searchParams = useSearchParams();
  const [query, setQuery] = useState(() =>
    parseRosterQuery({
      sort: searchParams.get("sort") ?? undefined,
      reverse: searchParams.get("reverse") ?? undefined,
      q: searchParams.get("q") ?? undefined,
    }),
  );
  const settled = useSettledDetails(details);
  const lightOf = useCallback(
    (key: string) => {
      const d = settled[key];
      return d?.status === "ok" ? d.maxLight : null;
    },
    [settled],
  );
  const visible = useMemo(() => viewRoster(members, query, lightOf), [members, query, lightOf]);
  const loaded = Object.keys(settled).length;

  // The query lives in the URL, so a member's page and Back return to the same view.
  useEffect(() => {
    const url = `${window.location.pathname}${rosterQueryString(query)}`;
    if (url !== `${window.location.pathname}${window.location.search}`) {
      window.history.replaceState(null, "", url);
    }
  }, [query]);

  return (
    <section aria-labelledby="roster-heading" className="grid gap-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="roster-heading" className="text-xl font-bold">
          Roster
        </h2>
        <p className="text-muted text-xs" data-testid="details-progress">
          {loaded < members.length
            ? `Loading guardians: ${loaded} of ${members.length}`
            : `All ${members.length} guardians loaded`}
        </p>
      </div>
      <RosterControls query={query} onChange={setQuery} />
      <p aria-live="polite" className="text-muted text-sm" data-testid="roster-count">
        {query.search.trim()
          ? `${visible.length} of ${members.length} members match “${query.search.trim()}”`
          : `${members.length} members`}
      </p>
      {visible.length === 0 ? (
        <div className="border-line bg-panel grid justify-items-start gap-2 rounded-lg border p-4">
          <p>No member’s name contains “{query.search.trim()}”.</p>
          <button
            type="button"
            onClick={() => setQuery({ ...query, search: "" })}
            className="border-line hover:bg-panel-2 rounded-md border px-3 py-1.5 text-sm font-medium"
          >
            Clear the search
          </button>
        </div>
      ) : (
        <div className="md:border-line md:bg-panel md:rounded-lg md:border">
          <div
            aria-hidden="true"
            className={`border-line text-muted hidden border-b px-4 py-2 text-xs tracking-wide uppercase md:grid ${ROW_GRID}`}
          >
            <span>Guardian</span>
            <span>Rank</span>
            <span>Joined</span>
            <span>Last online</span>
            <span>Characters</span>
            <span className="text-right">Played</span>
          </div>
          <ul className="grid gap-2 md:gap-0" aria-label="Clan members">
            {visible.map((member) => {
              const promise = details[member.key];
              return promise ? (
                <MemberRow key={member.key} member={member} details={promise} now={now} />
              ) : null;
            })}
          </ul>
        </div>
      )}
    </section>
  );
}
