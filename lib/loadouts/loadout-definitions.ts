import "server-only";
import { getWholeTable, type DefinitionOf } from "@/lib/manifest";

type Identifier = DefinitionOf<"DestinyLoadoutNameDefinition">;

/** The in-game loadouts' manifest tables, as the view builder reads them. */
export type LoadoutDefinitions = {
  /** Slots per character; 0 when the manifest has no constants (the slots in 206 then rule). */
  countPerCharacter: number;
  /** In the game's order (the constants' lists, else the tables' `index`). */
  names: Identifier[];
  icons: Identifier[];
  colors: Identifier[];
};

/** The four small loadout tables, read whole (once per manifest version and process). */
export async function loadLoadoutDefinitions(language: string): Promise<LoadoutDefinitions> {
  const [constants, names, icons, colors] = await Promise.all([
    getWholeTable("DestinyLoadoutConstantsDefinition", language),
    getWholeTable("DestinyLoadoutNameDefinition", language),
    getWholeTable("DestinyLoadoutIconDefinition", language),
    getWholeTable("DestinyLoadoutColorDefinition", language),
  ]);
  // Bungie's manifest has exactly one constants entry.
  const first = [...constants][0];
  const ordered = (all: Iterable<Identifier>, order: number[] | undefined): Identifier[] => {
    const byHash = new Map([...all].map((d) => [d.hash, d]));
    const listed = (order ?? []).flatMap((hash) => byHash.get(hash) ?? []);
    return listed.length > 0 ? listed : [...byHash.values()].sort((a, b) => a.index - b.index);
  };
  return {
    countPerCharacter: first?.loadoutCountPerCharacter ?? 0,
    names: ordered(names, first?.loadoutNameHashes),
    icons: ordered(icons, first?.loadoutIconHashes),
    colors: ordered(colors, first?.loadoutColorHashes),
  };
}
