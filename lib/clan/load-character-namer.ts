import "server-only";
import { ClassHashes, RaceHashes } from "@/lib/destiny/game-facts";
import { getDefinitions, getPlayerManifestLanguage, type DefinitionBatch } from "@/lib/manifest";
import type { DefinitionOf } from "@/lib/manifest/types";
import { gameFactsNamer, type CharacterNamer } from "./views";

/**
 * Names are a nicety: a manifest that is still importing (first start) or broken must not hold
 * the roster's details back, so after this long the English game-facts names are used.
 */
const MANIFEST_WAIT_MS = 2_000;

/**
 * Class and race names in the player's manifest language. Destiny has three of each, so all of
 * them are looked up once, before any member arrives, in two batched queries.
 */
export async function loadCharacterNamer(userId: string): Promise<CharacterNamer> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fallback = new Promise<CharacterNamer>((resolve) => {
    timer = setTimeout(() => resolve(gameFactsNamer), MANIFEST_WAIT_MS);
  });
  try {
    return await Promise.race([fromManifest(userId), fallback]);
  } catch {
    return gameFactsNamer;
  } finally {
    clearTimeout(timer);
  }
}

async function fromManifest(userId: string): Promise<CharacterNamer> {
  const language = await getPlayerManifestLanguage(userId);
  const [classes, races] = await Promise.all([
    getDefinitions("DestinyClassDefinition", Object.values(ClassHashes), language),
    getDefinitions("DestinyRaceDefinition", Object.values(RaceHashes), language),
  ]);
  return {
    className: (c) =>
      nameFrom(
        classes,
        c.classHash,
        c.genderHash,
        gameFactsNamer.className(c),
        (d) => d.genderedClassNamesByGenderHash,
      ),
    raceName: (c) =>
      nameFrom(
        races,
        c.raceHash,
        c.genderHash,
        gameFactsNamer.raceName(c),
        (d) => d.genderedRaceNamesByGenderHash,
      ),
  };
}

/**
 * A class's or race's name in the manifest, as the character's gender has it, else its plain
 * name; the English game-facts name when the manifest does not know it.
 */
function nameFrom<T extends "DestinyClassDefinition" | "DestinyRaceDefinition">(
  definitions: DefinitionBatch<T>,
  hash: number,
  genderHash: number,
  fallback: string,
  byGender: (definition: DefinitionOf<T>) => Record<string, string> | undefined,
): string {
  if (!definitions.has(hash)) return fallback;
  const definition = definitions.get(hash);
  return (
    byGender(definition)?.[String(genderHash)] || definition.displayProperties.name || fallback
  );
}
