// A character's components, rendered once here for both responses that carry them:
// GetProfile (a dictionary by character id, `characterInventories`...) and GetCharacter (the
// one character, `inventory`...). GetCharacter's table is at the end.
import type {
  DestinyCharacterActivitiesComponent,
  DestinyCharacterComponent,
  DestinyCharacterResponse,
} from "bungie-api-ts/destiny2";
import { ClassHashes, GenderHashes, RaceHashes, StatHashes } from "../../lib/destiny/game-facts";
import { IN_GAME_LOADOUT_BUCKETS } from "../../lib/destiny/buckets";
import { loadoutSlots } from "../rules/loadouts";
import { collectiblesDictionary } from "../world/collectibles";
import { characterLight } from "../world/power";
import type { ItemDefinition } from "../world/definitions/items";
import type { DestinyProfile, WorldCharacter, WorldItem } from "../world/types";
import {
  type ComponentEntry,
  type ComponentName,
  type ComponentTable,
  renderContext,
  type RenderContext,
  type RenderInput,
  renderTable,
  wrap,
  wrapped,
} from "./component-table";
import { itemComponentsEntry } from "./item-components";
import { renderItem } from "./items";
import { isoDate } from "./users";

const CLASS_HASHES = [ClassHashes.Titan, ClassHashes.Hunter, ClassHashes.Warlock];
const RACE_HASHES = [RaceHashes.Human, RaceHashes.Awoken, RaceHashes.Exo];
const GENDER_HASHES = [GenderHashes.Male, GenderHashes.Female];

function equippedEmblem(ctx: RenderContext, characterId: string): ItemDefinition | undefined {
  const table = ctx.defs.tables.DestinyInventoryItemDefinition as
    Record<string, ItemDefinition> | undefined;
  for (const item of ctx.profile.items) {
    if (item.place.kind === "equipped" && item.place.characterId === characterId) {
      if (ctx.meta(item)?.kind === "emblem") return table?.[String(item.itemHash)];
    }
  }
  return undefined;
}

function renderCharacter(ctx: RenderContext, character: WorldCharacter): DestinyCharacterComponent {
  const light = characterLight(ctx.profile, character.characterId);
  const emblem = equippedEmblem(ctx, character.characterId);
  const armorStats: Record<number, number> = { [StatHashes.Power]: light };
  for (const item of ctx.profile.items) {
    if (item.place.kind !== "equipped" || item.place.characterId !== character.characterId)
      continue;
    if (ctx.meta(item)?.kind !== "armor") continue;
    for (const [hash, value] of Object.entries(item.stats ?? {})) {
      armorStats[Number(hash)] = Math.min(200, (armorStats[Number(hash)] ?? 0) + value);
    }
  }
  return {
    membershipId: ctx.profile.membershipId,
    membershipType: ctx.profile.membershipType as 3,
    characterId: character.characterId,
    dateLastPlayed: isoDate(character.dateLastPlayed),
    minutesPlayedThisSession: String(character.minutesPlayedThisSession),
    minutesPlayedTotal: String(character.minutesPlayedTotal),
    light,
    stats: armorStats,
    raceHash: RACE_HASHES[character.raceType] ?? RaceHashes.Human,
    genderHash: GENDER_HASHES[character.genderType] ?? GenderHashes.Male,
    classHash: CLASS_HASHES[character.classType] ?? ClassHashes.Titan,
    raceType: character.raceType,
    classType: character.classType,
    genderType: character.genderType,
    emblemPath: emblem?.displayProperties.icon ?? "",
    emblemBackgroundPath: emblem?.secondarySpecial ?? "",
    emblemHash: emblem?.hash ?? 0,
    emblemColor: emblem?.backgroundColor ?? { red: 0, green: 0, blue: 0, alpha: 255 },
    levelProgression: {
      progressionHash: 1716568313,
      dailyProgress: 0,
      dailyLimit: 0,
      weeklyProgress: 0,
      weeklyLimit: 0,
      currentProgress: 0,
      level: 50,
      levelCap: 50,
      stepIndex: 50,
      progressToNextLevel: 0,
      nextLevelAt: 0,
      seasonResets: [],
      rewardItemStates: [],
      rewardItemSocketOverrideStates: {},
    },
    baseCharacterLevel: 50,
    percentToNextLevel: 0,
  };
}

const ACTIVITY_MODES: Record<WorldCharacter["activity"], number[]> = {
  offline: [],
  orbit: [],
  tower: [40],
  strike: [3, 18, 7],
  raid: [4, 7],
  crucible: [10, 5],
  patrol: [6, 7],
};

function renderActivities(
  ctx: RenderContext,
  character: WorldCharacter,
): Omit<
  DestinyCharacterActivitiesComponent,
  "difficultyTierCollections" | "selectableSkullCollections"
> {
  const current = character.activity === "offline" ? 0 : ctx.defs.activities[character.activity];
  const modes = ACTIVITY_MODES[character.activity];
  return {
    dateActivityStarted: isoDate(
      character.activity === "offline"
        ? character.dateLastPlayed
        : Math.min(ctx.now, character.dateLastPlayed),
    ),
    availableActivities: [],
    availableActivityInteractables: [],
    currentActivityHash: current,
    currentActivityModeHash: 0,
    ...(modes.length > 0 ? { currentActivityModeType: modes[0] } : {}),
    currentActivityModeHashes: [],
    currentActivityModeTypes: modes,
    lastCompletedStoryHash: 0,
  };
}

/** Items a character carries: in its inventory and postmaster, or equipped. */
function characterItems(
  profile: DestinyProfile,
  characterId: string,
  equipped: boolean,
): WorldItem[] {
  return profile.items.filter((item) =>
    equipped
      ? item.place.kind === "equipped" && item.place.characterId === characterId
      : (item.place.kind === "inventory" || item.place.kind === "postmaster") &&
        item.place.characterId === characterId,
  );
}

type CharacterPart = (ctx: RenderContext, character: WorldCharacter) => unknown;

/**
 * One character's part of every character-level component, by ComponentType name. Those the
 * sandbox models no data for come back empty, in Bungie's shape.
 */
const CHARACTER_PARTS = {
  Characters: renderCharacter,
  CharacterInventories: (ctx, c) => ({
    items: characterItems(ctx.profile, c.characterId, false).map((i) => renderItem(i, ctx.meta(i))),
  }),
  // Every slot, empty ones too: their items have itemInstanceId "0" (as Bungie's).
  CharacterLoadouts: (ctx, c) => ({
    loadouts: loadoutSlots(c, ctx.defs.loadouts).map((slot) => ({
      colorHash: slot.colorHash,
      iconHash: slot.iconHash,
      nameHash: slot.nameHash,
      items:
        slot.items.length > 0
          ? slot.items
          : IN_GAME_LOADOUT_BUCKETS.map(() => ({ itemInstanceId: "0", plugItemHashes: [] })),
    })),
  }),
  CharacterProgressions: () => ({
    progressions: {},
    factions: {},
    milestones: {},
    quests: [],
    uninstancedItemObjectives: {},
    uninstancedItemPerks: {},
    checklists: {},
  }),
  CharacterRenderData: (ctx, c) => ({
    customDyes: [],
    customization: {
      personality: 0,
      face: 0,
      skinColor: 0,
      lipColor: 0,
      eyeColor: 0,
      hairColors: [],
      featureColors: [],
      decalColor: 0,
      wearHelmet: true,
      hairIndex: 0,
      featureIndex: 0,
      decalIndex: 0,
    },
    peerView: {
      equipment: characterItems(ctx.profile, c.characterId, true).map((i) => ({
        itemHash: i.itemHash,
        dyes: [],
      })),
    },
  }),
  CharacterActivities: renderActivities,
  CharacterEquipment: (ctx, c) => ({
    items: characterItems(ctx.profile, c.characterId, true).map((i) => renderItem(i, ctx.meta(i))),
  }),
  Kiosks: () => ({ kioskItems: {} }),
  // Plug sets come with ItemSockets (305), as on Bungie.
  ItemSockets: () => ({ plugs: {} }),
  PresentationNodes: () => ({ nodes: {} }),
  Records: () => ({
    featuredRecordHashes: [],
    records: {},
    recordCategoriesRootNodeHash: 0,
    recordSealsRootNodeHash: 0,
  }),
  // Acquisition is account-wide in the sandbox: every character lists every class's armour
  // with the same state.
  Collectibles: (ctx) => ({
    collectibles: collectiblesDictionary(ctx.collectibles, "character"),
    collectionCategoriesRootNodeHash: 0,
    collectionBadgesRootNodeHash: 0,
  }),
  StringVariables: () => ({ integerValuesByHash: {} }),
  Craftables: () => ({ craftables: {}, craftingRootNodeHash: 0 }),
  CurrencyLookups: () => ({ itemQuantities: {} }),
} satisfies { [N in ComponentName]?: CharacterPart };

type CharacterComponentName = keyof typeof CHARACTER_PARTS;

/** GetProfile's dictionary of a character-level component: every character by id. */
export function everyCharacter(name: CharacterComponentName): ComponentEntry<RenderContext> {
  const part: CharacterPart = CHARACTER_PARTS[name];
  return wrapped(name, (ctx) => {
    const data: Record<string, unknown> = {};
    for (const character of ctx.profile.characters)
      data[character.characterId] = part(ctx, character);
    return data;
  });
}

interface CharacterContext extends RenderContext {
  character: WorldCharacter;
}

/** GetCharacter's part of a character-level component: the one character. */
function oneCharacter(name: CharacterComponentName): ComponentEntry<CharacterContext> {
  const part: CharacterPart = CHARACTER_PARTS[name];
  return {
    components: [name],
    render: (ctx) => wrap(ctx, name, () => part(ctx, ctx.character)),
  };
}

/** Items GetCharacter's item components cover: the character's own (inventory, equipped, postmaster). */
function characterOwnItems(ctx: CharacterContext): WorldItem[] {
  return ctx.profile.items.filter(
    (i) =>
      (i.place.kind === "inventory" ||
        i.place.kind === "equipped" ||
        i.place.kind === "postmaster") &&
      i.place.characterId === ctx.character.characterId,
  );
}

/** GetCharacter, in Bungie's key order. */
const CHARACTER_RESPONSE: ComponentTable<CharacterContext, DestinyCharacterResponse> = {
  inventory: oneCharacter("CharacterInventories"),
  character: oneCharacter("Characters"),
  progressions: oneCharacter("CharacterProgressions"),
  activities: oneCharacter("CharacterActivities"),
  equipment: oneCharacter("CharacterEquipment"),
  loadouts: oneCharacter("CharacterLoadouts"),
  kiosks: oneCharacter("Kiosks"),
  plugSets: oneCharacter("ItemSockets"),
  currencyLookups: oneCharacter("CurrencyLookups"),
  collectibles: oneCharacter("Collectibles"),
  itemComponents: itemComponentsEntry(characterOwnItems),
};

export function renderCharacterResponse(input: RenderInput, character: WorldCharacter) {
  return renderTable(CHARACTER_RESPONSE, input.components, renderContext(input, { character }));
}
