import Link from "next/link";
import {
  formatDate,
  formatDateTime,
  formatPlayTime,
  formatRelative,
  lastOnlineMs,
} from "@/lib/clan/format";
import type { MemberPageData } from "@/lib/clan/build-member-page";
import type { CharacterView } from "@/lib/clan/types";
import { DetailsStatus } from "./details-status";

/** A member's public summary: who they are, their clan standing and their guardians. */
export function MemberSummary({ data }: { data: MemberPageData }) {
  const { details, now } = data;
  const name = data.name ?? "Unnamed guardian";
  const emblem = details.status === "ok" ? details.characters[0]?.emblemUrl : null;
  const facts = memberFacts(data);
  return (
    <div className="grid gap-6">
      <p>
        <Link href="/clan" className="text-accent text-sm underline underline-offset-4">
          ← Back to the clan roster
        </Link>
      </p>
      <section
        aria-labelledby="member-name"
        className="border-line bg-panel flex items-center gap-4 rounded-lg border p-5 sm:p-6"
      >
        {emblem ? (
          // eslint-disable-next-line @next/next/no-img-element
          <img
            src={emblem}
            alt=""
            width={64}
            height={64}
            className="border-line size-14 shrink-0 rounded border sm:size-16"
          />
        ) : null}
        <div className="grid min-w-0 gap-1">
          <h1 id="member-name" className="text-2xl font-bold break-words sm:text-3xl">
            {name}
          </h1>
          <ul className="text-muted flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {facts.map((fact) => (
              <li key={fact.key} className={fact.online ? "text-ok font-semibold" : undefined}>
                {fact.text}
              </li>
            ))}
          </ul>
        </div>
      </section>
      {details.status === "ok" ? (
        <>
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3">
            <Fact label="Time played" value={formatPlayTime(details.minutesPlayedTotal)} />
            <Fact label="Highest light" value={details.maxLight?.toString() ?? "None"} />
            <Fact
              label="Last played"
              value={formatRelative(details.dateLastPlayed, now) || "Never"}
              title={formatDateTime(details.dateLastPlayed)}
            />
          </dl>
          <section aria-labelledby="characters-heading" className="grid gap-3">
            <h2 id="characters-heading" className="text-xl font-bold">
              Guardians
            </h2>
            {details.characters.length === 0 ? (
              <p className="text-muted">This account has no characters.</p>
            ) : (
              <ul className="grid gap-3 md:grid-cols-3">
                {details.characters.map((c) => (
                  <CharacterCard key={c.characterId} character={c} now={now} />
                ))}
              </ul>
            )}
          </section>
        </>
      ) : (
        <section className="border-line bg-panel grid justify-items-start gap-2 rounded-lg border p-5">
          <DetailsStatus details={details} />
          <p className="text-muted">
            {details.status === "private"
              ? "This guardian keeps their Destiny profile private, so Bungie does not share their characters."
              : details.status === "not-found"
                ? "Bungie has no Destiny 2 profile for this account."
                : "Bungie.net could not give us this profile right now. Try again in a minute."}
          </p>
        </section>
      )}
    </div>
  );
}

/** Platform, then clan standing when the member is in the viewer's clan. */
function memberFacts({ platformName, clanEntry, clanName, now }: MemberPageData) {
  const facts: { key: string; text: string; online?: boolean }[] = [
    { key: "platform", text: platformName },
  ];
  if (!clanEntry) return facts;
  facts.push({
    key: "rank",
    text: clanName ? `${clanEntry.rankName} of ${clanName}` : clanEntry.rankName,
  });
  if (clanEntry.joinDate) {
    facts.push({ key: "joined", text: `Joined ${formatDate(clanEntry.joinDate)}` });
  }
  const lastOnline = lastOnlineMs(clanEntry.lastOnlineStatusChange);
  if (clanEntry.isOnline) facts.push({ key: "online", text: "Online now", online: true });
  else if (lastOnline) {
    facts.push({ key: "online", text: `Last online ${formatRelative(lastOnline, now)}` });
  }
  return facts;
}

function Fact({ label, value, title }: { label: string; value: string; title?: string }) {
  return (
    <div className="border-line bg-panel min-w-0 rounded-lg border px-4 py-3">
      <dt className="text-muted text-xs tracking-wide uppercase">{label}</dt>
      <dd className="truncate text-lg font-semibold" title={title}>
        {value}
      </dd>
    </div>
  );
}

function CharacterCard({ character: c, now }: { character: CharacterView; now: number }) {
  return (
    <li className="border-line bg-panel overflow-hidden rounded-lg border">
      <div className="bg-panel-2 relative flex h-20 items-center gap-3 px-3">
        {c.emblemBackgroundUrl ? (
          // eslint-disable-next-line @next/next/no-img-element
          <img
            src={c.emblemBackgroundUrl}
            alt=""
            className="absolute inset-0 size-full object-cover object-left"
          />
        ) : null}
        <div className="bg-ink/80 relative ml-auto rounded px-2 py-1 text-right">
          <p className="text-accent text-lg leading-none font-bold">
            <span aria-hidden="true">◆ </span>
            <span className="sr-only">Light </span>
            {c.light}
          </p>
        </div>
      </div>
      <div className="grid gap-1 p-3">
        <h3 className="font-semibold">
          {c.className}
          {c.raceName ? <span className="text-muted font-normal"> · {c.raceName}</span> : null}
        </h3>
        <p className="text-muted text-sm">
          Last played{" "}
          <time dateTime={c.dateLastPlayed ?? undefined} title={formatDateTime(c.dateLastPlayed)}>
            {formatRelative(c.dateLastPlayed, now) || "never"}
          </time>
        </p>
        <p className="text-muted text-sm">{formatPlayTime(c.minutesPlayedTotal)} played</p>
      </div>
    </li>
  );
}
