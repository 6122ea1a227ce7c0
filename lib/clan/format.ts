// Text for dates, durations and ranks. Pure and time-zone fixed (UTC), so the server render and
// the browser's hydration print the same characters; "now" is passed in for the same reason.

export const RANK_NAMES: Record<number, string> = {
  0: "None",
  1: "Beginner",
  2: "Member",
  3: "Admin",
  4: "Acting founder",
  5: "Founder",
};

export function rankName(memberType: number): string {
  return RANK_NAMES[memberType] ?? "Member";
}

const dateFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
});

function toMs(value: string | number): number {
  return typeof value === "number" ? value : Date.parse(value);
}

/** "14 Sept 2018"; "" for a missing or unparsable date. */
export function formatDate(value: string | number | null): string {
  if (value === null) return "";
  const ms = toMs(value);
  return Number.isFinite(ms) ? dateFormat.format(ms) : "";
}

/** "14 Sept 2018, 19:30 UTC", for tooltips next to a relative time. */
export function formatDateTime(value: string | number | null): string {
  if (value === null) return "";
  const ms = toMs(value);
  return Number.isFinite(ms) ? dateTimeFormat.format(ms) : "";
}

/** "just now", "12 min ago", "5 h ago", "3 days ago", "4 months ago", "2 years ago". */
export function formatRelative(value: string | number | null, nowMs: number): string {
  if (value === null) return "";
  const ms = toMs(value);
  if (!Number.isFinite(ms)) return "";
  const minutes = Math.floor(Math.max(0, nowMs - ms) / 60_000);
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  if (days < 45) return days === 1 ? "1 day ago" : `${days} days ago`;
  const months = Math.floor(days / 30.44);
  if (months < 12) return months === 1 ? "1 month ago" : `${months} months ago`;
  const years = Math.floor(days / 365.25);
  return years === 1 ? "1 year ago" : `${years} years ago`;
}

/** Total time played: "1,234 h", or "45 min" below an hour. */
export function formatPlayTime(minutes: number): string {
  if (!Number.isFinite(minutes) || minutes <= 0) return "0 h";
  if (minutes < 60) return `${Math.round(minutes)} min`;
  return `${Math.floor(minutes / 60).toLocaleString("en-US")} h`;
}

/** Epoch ms of a member's last online change, or null when Bungie did not say. */
export function lastOnlineMs(lastOnlineStatusChange: number): number | null {
  return lastOnlineStatusChange > 0 ? lastOnlineStatusChange * 1000 : null;
}
