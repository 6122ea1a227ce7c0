import "server-only";
// What one process remembers about one database's manifest: the definition cache, which version
// serves each language, and when each language was last checked against Bungie. Kept per client
// object (tests open several databases in one process, whose version ids overlap).
import type { ManifestLanguage } from "@/lib/destiny/game-facts";
import { LruCache } from "./lru-cache";
import type { AnyDefinition, ManifestTableName } from "./types";

/** About 2 KB per cached definition: ~40 MB at most per process. */
export const DEFINITION_CACHE_CAPACITY = 20_000;

export type ServingVersion = {
  versionId: number;
  /** The language of that version: the requested one, or "en" as the fallback. */
  language: ManifestLanguage;
  /** When a query last confirmed this is the current version (Date.now()). */
  confirmedAt: number;
};

export class ManifestState {
  readonly cache = new LruCache<string, AnyDefinition>(DEFINITION_CACHE_CAPACITY);
  /** Requested language -> the version that serves it. */
  readonly serving = new Map<ManifestLanguage, ServingVersion>();
  /** Language -> Date.now() of the last check against Bungie's manifest. */
  readonly lastChecked = new Map<ManifestLanguage, number>();

  static key(version: ServingVersion, table: ManifestTableName, hash: number): string {
    return `${version.versionId}:${version.language}:${table}:${hash}`;
  }

  /**
   * A new version serves `language`: forget what older versions said, so the cache holds
   * only definitions readers can still be given.
   */
  switched(language: ManifestLanguage, versionId: number): void {
    const replaced = new Set<number>();
    for (const [requested, serving] of this.serving) {
      // A fallback to English for this language ends too; English itself is not replaced.
      if (serving.language === language && serving.versionId !== versionId) {
        replaced.add(serving.versionId);
      }
      if (serving.language === language || requested === language) this.serving.delete(requested);
    }
    if (replaced.size > 0) {
      this.cache.deleteWhere((key) => replaced.has(Number(key.slice(0, key.indexOf(":")))));
    }
  }
}

const states = new WeakMap<object, ManifestState>();

export function manifestState(db: object): ManifestState {
  let state = states.get(db);
  if (!state) {
    state = new ManifestState();
    states.set(db, state);
  }
  return state;
}
