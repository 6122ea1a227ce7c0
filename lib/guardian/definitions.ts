import "server-only";
import { getDefinitions } from "@/lib/manifest";
import type { DefinitionOf, ManifestTableName } from "@/lib/manifest/types";

/** Batched manifest lookups: one definition (or the "unknown" stand-in) per hash asked. */
export type DefinitionLookup = <T extends ManifestTableName>(
  table: T,
  hashes: Iterable<number>,
  language: string,
) => Promise<{ get(hash: number): DefinitionOf<T> }>;

const manifestLookup: DefinitionLookup = (table, hashes, language) =>
  getDefinitions(table, hashes, language);

let current: DefinitionLookup = manifestLookup;

/** The lookup the Guardian loaders use: lib/manifest unless a test or bench injected another. */
export function definitionLookup(): DefinitionLookup {
  return current;
}

/** Replaces the lookup (tests, benches); undefined restores lib/manifest. */
export function setDefinitionLookup(lookup: DefinitionLookup | undefined): void {
  current = lookup ?? manifestLookup;
}

/** Everything a Guardian page shows about its items and characters, looked up in one go. */
export type GuardianDefinitions = {
  item: (hash: number) => DefinitionOf<"DestinyInventoryItemDefinition">;
  stat: (hash: number) => DefinitionOf<"DestinyStatDefinition">;
  race: (hash: number) => DefinitionOf<"DestinyRaceDefinition">;
  gender: (hash: number) => DefinitionOf<"DestinyGenderDefinition">;
  classDef: (hash: number) => DefinitionOf<"DestinyClassDefinition">;
  activity: (hash: number) => DefinitionOf<"DestinyActivityDefinition">;
};

/** Looks up every table in parallel (one query each at most, usually none: they are cached). */
export async function loadGuardianDefinitions(
  wanted: {
    items: Iterable<number>;
    stats: Iterable<number>;
    races: Iterable<number>;
    genders: Iterable<number>;
    classes: Iterable<number>;
    activities?: Iterable<number>;
  },
  language: string,
  lookup: DefinitionLookup = definitionLookup(),
): Promise<GuardianDefinitions> {
  const [items, stats, races, genders, classes, activities] = await Promise.all([
    lookup("DestinyInventoryItemDefinition", new Set(wanted.items), language),
    lookup("DestinyStatDefinition", new Set(wanted.stats), language),
    lookup("DestinyRaceDefinition", new Set(wanted.races), language),
    lookup("DestinyGenderDefinition", new Set(wanted.genders), language),
    lookup("DestinyClassDefinition", new Set(wanted.classes), language),
    lookup("DestinyActivityDefinition", new Set(wanted.activities ?? []), language),
  ]);
  return {
    item: (hash) => items.get(hash),
    stat: (hash) => stats.get(hash),
    race: (hash) => races.get(hash),
    gender: (hash) => genders.get(hash),
    classDef: (hash) => classes.get(hash),
    activity: (hash) => activities.get(hash),
  };
}
