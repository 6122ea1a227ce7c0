import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatDateTime,
  formatPlayTime,
  formatRelative,
  lastOnlineMs,
  rankName,
} from "@/lib/clan/format";

const NOW = Date.UTC(2026, 10, 25, 12, 0);

describe("clan formatting", () => {
  it("prints relative times from a given now", () => {
    expect(formatRelative(NOW - 20_000, NOW)).toBe("just now");
    expect(formatRelative(NOW - 12 * 60_000, NOW)).toBe("12 min ago");
    expect(formatRelative(NOW - 5 * 3_600_000, NOW)).toBe("5 h ago");
    expect(formatRelative(NOW - 86_400_000, NOW)).toBe("1 day ago");
    expect(formatRelative(NOW - 30 * 86_400_000, NOW)).toBe("30 days ago");
    expect(formatRelative(NOW - 50 * 86_400_000, NOW)).toBe("1 month ago");
    expect(formatRelative(NOW - 120 * 86_400_000, NOW)).toBe("3 months ago");
    expect(formatRelative(NOW - 800 * 86_400_000, NOW)).toBe("2 years ago");
    expect(formatRelative(new Date(NOW - 3_600_000).toISOString(), NOW)).toBe("1 h ago");
    // A clock a little ahead of ours is "just now", not "in the future".
    expect(formatRelative(NOW + 60_000, NOW)).toBe("just now");
    expect(formatRelative(null, NOW)).toBe("");
    expect(formatRelative("not a date", NOW)).toBe("");
  });

  it("prints dates in UTC, so the server and the browser agree", () => {
    expect(formatDate("2018-09-14T23:30:00Z")).toBe("14 Sept 2018");
    expect(formatDate(null)).toBe("");
    expect(formatDateTime(Date.UTC(2018, 8, 14, 19, 30))).toBe("14 Sept 2018, 19:30 UTC");
  });

  it("prints time played in hours", () => {
    expect(formatPlayTime(45)).toBe("45 min");
    expect(formatPlayTime(60)).toBe("1 h");
    expect(formatPlayTime(123_456)).toBe("2,057 h");
    expect(formatPlayTime(0)).toBe("0 h");
  });

  it("names ranks and reads Bungie's last-online seconds", () => {
    expect(rankName(5)).toBe("Founder");
    expect(rankName(3)).toBe("Admin");
    expect(rankName(1)).toBe("Beginner");
    expect(lastOnlineMs(1_700_000_000)).toBe(1_700_000_000_000);
    expect(lastOnlineMs(0)).toBeNull();
  });
});
