import { formatUtc } from "@/lib/vendors/format";

/**
 * "in 5 h" relative to when the page read Bungie (not to the clock of whoever renders it, so
 * server and browser agree), with the exact UTC time in the tooltip and the datetime.
 */
export function RefreshTime({
  iso,
  loadedAt,
  prefix,
}: {
  iso: string | null;
  loadedAt: string;
  prefix: string;
}) {
  if (!iso) return null;
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return null;
  const exact = formatUtc(iso);
  return (
    <time dateTime={iso} title={exact}>
      {prefix} {relative(at.getTime() - new Date(loadedAt).getTime())}
    </time>
  );
}

function relative(ms: number): string {
  if (ms <= 0) return "now";
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `in ${Math.max(1, minutes)} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `in ${hours} h`;
  return `in ${Math.round(hours / 24)} days`;
}
