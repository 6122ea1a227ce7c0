// What a vendor sells right now: a deterministic function of (seed, vendor, reset period).
// Stock turns over at the daily reset (17:00 UTC) or the weekly reset (Tuesday 17:00 UTC);
// Xûr only exists from Friday's reset to Tuesday's.
import {
  dailyPeriodIndex,
  isXurPresent,
  nextDailyReset,
  nextWeeklyReset,
  weeklyPeriodIndex,
  xurDeparture,
} from "../../lib/destiny/resets";
import type { VendorSpec } from "./definitions";
import { createPrng, fnv1a } from "./prng";

export interface VendorStock {
  present: boolean;
  /** ms since epoch of the next stock change (or Xûr's departure). */
  nextRefreshDate: number;
  /** vendorItemIndexes on sale, ascending. */
  indexes: number[];
  /** The reset period the stock belongs to. */
  period: number;
}

export function vendorStock(seed: number, spec: VendorSpec, now: number): VendorStock {
  const present = !spec.weekendOnly || isXurPresent(now);
  const period = spec.refresh === "daily" ? dailyPeriodIndex(now) : weeklyPeriodIndex(now);
  const nextRefreshDate = spec.weekendOnly
    ? xurDeparture(now)
    : spec.refresh === "daily"
      ? nextDailyReset(now)
      : nextWeeklyReset(now);
  const prng = createPrng(fnv1a(`${seed}:vendor:${spec.hash}:${spec.refresh}:${period}`));
  const always = new Set(spec.alwaysIndexes);
  const featured = new Set(spec.featuredIndexes);
  const pool = [];
  for (let i = 0; i < spec.poolSize; i++) if (!always.has(i) && !featured.has(i)) pool.push(i);
  // One featured (new this season) sale per period when the vendor has any: a sale nobody owns
  // yet, whatever else the roll brings. Drawn after the rest, so vendors without one roll as before.
  const pinned = featured.size > 0 ? 1 : 0;
  const count = Math.max(0, prng.int(spec.minSales, spec.maxSales) - always.size - pinned);
  const rolled = prng.shuffle(pool).slice(0, count);
  if (pinned) rolled.push(prng.pick(spec.featuredIndexes));
  const indexes = [...always, ...rolled].sort((a, b) => a - b);
  return { present, nextRefreshDate, indexes, period };
}
