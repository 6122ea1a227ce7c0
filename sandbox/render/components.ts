// DestinyComponentType: parsing the `components` query (numbers or names, any case) and
// which components the public may see.

// The values are the game's facts, shared with the app (lib/destiny/api-enums.ts).
import { ComponentType } from "../../lib/destiny/api-enums";

export { ComponentType };

const BY_NAME = new Map(
  Object.entries(ComponentType).map(([name, value]) => [name.toLowerCase(), value]),
);
const KNOWN = new Set<number>(Object.values(ComponentType));

/** Components only the profile's owner may read (Bungie answers `{"privacy": 2}` to others). */
export const PRIVATE_COMPONENTS: ReadonlySet<number> = new Set<number>([
  ComponentType.VendorReceipts,
  ComponentType.ProfileInventories,
  ComponentType.ProfileCurrencies,
  ComponentType.ProfileProgression,
  ComponentType.PlatformSilver,
  ComponentType.CharacterInventories,
  ComponentType.CharacterProgressions,
  ComponentType.CharacterLoadouts,
  ComponentType.Kiosks,
  ComponentType.CurrencyLookups,
  ComponentType.Transitory,
  ComponentType.StringVariables,
  ComponentType.Craftables,
]);

export type ParsedComponents = { ok: true; components: Set<number> } | { ok: false; bad: string };

export function parseComponents(raw: string | null): ParsedComponents {
  const components = new Set<number>();
  if (!raw) return { ok: true, components };
  for (const part of raw.split(",")) {
    const token = part.trim();
    if (!token) continue;
    const value = /^\d+$/.test(token) ? Number(token) : BY_NAME.get(token.toLowerCase());
    if (value === undefined || !KNOWN.has(value)) return { ok: false, bad: token };
    components.add(value);
  }
  return { ok: true, components };
}
