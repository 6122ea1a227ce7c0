// Shared helpers for building manifest definitions: stable invented hashes and the
// displayProperties block every definition carries.
import type { DestinyDisplayPropertiesDefinition } from "bungie-api-ts/destiny2";
import { fnv1a } from "../prng";

/**
 * Hands out hashes for invented definitions. Real hashes are reserved first so an invented
 * one can never shadow a real bucket, stat, class or vendor: a recorded real account must
 * resolve against the sandbox manifest without surprises.
 */
export class HashRegistry {
  private readonly used = new Set<number>();

  reserve(hash: number): number {
    this.used.add(hash);
    return hash;
  }

  /** A stable hash derived from `key`; probes onward on a collision. */
  allocate(key: string): number {
    let hash = fnv1a(key);
    // Tiny values look like enum numbers, not hashes; keep invented hashes in the real range.
    while (hash < 1_000_000 || this.used.has(hash)) hash = (hash + 0x9e3779b1) >>> 0;
    this.used.add(hash);
    return hash;
  }
}

export const ICON_ROOT = "/common/destiny2_content/icons";

/**
 * An icon path the sandbox can render. The file name encodes a category and a rarity so the
 * generated PNG gets a rarity colour (exotic gold, legendary purple...) and a glyph.
 */
export function iconPath(category: string, rarity: number, key: number | string): string {
  return `${ICON_ROOT}/${category}-${rarity}-${key}.png`;
}

export function displayProperties(
  name: string,
  description: string,
  icon: string | null,
): DestinyDisplayPropertiesDefinition {
  return {
    name,
    description,
    icon: icon ?? "",
    iconHash: 0,
    iconSequences: [],
    highResIcon: icon ?? "",
    hasIcon: icon !== null,
  };
}

export const NO_COLOR = { red: 0, green: 0, blue: 0, alpha: 0 } as const;
