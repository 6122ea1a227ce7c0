import "server-only";
import { getDefinitions } from "@/lib/manifest";
import type { DefinitionOf } from "@/lib/manifest/types";

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
): Promise<GuardianDefinitions> {
  const [items, stats, races, genders, classes, activities] = await Promise.all([
    getDefinitions("DestinyInventoryItemDefinition", new Set(wanted.items), language),
    getDefinitions("DestinyStatDefinition", new Set(wanted.stats), language),
    getDefinitions("DestinyRaceDefinition", new Set(wanted.races), language),
    getDefinitions("DestinyGenderDefinition", new Set(wanted.genders), language),
    getDefinitions("DestinyClassDefinition", new Set(wanted.classes), language),
    getDefinitions("DestinyActivityDefinition", new Set(wanted.activities ?? []), language),
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
