// Power and gear tiers since Edge of Fate (July 2025): power runs from 10 through the soft cap
// (200) to the seasonal caps (450, then 550 with pinnacles); new weapons and armour carry a gear
// tier 1-5, older gear none (it came through the power reset at 10). Pure functions of a seeded
// generator, so the same seed always rolls the same gear.
import { PowerLevels } from "../../lib/destiny/game-facts";
import type { Prng } from "./prng";
import type { DestinyProfile } from "./types";

export function clampPower(power: number): number {
  return Math.max(PowerLevels.floor, Math.min(PowerLevels.pinnacleCap, Math.round(power)));
}

/**
 * The tier of a new drop at this power: harder activities give higher tiers and need more
 * power, so tier 5 only appears near the seasonal cap and tiers 1-2 below the soft cap.
 */
export function rollGearTier(prng: Prng, power: number): number {
  const highest =
    power >= PowerLevels.seasonalCap ? 5 : power >= 300 ? 4 : power >= PowerLevels.softCap ? 3 : 2;
  const lowest = power >= 500 ? 2 : 1;
  return prng.int(lowest, highest);
}

/** What a piece of gear gets: power and tier, or the reset power of gear from before (no tier). */
export interface GearRoll {
  power: number;
  gearTier?: number;
}

/** A new drop near `power`, spread by `[below, above]`. */
export function rollNewGear(
  prng: Prng,
  power: number,
  spread: readonly [number, number],
): GearRoll {
  const rolled = clampPower(power + prng.int(-spread[0], spread[1]));
  return { power: rolled, gearTier: rollGearTier(prng, rolled) };
}

/** Gear from before Edge of Fate: reset to the floor, no tier. */
export const LEGACY_GEAR: GearRoll = { power: PowerLevels.floor };

/** A character's power: the average of its eight equipped weapons and armour. */
export function characterLight(profile: DestinyProfile, characterId: string): number {
  let total = 0;
  let count = 0;
  for (const item of profile.items) {
    if (
      item.place.kind === "equipped" &&
      item.place.characterId === characterId &&
      item.power !== undefined
    ) {
      total += item.power;
      count++;
    }
  }
  return count === 0 ? 0 : Math.floor(total / Math.max(count, 8));
}
