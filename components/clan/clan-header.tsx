import { formatDate, formatDateTime } from "@/lib/clan/format";
import type { ClanSummary } from "@/lib/clan/types";

/** Name, motto, founder, founding date, member count and the viewer's own rank. */
export function ClanHeader({
  clan,
  viewerRank,
  fetchedAt,
}: {
  clan: ClanSummary;
  viewerRank: string;
  fetchedAt: number;
}) {
  const founder = clan.founder ? (clan.founder.bungieName ?? clan.founder.displayName) : "Unknown";
  const facts: [string, string][] = [
    ["Founder", founder],
    ["Founded", formatDate(clan.creationDate) || "Unknown"],
    ["Members", String(clan.memberCount)],
    ["Your rank", viewerRank],
  ];
  return (
    <section aria-labelledby="clan-name" className="grid gap-4">
      <div className="grid gap-1">
        <h1 id="clan-name" className="text-2xl font-bold break-words sm:text-3xl">
          {clan.name}
          {clan.callsign ? (
            <span className="text-muted ml-2 align-middle text-base font-semibold">
              [{clan.callsign}]
            </span>
          ) : null}
        </h1>
        {clan.motto ? <p className="text-accent italic">“{clan.motto}”</p> : null}
        {clan.about ? <p className="text-muted max-w-3xl text-sm">{clan.about}</p> : null}
      </div>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {facts.map(([label, value]) => (
          <div key={label} className="border-line bg-panel min-w-0 rounded-lg border px-4 py-3">
            <dt className="text-muted text-xs tracking-wide uppercase">{label}</dt>
            <dd className="truncate font-semibold" title={value}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <p className="text-muted text-xs">
        Roster as of {formatDateTime(fetchedAt)}; Warmind asks Bungie again after five minutes.
      </p>
    </section>
  );
}
