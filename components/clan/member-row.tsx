"use client";

import Link from "next/link";
import { memo, Suspense } from "react";
import { formatDate, formatDateTime, formatRelative, lastOnlineMs } from "@/lib/clan/format";
import { memberName } from "@/lib/clan/roster-view";
import type { DetailsOrPromise, RosterMemberView } from "@/lib/clan/types";
import { isPromise, MemberDetailsCells, MemberDetailsSkeleton } from "./member-details-cells";

/** Shared by the rows and the desktop column headings, so they always line up. */
export const ROW_GRID =
  "md:grid-cols-[minmax(0,1.7fr)_5.5rem_6.5rem_7rem_minmax(0,3.3fr)_4.5rem] md:gap-x-4";

/**
 * One member: roster facts at once, characters and time played when their profile arrives.
 * Memoised: the roster re-renders as details settle, the rows whose member did not change don't.
 * Rows off screen skip layout and paint (content-visibility) until scrolled to.
 */
export const MemberRow = memo(function MemberRow({
  member,
  details,
  now,
}: {
  member: RosterMemberView;
  details: DetailsOrPromise;
  now: number;
}) {
  const name = memberName(member);
  const lastOnline = lastOnlineMs(member.lastOnlineStatusChange);
  return (
    <li
      data-member-key={member.key}
      className={`border-line bg-panel hover:bg-panel-2 relative grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-3 gap-y-2 rounded-lg border p-3 [contain-intrinsic-height:auto_88px] [content-visibility:auto] md:rounded-none md:border-0 md:border-b md:bg-transparent md:px-4 md:[contain-intrinsic-height:auto_52px] ${ROW_GRID}`}
    >
      <div className="min-w-0">
        <Link
          href={member.href}
          prefetch={false}
          title={name}
          className="hover:text-accent focus-visible:after:outline-accent block truncate font-semibold after:absolute after:inset-0 after:rounded-lg after:content-[''] focus-visible:outline-none focus-visible:after:outline-2 md:after:rounded-none"
        >
          {name}
        </Link>
        <p className="text-muted flex min-w-0 items-center gap-2 text-xs">
          <span className="truncate">{member.platformName}</span>
          {member.isViewer ? (
            <span className="bg-accent text-accent-ink rounded px-1.5 py-px font-semibold">
              You
            </span>
          ) : null}
        </p>
      </div>
      <div className="text-right text-sm md:text-left">
        <span className="sr-only">Rank: </span>
        <span className={member.memberType >= 3 ? "text-accent font-semibold" : ""}>
          {member.rankName}
        </span>
      </div>
      <div className="text-muted text-sm">
        <span className="md:sr-only">Joined </span>
        <time dateTime={member.joinDate ?? undefined}>
          {formatDate(member.joinDate) || "unknown"}
        </time>
      </div>
      <div className="text-right text-sm md:text-left">
        {member.isOnline ? (
          <span className="text-ok inline-flex items-center gap-1.5 font-semibold">
            <span aria-hidden="true" className="bg-ok size-2 rounded-full" />
            Online now
          </span>
        ) : lastOnline ? (
          <span className="text-muted">
            <span className="md:sr-only">Last online </span>
            <time dateTime={new Date(lastOnline).toISOString()} title={formatDateTime(lastOnline)}>
              {formatRelative(lastOnline, now)}
            </time>
          </span>
        ) : (
          <span className="text-muted">Last online unknown</span>
        )}
      </div>
      {isPromise(details) ? (
        <Suspense fallback={<MemberDetailsSkeleton />}>
          <MemberDetailsCells details={details} now={now} />
        </Suspense>
      ) : (
        <MemberDetailsCells details={details} now={now} />
      )}
    </li>
  );
});
