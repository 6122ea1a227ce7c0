import "server-only";
import { ClassHashes, RaceHashes } from "@/lib/destiny/game-facts";
import { getDefinitions, getPlayerManifestLanguage } from "@/lib/manifest";
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
    className(c) {
      if (!classes.has(c.classHash)) return gameFactsNamer.className(c);
      const definition = classes.get(c.classHash);
      return (
        definition.genderedClassNamesByGenderHash[String(c.genderHash)] ||
        definition.displayProperties.name ||
        gameFactsNamer.className(c)
      );
    },
    raceName(c) {
      if (!races.has(c.raceHash)) return gameFactsNamer.raceName(c);
      const definition = races.get(c.raceHash);
      return (
        definition.genderedRaceNamesByGenderHash[String(c.genderHash)] ||
        definition.displayProperties.name ||
        gameFactsNamer.raceName(c)
      );
    },
  };
}
