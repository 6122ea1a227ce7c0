// GetProfile / GetCharacter / GetItem responses rendered from a world profile. Component
// wrappers follow Bungie: `{data, privacy}`; private components come back as
// `{"privacy": 2}` without data unless the caller is the owner (Bungie-net/api#499).
import type {
  DestinyCharacterActivitiesComponent,
  DestinyCharacterComponent,
  DestinyCharacterResponse,
  DestinyItemResponse,
  DestinyProfileComponent,
  DestinyProfileResponse,
} from "bungie-api-ts/destiny2";
import { ClassHashes, GenderHashes, RaceHashes, StatHashes } from "../../lib/destiny/game-facts";
import { collectibleEntries, collectiblesDictionary } from "../world/collectibles";
import type { ManifestDefinitions } from "../world/definitions";
import type { ItemDefinition } from "../world/definitions/items";
import type { DestinyProfile, WorldCharacter, WorldItem } from "../world/types";
import { PRIVATE_COMPONENTS } from "./components";
import {
  buildEquipView,
  type EquipView,
  renderInstance,
  renderItem,
  renderPerks,
  renderReusablePlugs,
  renderSockets,
  renderStats,
} from "./items";
import { isoDate, profileCard } from "./users";

const CLASS_HASHES = [ClassHashes.Titan, ClassHashes.Hunter, ClassHashes.Warlock];
const RACE_HASHES = [RaceHashes.Human, RaceHashes.Awoken, RaceHashes.Exo];
const GENDER_HASHES = [GenderHashes.Male, GenderHashes.Female];

type Wrapper<T> = { data?: T; privacy: 1 | 2 };

/**
 * Every key the renderers write must be a key of Bungie's response type: a typo or a renamed
 * component fails to compile (values are checked at runtime by the contract tests).
 */
type KeysOf<T> = { [K in keyof T]?: unknown };
type ProfileResponseOut = KeysOf<DestinyProfileResponse>;
type CharacterResponseOut = KeysOf<DestinyCharacterResponse>;
type ItemResponseOut = KeysOf<DestinyItemResponse>;

export interface RenderInput {
  defs: ManifestDefinitions;
  profile: DestinyProfile;
  components: ReadonlySet<number>;
  /** The caller is signed in as this profile's owner. */
  owner: boolean;
  now: number;
}

/** Can the caller see this component? */
function canSee(input: RenderInput, component: number): boolean {
  if (input.owner) return true;
  if (input.profile.availability !== "public" && component !== 100) return false;
  return !PRIVATE_COMPONENTS.has(component);
}

function wrap<T>(input: RenderInput, component: number, make: () => T): Wrapper<T> {
  const privacy =
    PRIVATE_COMPONENTS.has(component) || input.profile.availability === "private" ? 2 : 1;
  return canSee(input, component) ? { data: make(), privacy } : { privacy };
}

function dict<T>(
  input: RenderInput,
  component: number,
  characters: readonly WorldCharacter[],
  make: (c: WorldCharacter) => T,
) {
  return wrap(input, component, () => {
    const data: Record<string, T> = {};
    for (const character of characters) data[character.characterId] = make(character);
    return data;
  });
}

export function characterLight(profile: DestinyProfile, characterId: string): number {
  let total = 0;
  let count = 0;
  for (const item of profile.items) {
    if (
      item.place.kind === "equipped" &&
      item.place.characterId === characterId &&
      item.power !== undefined
    ) {
      total += item.power;
      count++;
    }
  }
  // Light is the average of the eight weapon and armour slots.
  return count === 0 ? 0 : Math.floor(total / Math.max(count, 8));
}

function equippedEmblem(input: RenderInput, characterId: string): ItemDefinition | undefined {
  const table = input.defs.tables.DestinyInventoryItemDefinition as
    Record<string, ItemDefinition> | undefined;
  for (const item of input.profile.items) {
    if (item.place.kind === "equipped" && item.place.characterId === characterId) {
      const meta = input.defs.meta.get(item.itemHash);
      if (meta?.kind === "emblem") return table?.[String(item.itemHash)];
    }
  }
  return undefined;
}

export function renderCharacter(
  input: RenderInput,
  character: WorldCharacter,
): DestinyCharacterComponent {
  const light = characterLight(input.profile, character.characterId);
  const emblem = equippedEmblem(input, character.characterId);
  const armorStats: Record<number, number> = { [StatHashes.Power]: light };
  for (const item of input.profile.items) {
    if (item.place.kind !== "equipped" || item.place.characterId !== character.characterId)
      continue;
    if (input.defs.meta.get(item.itemHash)?.kind !== "armor") continue;
    for (const [hash, value] of Object.entries(item.stats ?? {})) {
      armorStats[Number(hash)] = Math.min(200, (armorStats[Number(hash)] ?? 0) + value);
    }
  }
  return {
    membershipId: input.profile.membershipId,
    membershipType: input.profile.membershipType as 3,
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

export function renderProfileComponent(input: RenderInput): DestinyProfileComponent {
  const { profile } = input;
  const lastPlayed = Math.max(0, ...profile.characters.map((c) => c.dateLastPlayed));
  return {
    userInfo: { supplementalDisplayName: "", ...profileCard(profile) },
    dateLastPlayed: isoDate(lastPlayed || Date.UTC(2017, 8, 6)),
    versionsOwned: 2147483647 as 0,
    characterIds: profile.characters.map((c) => c.characterId),
    seasonHashes: [],
    seasonPassHashes: [],
    eventCardHashesOwned: [],
    currentGuardianRank: profile.guardianRank,
    lifetimeHighestGuardianRank: profile.guardianRank,
    renewedGuardianRank: 0,
  };
}

export function renderActivities(
  input: RenderInput,
  character: WorldCharacter,
): Omit<
  DestinyCharacterActivitiesComponent,
  "difficultyTierCollections" | "selectableSkullCollections"
> {
  const a = input.defs.activities;
  const hashByActivity: Record<WorldCharacter["activity"], number> = {
    offline: 0,
    orbit: a.orbit,
    tower: a.tower,
    strike: a.strike,
    raid: a.raid,
    crucible: a.crucible,
    patrol: a.patrol,
  };
  const modeByActivity: Record<WorldCharacter["activity"], number[]> = {
    offline: [],
    orbit: [],
    tower: [40],
    strike: [3, 18, 7],
    raid: [4, 7],
    crucible: [10, 5],
    patrol: [6, 7],
  };
  const current = hashByActivity[character.activity];
  const modes = modeByActivity[character.activity];
  return {
    dateActivityStarted: isoDate(
      character.activity === "offline"
        ? character.dateLastPlayed
        : Math.min(input.now, character.dateLastPlayed),
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

/** Item components (300-310) for the items the caller may see. */
function itemComponents(
  input: RenderInput,
  items: readonly WorldItem[],
  view: EquipView,
): Record<string, unknown> {
  const { components, defs } = input;
  const instanced = items.filter((i) => i.itemInstanceId !== undefined);
  const table = (component: number, make: (item: WorldItem) => unknown) => {
    const data: Record<string, unknown> = {};
    for (const item of instanced) {
      const value = make(item);
      if (value !== undefined) data[item.itemInstanceId as string] = value;
    }
    return { data, privacy: 1 };
  };
  const out: Record<string, unknown> = {};
  if (components.has(300))
    out.instances = table(300, (i) => renderInstance(i, defs.meta.get(i.itemHash), view));
  if (components.has(301)) out.objectives = { data: {}, privacy: 1 };
  if (components.has(302)) {
    out.perks = table(302, (i) => (i.plugs ? renderPerks(i, defs) : undefined));
  }
  if (components.has(303)) out.renderData = { data: {}, privacy: 1 };
  if (components.has(304)) out.stats = table(304, (i) => (i.stats ? renderStats(i) : undefined));
  if (components.has(305))
    out.sockets = table(305, (i) => (i.plugs ? renderSockets(i) : undefined));
  if (components.has(306)) out.talentGrids = { data: {}, privacy: 1 };
  if (components.has(308)) out.plugStates = { data: {}, privacy: 1 };
  if (components.has(309)) out.plugObjectives = { data: {}, privacy: 1 };
  if (components.has(310)) {
    out.reusablePlugs = table(310, (i) => {
      const meta = defs.meta.get(i.itemHash);
      return meta && meta.socketOptions.length > 0 ? renderReusablePlugs(meta) : undefined;
    });
  }
  return out;
}

const ITEM_COMPONENTS = [300, 301, 302, 303, 304, 305, 306, 308, 309, 310];

export function renderProfileResponse(input: RenderInput): ProfileResponseOut {
  const { profile, components, defs } = input;
  const minted = isoDate(input.now);
  const out: { -readonly [K in keyof ProfileResponseOut]: unknown } = {
    responseMintedTimestamp: minted,
    secondaryComponentsMintedTimestamp: minted,
  };
  const characters = profile.characters;
  const view = buildEquipView(profile, defs);
  const meta = (item: WorldItem) => defs.meta.get(item.itemHash);
  const has = (c: number) => components.has(c);

  if (has(101)) out.vendorReceipts = wrap(input, 101, () => ({ receipts: [] }));
  if (has(102)) {
    out.profileInventory = wrap(input, 102, () => ({
      items: profile.items
        .filter((i) => i.place.kind === "vault" || i.place.kind === "profile")
        .map((i) => renderItem(i, meta(i))),
    }));
  }
  if (has(103)) {
    out.profileCurrencies = wrap(input, 103, () => ({
      items: profile.items
        .filter((i) => i.place.kind === "currency" && meta(i)?.bucketHash !== 2689798310)
        .map((i) => renderItem(i, meta(i))),
    }));
  }
  if (has(100)) out.profile = wrap(input, 100, () => renderProfileComponent(input));
  if (has(105)) {
    out.platformSilver = wrap(input, 105, () => {
      const silver = profile.items.find(
        (i) => i.place.kind === "currency" && meta(i)?.bucketHash === 2689798310,
      );
      const platformSilver: Record<string, unknown> = {};
      const names: Record<number, string> = {
        1: "TigerXbox",
        2: "TigerPsn",
        3: "TigerSteam",
        4: "TigerBlizzard",
        5: "TigerStadia",
        6: "TigerEgs",
      };
      // Enum-keyed map: keys are the BungieMembershipType names (Bungie-net/api#1374).
      for (const type of profile.applicableMembershipTypes.length > 0
        ? profile.applicableMembershipTypes
        : [profile.membershipType]) {
        const name = names[type];
        if (!name) continue;
        platformSilver[name] =
          type === profile.membershipType && silver
            ? renderItem(silver, meta(silver))
            : {
                ...renderItem(
                  { itemHash: 3147280338, quantity: 0, state: 0, place: { kind: "currency" } },
                  undefined,
                ),
                bucketHash: 2689798310,
              };
      }
      return { platformSilver };
    });
  }
  if (has(104)) out.profileProgression = wrap(input, 104, () => ({ checklists: {} }));
  if (has(500)) out.profileKiosks = wrap(input, 500, () => ({ kioskItems: {} }));
  if (has(305)) out.profilePlugSets = wrap(input, 305, () => ({ plugs: {} }));
  if (has(700)) out.profilePresentationNodes = wrap(input, 700, () => ({ nodes: {} }));
  // Collections: class armour per character, the rest account-wide (as Bungie splits them).
  // Acquisition is account-wide in the sandbox, so every character lists every class's armour
  // with the same state.
  const collectibles = has(800) ? collectibleEntries(defs, profile) : [];
  if (has(800)) {
    out.profileCollectibles = wrap(input, 800, () => ({
      recentCollectibleHashes: [],
      newnessFlaggedCollectibleHashes: [],
      collectibles: collectiblesDictionary(collectibles, "profile"),
      collectionCategoriesRootNodeHash: 3790247699,
      collectionBadgesRootNodeHash: 498211331,
    }));
  }
  if (has(900))
    out.profileRecords = wrap(input, 900, () => ({
      score: 0,
      activeScore: 0,
      legacyScore: 0,
      lifetimeScore: 0,
      records: {},
      recordCategoriesRootNodeHash: 0,
      recordSealsRootNodeHash: 0,
    }));
  if (has(1000)) out.profileTransitoryData = { privacy: 2 };
  if (has(1100)) out.metrics = wrap(input, 1100, () => ({ metrics: {}, metricsRootNodeHash: 0 }));
  if (has(1200))
    out.profileStringVariables = wrap(input, 1200, () => ({ integerValuesByHash: {} }));
  if (has(1400))
    out.profileCommendations = wrap(input, 1400, () => ({
      totalScore: 0,
      scoreDetailValues: [],
      commendationNodeScoresByHash: {},
      commendationScoresByHash: {},
    }));

  if (has(200)) out.characters = dict(input, 200, characters, (c) => renderCharacter(input, c));
  if (has(201)) {
    out.characterInventories = dict(input, 201, characters, (c) => ({
      items: characterItems(profile, c.characterId, false).map((i) => renderItem(i, meta(i))),
    }));
  }
  if (has(206)) out.characterLoadouts = dict(input, 206, characters, () => ({ loadouts: [] }));
  if (has(202)) {
    out.characterProgressions = dict(input, 202, characters, emptyProgressions);
  }
  if (has(203)) {
    out.characterRenderData = dict(input, 203, characters, (c) => ({
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
        equipment: characterItems(profile, c.characterId, true).map((i) => ({
          itemHash: i.itemHash,
          dyes: [],
        })),
      },
    }));
  }
  if (has(204))
    out.characterActivities = dict(input, 204, characters, (c) => renderActivities(input, c));
  if (has(205)) {
    out.characterEquipment = dict(input, 205, characters, (c) => ({
      items: characterItems(profile, c.characterId, true).map((i) => renderItem(i, meta(i))),
    }));
  }
  if (has(500)) out.characterKiosks = dict(input, 500, characters, () => ({ kioskItems: {} }));
  if (has(305)) out.characterPlugSets = dict(input, 305, characters, () => ({ plugs: {} }));
  if (has(700))
    out.characterPresentationNodes = dict(input, 700, characters, () => ({ nodes: {} }));
  if (has(900))
    out.characterRecords = dict(input, 900, characters, () => ({
      featuredRecordHashes: [],
      records: {},
      recordCategoriesRootNodeHash: 0,
      recordSealsRootNodeHash: 0,
    }));
  if (has(800)) {
    const perCharacter = collectiblesDictionary(collectibles, "character");
    out.characterCollectibles = dict(input, 800, characters, () => ({
      collectibles: perCharacter,
      collectionCategoriesRootNodeHash: 0,
      collectionBadgesRootNodeHash: 0,
    }));
  }
  if (has(1200))
    out.characterStringVariables = dict(input, 1200, characters, () => ({
      integerValuesByHash: {},
    }));
  if (has(1300))
    out.characterCraftables = dict(input, 1300, characters, () => ({
      craftables: {},
      craftingRootNodeHash: 0,
    }));
  if (has(600))
    out.characterCurrencyLookups = dict(input, 600, characters, () => ({ itemQuantities: {} }));

  if (ITEM_COMPONENTS.some(has)) {
    // Others only see equipped items (CharacterEquipment is public); the owner sees everything.
    const visible = input.owner
      ? profile.items
      : profile.availability === "public"
        ? profile.items.filter((i) => i.place.kind === "equipped")
        : [];
    out.itemComponents = itemComponents(input, visible, view);
  }
  return out;
}

export function renderCharacterResponse(
  input: RenderInput,
  character: WorldCharacter,
): CharacterResponseOut {
  const { profile, components, defs } = input;
  const view = buildEquipView(profile, defs);
  const meta = (item: WorldItem) => defs.meta.get(item.itemHash);
  const has = (c: number) => components.has(c);
  const out: { -readonly [K in keyof CharacterResponseOut]: unknown } = {};
  if (has(201)) {
    out.inventory = wrap(input, 201, () => ({
      items: characterItems(profile, character.characterId, false).map((i) =>
        renderItem(i, meta(i)),
      ),
    }));
  }
  if (has(200)) out.character = wrap(input, 200, () => renderCharacter(input, character));
  if (has(202)) out.progressions = wrap(input, 202, emptyProgressions);
  if (has(204)) out.activities = wrap(input, 204, () => renderActivities(input, character));
  if (has(205)) {
    out.equipment = wrap(input, 205, () => ({
      items: characterItems(profile, character.characterId, true).map((i) =>
        renderItem(i, meta(i)),
      ),
    }));
  }
  if (has(206)) out.loadouts = wrap(input, 206, () => ({ loadouts: [] }));
  if (has(500)) out.kiosks = wrap(input, 500, () => ({ kioskItems: {} }));
  if (has(305)) out.plugSets = wrap(input, 305, () => ({ plugs: {} }));
  if (has(600)) out.currencyLookups = wrap(input, 600, () => ({ itemQuantities: {} }));
  if (has(800)) {
    out.collectibles = wrap(input, 800, () => ({
      collectibles: collectiblesDictionary(collectibleEntries(defs, profile), "character"),
      collectionCategoriesRootNodeHash: 0,
      collectionBadgesRootNodeHash: 0,
    }));
  }
  if (ITEM_COMPONENTS.some(has)) {
    const mine = profile.items.filter(
      (i) =>
        (i.place.kind === "inventory" ||
          i.place.kind === "equipped" ||
          i.place.kind === "postmaster") &&
        i.place.characterId === character.characterId,
    );
    const visible = input.owner
      ? mine
      : profile.availability === "public"
        ? mine.filter((i) => i.place.kind === "equipped")
        : [];
    out.itemComponents = itemComponents(input, visible, view);
  }
  return out;
}

export function renderItemResponse(input: RenderInput, item: WorldItem): ItemResponseOut {
  const { components, defs, profile } = input;
  const view = buildEquipView(profile, defs);
  const meta = defs.meta.get(item.itemHash);
  const visible =
    input.owner || (profile.availability === "public" && item.place.kind === "equipped");
  const single = <T>(make: () => T): Wrapper<T> =>
    visible ? { data: make(), privacy: 1 } : { privacy: 2 };
  const out: { -readonly [K in keyof ItemResponseOut]: unknown } = {};
  if ("characterId" in item.place) out.characterId = item.place.characterId;
  if (components.has(307)) out.item = single(() => renderItem(item, meta));
  if (components.has(300)) out.instance = single(() => renderInstance(item, meta, view));
  if (components.has(301))
    out.objectives = single(() => ({
      objectives: [],
      flavorObjective: undefined,
      dateCompleted: undefined,
    }));
  if (components.has(302)) out.perks = single(() => renderPerks(item, defs));
  if (components.has(303))
    out.renderData = single(() => ({ useCustomDyes: false, artRegions: {} }));
  if (components.has(304)) out.stats = single(() => renderStats(item));
  if (components.has(305)) out.sockets = single(() => renderSockets(item));
  if (components.has(310)) out.reusablePlugs = single(() => renderReusablePlugs(meta));
  if (components.has(309)) out.plugObjectives = single(() => ({ objectivesPerPlug: {} }));
  return out;
}

/** Component 202 (progressions) of a character: the sandbox models none, in Bungie's shape. */
function emptyProgressions() {
  return {
    progressions: {},
    factions: {},
    milestones: {},
    quests: [],
    uninstancedItemObjectives: {},
    uninstancedItemPerks: {},
    checklists: {},
  };
}
