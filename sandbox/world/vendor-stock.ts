// What a vendor sells right now: a deterministic function of (seed, vendor, reset period, and for
// vendors with class-bound stock the character's class). Stock turns over at the daily reset
// (17:00 UTC) or the weekly reset (Tuesday 17:00 UTC), or never; Xûr only exists from Friday's
// reset to Tuesday's.
import {
  dailyPeriodIndex,
  isXurPresent,
  NEVER_REFRESHES,
  nextDailyReset,
  nextWeeklyReset,
  weeklyPeriodIndex,
  xurDeparture,
} from "../../lib/destiny/resets";
import type { VendorSpec } from "./definitions";
import { createPrng, fnv1a } from "./prng";

export interface VendorStock {
  present: boolean;
  /** ms since epoch of the next stock change (Xûr: his departure; never: year 9999). */
  nextRefreshDate: number;
  /** vendorItemIndexes on sale, ascending. */
  indexes: number[];
  /** The reset period the stock belongs to. */
  period: number;
}

/** Any class (DestinyClass.Unknown): the stock everybody sees, as GetPublicVendors gives it. */
const ANY_CLASS = 3;

export function vendorStock(
  seed: number,
  spec: VendorSpec,
  now: number,
  classType: number = ANY_CLASS,
): VendorStock {
  const present = !spec.weekendOnly || isXurPresent(now);
  const period =
    spec.refresh === "never"
      ? 0
      : spec.refresh === "daily"
        ? dailyPeriodIndex(now)
        : weeklyPeriodIndex(now);
  const nextRefreshDate = spec.weekendOnly
    ? xurDeparture(now)
    : spec.refresh === "never"
      ? NEVER_REFRESHES
      : spec.refresh === "daily"
        ? nextDailyReset(now)
        : nextWeeklyReset(now);
  // Class-bound stock is rolled per class, the rest the same for everybody.
  const forClass = spec.classSpecific ? classType : ANY_CLASS;
  const fits = (index: number) => {
    const itemClass = spec.itemClasses[index] ?? ANY_CLASS;
    return itemClass === ANY_CLASS || itemClass === forClass;
  };
  const prng = createPrng(
    fnv1a(
      `${seed}:vendor:${spec.hash}:${spec.refresh}:${period}${spec.classSpecific ? `:${forClass}` : ""}`,
    ),
  );
  const always = new Set(spec.alwaysIndexes);
  const featured = spec.featuredIndexes.filter(fits);
  const pinnedOut = new Set(spec.featuredIndexes);
  const pool = [];
  for (let i = 0; i < spec.poolSize; i++)
    if (!always.has(i) && !pinnedOut.has(i) && fits(i)) pool.push(i);
  // One featured (new this season) sale per period when the vendor has one for this class: a
  // sale nobody owns yet, whatever else the roll brings.
  const pinned = featured.length > 0 ? 1 : 0;
  const count = Math.max(0, prng.int(spec.minSales, spec.maxSales) - always.size - pinned);
  const rolled = prng.shuffle(pool).slice(0, count);
  if (pinned) rolled.push(prng.pick(featured));
  const indexes = [...always, ...rolled].sort((a, b) => a - b);
  return { present, nextRefreshDate, indexes, period };
}
