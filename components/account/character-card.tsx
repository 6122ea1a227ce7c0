import type { CharacterView } from "@/lib/guardian/view-types";
import { OpenInventoryButton } from "./open-inventory-button";

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

/** "3 hours ago", "yesterday", "2 weeks ago". */
export function lastPlayedText(iso: string, now: number): string {
  const then = Date.parse(iso);
  if (!Number.isFinite(then)) return "unknown";
  const minutes = Math.round((then - now) / 60_000);
  if (Math.abs(minutes) < 60) return relative.format(minutes, "minute");
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 24) return relative.format(hours, "hour");
  const days = Math.round(hours / 24);
  if (Math.abs(days) < 14) return relative.format(days, "day");
  return relative.format(Math.round(days / 7), "week");
}

/** "412 h 5 min" of total time played. */
export function timePlayedText(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return hours > 0 ? `${hours.toLocaleString("en")} h ${rest} min` : `${rest} min`;
}

export function CharacterCard({
  character: c,
  chosen,
  now,
}: {
  character: CharacterView;
  chosen: boolean;
  now: number;
}) {
  return (
    <article
      aria-labelledby={`character-${c.characterId}`}
      data-testid="character-card"
      className={`bg-panel relative isolate grid gap-3 overflow-hidden rounded-lg border-2 p-3 ${chosen ? "border-accent" : "border-line"}`}
    >
      {c.emblemBackgroundUrl ? (
        // eslint-disable-next-line @next/next/no-img-element
        <img
          src={c.emblemBackgroundUrl}
          alt=""
          className="absolute inset-x-0 top-0 -z-10 h-20 w-full object-cover opacity-60"
        />
      ) : null}
      <div className="from-ink/20 to-panel absolute inset-x-0 top-0 -z-10 h-20 bg-gradient-to-b" />
      <div className="flex items-center gap-3">
        {c.emblemUrl ? (
          // eslint-disable-next-line @next/next/no-img-element
          <img src={c.emblemUrl} alt="" className="border-line size-14 rounded border" />
        ) : null}
        <div className="grid min-w-0 flex-1 leading-tight">
          <h3 id={`character-${c.characterId}`} className="text-lg font-bold">
            {c.name}
          </h3>
          <p className="text-muted truncate text-sm">
            {[c.raceName, c.genderName].filter(Boolean).join(" · ") || c.className}
          </p>
        </div>
        <p className="text-accent text-2xl font-semibold">
          <span aria-hidden="true">✦</span>
          <span className="sr-only">Light</span> {c.light}
        </p>
      </div>
      <dl className="grid grid-cols-2 gap-2 text-sm">
        <div>
          <dt className="text-muted">Last played</dt>
          <dd>{lastPlayedText(c.dateLastPlayed, now)}</dd>
        </div>
        <div>
          <dt className="text-muted">Time played</dt>
          <dd>{timePlayedText(c.minutesPlayedTotal)}</dd>
        </div>
      </dl>
      {c.inActivity ? <p className="text-muted text-sm">In an activity right now.</p> : null}
      <OpenInventoryButton characterId={c.characterId} name={c.name} chosen={chosen} />
    </article>
  );
}
