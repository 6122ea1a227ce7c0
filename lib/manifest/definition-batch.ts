// The answer to one batched lookup: a definition for every hash asked, never undefined.
import type { ManifestLanguage } from "@/lib/destiny/game-facts";
import type { DefinitionOf, ManifestTableName } from "./types";
import { unknownDefinition } from "./unknown";

export class DefinitionBatch<T extends ManifestTableName> implements Iterable<DefinitionOf<T>> {
  constructor(
    readonly table: T,
    private readonly byHash: ReadonlyMap<number, DefinitionOf<T>>,
    /** The manifest version that answered, and its language ("en" when it was the fallback). */
    readonly versionId: number,
    readonly language: ManifestLanguage,
  ) {}

  /** The definition of `hash`: the "unknown" stand-in when the manifest lacks it. */
  get(hash: number): DefinitionOf<T> {
    return this.byHash.get(hash) ?? unknownDefinition(this.table, hash);
  }

  /** Whether the manifest knows `hash`. */
  has(hash: number): boolean {
    return this.byHash.get(hash)?.unknown === false;
  }

  get size(): number {
    return this.byHash.size;
  }

  [Symbol.iterator](): Iterator<DefinitionOf<T>> {
    return this.byHash.values();
  }
}
