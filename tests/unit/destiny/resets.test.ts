import { describe, expect, it } from "vitest";
import { isXurPresent, nextDailyReset, nextWeeklyReset } from "@/lib/destiny/resets";

// Tuesday 25 November 2025, 12:00 UTC: five hours before the weekly reset.
const TUESDAY_NOON = Date.UTC(2025, 10, 25, 12);

describe("reset schedule", () => {
  it("places Xûr from Friday 17:00 UTC to Tuesday 17:00 UTC", () => {
    expect(isXurPresent(Date.UTC(2025, 10, 28, 16, 59))).toBe(false);
    expect(isXurPresent(Date.UTC(2025, 10, 28, 17, 0))).toBe(true);
    expect(isXurPresent(Date.UTC(2025, 10, 30, 3))).toBe(true);
    expect(isXurPresent(Date.UTC(2025, 11, 2, 16, 59))).toBe(true);
    expect(isXurPresent(Date.UTC(2025, 11, 2, 17, 0))).toBe(false);
    expect(isXurPresent(Date.UTC(2025, 10, 26, 12))).toBe(false);
  });

  it("computes the next daily and weekly resets", () => {
    expect(new Date(nextDailyReset(TUESDAY_NOON)).toISOString()).toBe("2025-11-25T17:00:00.000Z");
    expect(new Date(nextDailyReset(Date.UTC(2025, 10, 25, 17))).toISOString()).toBe(
      "2025-11-26T17:00:00.000Z",
    );
    expect(new Date(nextWeeklyReset(TUESDAY_NOON)).toISOString()).toBe("2025-11-25T17:00:00.000Z");
    expect(new Date(nextWeeklyReset(Date.UTC(2025, 10, 26))).toISOString()).toBe(
      "2025-12-02T17:00:00.000Z",
    );
  });
});
