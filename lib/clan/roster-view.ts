// Sorting and filtering of the roster. Pure, so the client component runs it on every keystroke
// and unit tests pin the order down; details (light level) arrive later and are passed in.
import type { RosterMember } from "./types";

export const SORT_KEYS = ["online", "lastOnline", "light", "rank", "name"] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export const SORT_LABELS: Record<SortKey, string> = {
  online: "Online first",
  lastOnline: "Last online",
  light: "Light level",
  rank: "Rank",
  name: "Name",
};

export type RosterQuery = {
  sort: SortKey;
  /** Flips the chosen order (e.g. longest offline first, to find inactive members). */
  reverse: boolean;
  search: string;
};

export const DEFAULT_QUERY: RosterQuery = { sort: "online", reverse: false, search: "" };

/** Light level of a member once their details are in; null while loading, private or failed. */
export type LightOf = (key: string) => number | null;

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/** The name a member is listed under. */
export function memberName(member: Pick<RosterMember, "bungieName" | "displayName">): string {
  return member.bungieName ?? member.displayName;
}

/** Lower case without accents, so "shadow" finds "Ŝhàdöw" and "SAINT" finds "Saint". */
export function foldForSearch(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLocaleLowerCase("en");
}

export function matchesSearch(member: RosterMember, search: string): boolean {
  const needle = foldForSearch(search.trim());
  if (needle === "") return true;
  return [member.bungieName ?? "", member.displayName].some((name) =>
    foldForSearch(name).includes(needle),
  );
}

/** Seconds since epoch of the member's last sighting; members online now sort as "now". */
function lastSeen(member: RosterMember): number {
  return member.isOnline ? Number.POSITIVE_INFINITY : member.lastOnlineStatusChange;
}

function byName(a: RosterMember, b: RosterMember): number {
  return collator.compare(memberName(a), memberName(b)) || a.key.localeCompare(b.key);
}

function compareBy(sort: SortKey, lightOf: LightOf): (a: RosterMember, b: RosterMember) => number {
  switch (sort) {
    case "online":
      // Online members alphabetically, then everyone else by who was seen most recently.
      return (a, b) =>
        Number(b.isOnline) - Number(a.isOnline) ||
        (a.isOnline ? 0 : b.lastOnlineStatusChange - a.lastOnlineStatusChange) ||
        byName(a, b);
    case "lastOnline":
      return (a, b) => {
        const [x, y] = [lastSeen(a), lastSeen(b)];
        return (x === y ? 0 : x < y ? 1 : -1) || byName(a, b);
      };
    case "light":
      return (a, b) => (lightOf(b.key) ?? 0) - (lightOf(a.key) ?? 0) || byName(a, b);
    case "rank":
      return (a, b) => b.memberType - a.memberType || byName(a, b);
    case "name":
      return byName;
  }
}

/**
 * The members matching the search, in the chosen order. Members whose light is unknown stay at
 * the bottom of a light sort in both directions: "unknown" is not "lowest".
 */
export function viewRoster<T extends RosterMember>(
  members: readonly T[],
  query: RosterQuery,
  lightOf: LightOf = () => null,
): T[] {
  const compare = compareBy(query.sort, lightOf);
  const direction = query.reverse ? -1 : 1;
  const known = (m: T) => query.sort !== "light" || lightOf(m.key) !== null;
  return members
    .filter((m) => matchesSearch(m, query.search))
    .sort(
      (a, b) =>
        Number(known(b)) - Number(known(a)) ||
        (known(a) ? direction * compare(a, b) : byName(a, b)),
    );
}

/** Reads a query from URL search params, falling back to the defaults for anything odd. */
export function parseRosterQuery(params: {
  sort?: string | string[];
  reverse?: string | string[];
  q?: string | string[];
}): RosterQuery {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const sort = first(params.sort);
  return {
    sort: (SORT_KEYS as readonly string[]).includes(sort ?? "")
      ? (sort as SortKey)
      : DEFAULT_QUERY.sort,
    reverse: first(params.reverse) === "1",
    search: (first(params.q) ?? "").slice(0, 100),
  };
}

/** The query as URL search params (defaults left out, so the plain /clan URL stays clean). */
export function rosterQueryString(query: RosterQuery): string {
  const params = new URLSearchParams();
  if (query.sort !== DEFAULT_QUERY.sort) params.set("sort", query.sort);
  if (query.reverse) params.set("reverse", "1");
  if (query.search.trim() !== "") params.set("q", query.search);
  const text = params.toString();
  return text ? `?${text}` : "";
}
