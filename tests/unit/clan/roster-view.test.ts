import { describe, expect, it } from "vitest";
import {
  DEFAULT_QUERY,
  foldForSearch,
  parseRosterQuery,
  rosterQueryString,
  viewRoster,
  type RosterQuery,
} from "@/lib/clan/roster-view";
import type { RosterMember } from "@/lib/clan/types";

function member(name: string, extra: Partial<RosterMember> = {}): RosterMember {
  const id = String(4611686018400000000n + BigInt(name.length * 1000 + name.charCodeAt(0)));
  return {
    key: `3:${name}`,
    membershipType: 3,
    membershipId: id,
    bungieName: `${name}#0001`,
    displayName: name,
    memberType: 2,
    isOnline: false,
    lastOnlineStatusChange: 1_700_000_000,
    joinDate: "2020-01-01T00:00:00Z",
    ...extra,
  };
}

const ROSTER: RosterMember[] = [
  member("Cipher", { isOnline: true, memberType: 3 }),
  member("Ash", { lastOnlineStatusChange: 1_700_000_500 }),
  member("Zephyr", { isOnline: true, memberType: 1 }),
  member("Ŝhàdöw ☆ 影", { lastOnlineStatusChange: 1_600_000_000, memberType: 5 }),
  member("bolt", { lastOnlineStatusChange: 1_700_000_900, memberType: 2 }),
  member("NoName", { bungieName: null, displayName: "noname_xbox", lastOnlineStatusChange: 0 }),
];

const names = (members: RosterMember[]) => members.map((m) => m.displayName);
const query = (q: Partial<RosterQuery>): RosterQuery => ({ ...DEFAULT_QUERY, ...q });

describe("viewRoster sorting", () => {
  it("online first: online members by name, then the most recently seen", () => {
    expect(names(viewRoster(ROSTER, DEFAULT_QUERY))).toEqual([
      "Cipher",
      "Zephyr",
      "bolt",
      "Ash",
      "Ŝhàdöw ☆ 影",
      "noname_xbox",
    ]);
  });

  it("reversed online first puts the longest-absent members on top (for clan clean-ups)", () => {
    expect(names(viewRoster(ROSTER, query({ reverse: true }))).slice(0, 2)).toEqual([
      "noname_xbox",
      "Ŝhàdöw ☆ 影",
    ]);
  });

  it("last online treats online members as seen now and orders the rest by time", () => {
    expect(names(viewRoster(ROSTER, query({ sort: "lastOnline" })))).toEqual([
      "Cipher",
      "Zephyr",
      "bolt",
      "Ash",
      "Ŝhàdöw ☆ 影",
      "noname_xbox",
    ]);
  });

  it("rank: founder, admins, members, beginners; ties by name", () => {
    expect(names(viewRoster(ROSTER, query({ sort: "rank" })))).toEqual([
      "Ŝhàdöw ☆ 影",
      "Cipher",
      "Ash",
      "bolt",
      "noname_xbox",
      "Zephyr",
    ]);
  });

  it("name: case-insensitive, by the Bungie name when there is one", () => {
    expect(names(viewRoster(ROSTER, query({ sort: "name" })))).toEqual([
      "Ash",
      "bolt",
      "Cipher",
      "noname_xbox",
      "Ŝhàdöw ☆ 影",
      "Zephyr",
    ]);
  });

  it("light: highest first, and members without a known light stay last in both directions", () => {
    const light: Record<string, number> = { "3:Ash": 541, "3:bolt": 550, "3:Zephyr": 530 };
    const lightOf = (key: string) => light[key] ?? null;
    const desc = names(viewRoster(ROSTER, query({ sort: "light" }), lightOf));
    expect(desc.slice(0, 3)).toEqual(["bolt", "Ash", "Zephyr"]);
    const asc = names(viewRoster(ROSTER, query({ sort: "light", reverse: true }), lightOf));
    expect(asc.slice(0, 3)).toEqual(["Zephyr", "Ash", "bolt"]);
    // Unknown light (loading, private, failed): after the known ones, alphabetically.
    expect(asc.slice(3)).toEqual(["Cipher", "noname_xbox", "Ŝhàdöw ☆ 影"]);
    expect(desc.slice(3)).toEqual(asc.slice(3));
  });

  it("does not reorder its input", () => {
    const copy = [...ROSTER];
    viewRoster(ROSTER, query({ sort: "name" }));
    expect(ROSTER).toEqual(copy);
  });
});

describe("viewRoster search", () => {
  it("matches part of the name, ignoring case and accents", () => {
    expect(names(viewRoster(ROSTER, query({ search: "SHADOW" })))).toEqual(["Ŝhàdöw ☆ 影"]);
    expect(names(viewRoster(ROSTER, query({ search: "  ci " })))).toEqual(["Cipher"]);
    expect(names(viewRoster(ROSTER, query({ search: "影" })))).toEqual(["Ŝhàdöw ☆ 影"]);
  });

  it("matches the Bungie name code and the platform display name", () => {
    expect(viewRoster(ROSTER, query({ search: "#0001" }))).toHaveLength(5);
    expect(names(viewRoster(ROSTER, query({ search: "xbox" })))).toEqual(["noname_xbox"]);
  });

  it("returns nothing for a name nobody has, and everyone for an empty search", () => {
    expect(viewRoster(ROSTER, query({ search: "Oryx" }))).toEqual([]);
    expect(viewRoster(ROSTER, query({ search: "   " }))).toHaveLength(ROSTER.length);
  });

  it("folds text for search", () => {
    expect(foldForSearch("Ŝhàdöw")).toBe("shadow");
  });
});

describe("roster query in the URL", () => {
  it("round-trips through search params, leaving defaults out", () => {
    const q = query({ sort: "light", reverse: true, search: "ash & co" });
    const text = rosterQueryString(q);
    expect(text).toBe("?sort=light&reverse=1&q=ash+%26+co");
    const params = Object.fromEntries(new URLSearchParams(text.slice(1)));
    expect(parseRosterQuery(params)).toEqual(q);
    expect(rosterQueryString(DEFAULT_QUERY)).toBe("");
  });

  it("falls back to defaults for unknown or repeated values", () => {
    expect(parseRosterQuery({ sort: "power<script>", reverse: "yes" })).toEqual(DEFAULT_QUERY);
    expect(parseRosterQuery({ sort: ["rank", "name"], q: "x".repeat(500) })).toEqual({
      sort: "rank",
      reverse: false,
      search: "x".repeat(100),
    });
  });
});
