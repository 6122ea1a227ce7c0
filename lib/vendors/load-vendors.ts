import "server-only";
import { getDefinitions } from "@/lib/manifest";
import type { DefinitionOf, ManifestTableName } from "@/lib/manifest/types";

/** Batched manifest lookups; injectable so tests and scripts can bring their own manifest. */
export type DefinitionsLookup = <T extends ManifestTableName>(
  table: T,
  hashes: Iterable<number>,
) => Promise<{ get(hash: number): DefinitionOf<T> }>;

/** The app's manifest (lib/manifest) in the player's language. */
export function manifestLookup(language?: string | null): DefinitionsLookup {
  return (table, hashes) => getDefinitions(table, hashes, language);
}
