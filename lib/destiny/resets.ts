// Destiny 2's reset schedule, as pure functions of a timestamp (ms since epoch, UTC).
// The daily reset is at 17:00 UTC, the weekly reset on Tuesday at 17:00 UTC, and Xûr is
// in the game from Friday's reset until Tuesday's weekly reset.

export const DAILY_RESET_HOUR_UTC = 17;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
/** Tuesday 1970-01-06 17:00 UTC: a weekly reset every week after it (1970-01-01 was a Thursday). */
const WEEKLY_ANCHOR = 5 * DAY + DAILY_RESET_HOUR_UTC * HOUR;
/** Friday 1970-01-02 17:00 UTC: Xûr arrives at this offset every week. */
const XUR_ARRIVAL_ANCHOR = 1 * DAY + DAILY_RESET_HOUR_UTC * HOUR;
/** Xûr stays from Friday 17:00 to Tuesday 17:00. */
const XUR_STAY = 4 * DAY;

function floorTo(now: number, period: number, anchor: number): number {
  return anchor + Math.floor((now - anchor) / period) * period;
}

/** The most recent daily reset at or before `now`. */
export function lastDailyReset(now: number): number {
  return floorTo(now, DAY, DAILY_RESET_HOUR_UTC * HOUR);
}
export function nextDailyReset(now: number): number {
  return lastDailyReset(now) + DAY;
}
/** The most recent weekly (Tuesday) reset at or before `now`. */
export function lastWeeklyReset(now: number): number {
  return floorTo(now, WEEK, WEEKLY_ANCHOR);
}
export function nextWeeklyReset(now: number): number {
  return lastWeeklyReset(now) + WEEK;
}
/** A number that changes at every daily reset (days since the first reset of 1970). */
export function dailyPeriodIndex(now: number): number {
  return Math.floor((now - DAILY_RESET_HOUR_UTC * HOUR) / DAY);
}
/** A number that changes at every weekly reset. */
export function weeklyPeriodIndex(now: number): number {
  return Math.floor((now - WEEKLY_ANCHOR) / WEEK);
}

export function isXurPresent(now: number): boolean {
  const arrival = floorTo(now, WEEK, XUR_ARRIVAL_ANCHOR);
  return now >= arrival && now < arrival + XUR_STAY;
}
/** When the current visit ends (only meaningful while he is present). */
export function xurDeparture(now: number): number {
  return floorTo(now, WEEK, XUR_ARRIVAL_ANCHOR) + XUR_STAY;
}

/** The nextRefreshDate Bungie gives a vendor whose stock never changes: 9999-12-31T23:59:59Z. */
export const NEVER_REFRESHES = Date.UTC(9999, 11, 31, 23, 59, 59);
