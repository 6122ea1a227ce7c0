// The in-game loadouts' definitions: DestinyLoadoutConstantsDefinition (how many slots each
// character has, and the names, icons and colours a slot may take) and the Name, Icon and Color
// definitions it lists. One constants entry, as in the real manifest.
import type {
  DestinyLoadoutColorDefinition,
  DestinyLoadoutConstantsDefinition,
  DestinyLoadoutIconDefinition,
  DestinyLoadoutNameDefinition,
} from "bungie-api-ts/destiny2";
import { displayProperties, type HashRegistry, iconPath } from "./common";

/** Slots per character (DestinyLoadoutConstantsDefinition.loadoutCountPerCharacter). */
export const LOADOUT_COUNT_PER_CHARACTER = 10;

const NAMES = [
  "Raid",
  "Dungeon",
  "Crucible",
  "Trials",
  "Gambit",
  "Strikes",
  "Nightfall",
  "Grandmaster",
  "Patrol",
  "Onslaught",
  "Boss Damage",
  "Add Clear",
  "Support",
  "Solo",
  "Speedrun",
  "Fashion",
  "Seasonal",
  "Exotic Mission",
  "Iron Banner",
  "Champions",
];
const ICONS = 16;
const COLORS = 12;

export interface LoadoutFacts {
  countPerCharacter: number;
  nameHashes: number[];
  iconHashes: number[];
  colorHashes: number[];
}

export function buildLoadoutTables(registry: HashRegistry): {
  tables: {
    DestinyLoadoutConstantsDefinition: Record<string, DestinyLoadoutConstantsDefinition>;
    DestinyLoadoutNameDefinition: Record<string, DestinyLoadoutNameDefinition>;
    DestinyLoadoutIconDefinition: Record<string, DestinyLoadoutIconDefinition>;
    DestinyLoadoutColorDefinition: Record<string, DestinyLoadoutColorDefinition>;
  };
  facts: LoadoutFacts;
} {
  const names: Record<string, DestinyLoadoutNameDefinition> = {};
  const nameHashes = NAMES.map((name, index) => {
    const hash = registry.allocate(`loadout-name:${name}`);
    names[String(hash)] = { name, hash, index, redacted: false };
    return hash;
  });
  const icons: Record<string, DestinyLoadoutIconDefinition> = {};
  const iconHashes = Array.from({ length: ICONS }, (_, index) => {
    const hash = registry.allocate(`loadout-icon:${index}`);
    icons[String(hash)] = {
      iconImagePath: iconPath("loadouticon", 0, hash),
      hash,
      index,
      redacted: false,
    };
    return hash;
  });
  const colors: Record<string, DestinyLoadoutColorDefinition> = {};
  const colorHashes = Array.from({ length: COLORS }, (_, index) => {
    const hash = registry.allocate(`loadout-color:${index}`);
    colors[String(hash)] = {
      colorImagePath: iconPath("loadoutcolor", 0, hash),
      hash,
      index,
      redacted: false,
    };
    return hash;
  });
  const constantsHash = registry.allocate("loadout-constants");
  const constants: DestinyLoadoutConstantsDefinition = {
    displayProperties: displayProperties("Loadouts", "Save and equip your gear.", null),
    whiteIconImagePath: iconPath("loadoutwhite", 0, constantsHash),
    blackIconImagePath: iconPath("loadoutblack", 0, constantsHash),
    loadoutCountPerCharacter: LOADOUT_COUNT_PER_CHARACTER,
    loadoutPreviewFilterOutSocketCategoryHashes: [],
    loadoutPreviewFilterOutSocketTypeHashes: [],
    loadoutNameHashes: nameHashes,
    loadoutIconHashes: iconHashes,
    loadoutColorHashes: colorHashes,
    hash: constantsHash,
    index: 0,
    redacted: false,
  };
  return {
    tables: {
      DestinyLoadoutConstantsDefinition: { [String(constantsHash)]: constants },
      DestinyLoadoutNameDefinition: names,
      DestinyLoadoutIconDefinition: icons,
      DestinyLoadoutColorDefinition: colors,
    },
    facts: { countPerCharacter: LOADOUT_COUNT_PER_CHARACTER, nameHashes, iconHashes, colorHashes },
  };
}
