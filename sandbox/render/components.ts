// DestinyComponentType: parsing the `components` query (numbers or names, any case) and
// which components the public may see.

export const ComponentType = {
  None: 0,
  Profiles: 100,
  VendorReceipts: 101,
  ProfileInventories: 102,
  ProfileCurrencies: 103,
  ProfileProgression: 104,
  PlatformSilver: 105,
  Characters: 200,
  CharacterInventories: 201,
  CharacterProgressions: 202,
  CharacterRenderData: 203,
  CharacterActivities: 204,
  CharacterEquipment: 205,
  CharacterLoadouts: 206,
  ItemInstances: 300,
  ItemObjectives: 301,
  ItemPerks: 302,
  ItemRenderData: 303,
  ItemStats: 304,
  ItemSockets: 305,
  ItemTalentGrids: 306,
  ItemCommonData: 307,
  ItemPlugStates: 308,
  ItemPlugObjectives: 309,
  ItemReusablePlugs: 310,
  Vendors: 400,
  VendorCategories: 401,
  VendorSales: 402,
  Kiosks: 500,
  CurrencyLookups: 600,
  PresentationNodes: 700,
  Collectibles: 800,
  Records: 900,
  Transitory: 1000,
  Metrics: 1100,
  StringVariables: 1200,
  Craftables: 1300,
  SocialCommendations: 1400,
} as const;

const BY_NAME = new Map(
  Object.entries(ComponentType).map(([name, value]) => [name.toLowerCase(), value]),
);
const KNOWN = new Set<number>(Object.values(ComponentType));

/** Components only the profile's owner may read (Bungie answers `{"privacy": 2}` to others). */
export const PRIVATE_COMPONENTS: ReadonlySet<number> = new Set([
  101, 102, 103, 104, 105, 201, 202, 206, 500, 600, 1000, 1200, 1300,
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
