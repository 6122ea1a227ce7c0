// Times and amounts as the vendors page and the digest email write them. Times are in UTC and
// say so: an email has no reader time zone, and the page must render the same on server and client.

const dateTime = new Intl.DateTimeFormat("en-GB", {
  weekday: "short",
  day: "numeric",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
});

/** "Wed 26 Nov, 17:00 UTC"; "" for a missing or bad date. */
export function formatUtc(iso: string | null): string {
  if (!iso) return "";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "" : `${dateTime.format(date).replace(",", "")} UTC`;
}

export function formatQuantity(n: number): string {
  return n.toLocaleString("en-US");
}
