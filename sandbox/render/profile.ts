// GetProfile rendered from a world profile: the profile-level components, then every
// character-level one as a dictionary by character id (render/character.ts), then the item
// components (render/item-components.ts), in Bungie's key order.
import type { DestinyProfileComponent, DestinyProfileResponse } from "bungie-api-ts/destiny2";
import { ComponentType } from "../../lib/destiny/api-enums";
import { CurrencyHashes } from "../../lib/destiny/game-facts";
import { CurrencyBucketHashes } from "../world/definitions/static-tables";
import { collectiblesDictionary } from "../world/collectibles";
import type { ManifestDefinitions } from "../world/definitions";
import type { PlugSetDefinition } from "../world/definitions/items";
import type { WorldItem } from "../world/types";
import { everyCharacter } from "./character";
import {
  type ComponentTable,
  keysFor,
  renderContext,
  type RenderContext,
  type RenderInput,
  renderTable,
  wrapped,
} from "./component-table";
import { itemComponentsEntry } from "./item-components";
import { renderItem } from "./items";
import { isoDate, MEMBERSHIP_TYPE_NAMES, profileCard } from "./users";

function renderProfileComponent(ctx: RenderContext): DestinyProfileComponent {
  const { profile } = ctx;
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

/** Silver lives in its own bucket: platformSilver (105) carries it, profileCurrencies not. */
const isSilver = (ctx: RenderContext, item: WorldItem) =>
  item.place.kind === "currency" && ctx.meta(item)?.bucketHash === CurrencyBucketHashes.Silver;

function renderPlatformSilver(ctx: RenderContext) {
  const { profile } = ctx;
  const silver = profile.items.find((i) => isSilver(ctx, i));
  const platformSilver: Record<string, unknown> = {};
  for (const type of profile.applicableMembershipTypes.length > 0
    ? profile.applicableMembershipTypes
    : [profile.membershipType]) {
    const name = MEMBERSHIP_TYPE_NAMES[type];
    if (!name) continue;
    platformSilver[name] =
      type === profile.membershipType && silver
        ? renderItem(silver, ctx.meta(silver))
        : {
            ...renderItem(
              {
                itemHash: CurrencyHashes.Silver,
                quantity: 0,
                state: 0,
                place: { kind: "currency" },
              },
              undefined,
            ),
            bucketHash: CurrencyBucketHashes.Silver,
          };
  }
  return { platformSilver };
}

const plugSetCache = new WeakMap<ManifestDefinitions, { plugs: Record<string, unknown[]> }>();

/** profilePlugSets: each reusable plug set with the plugs the account may insert (all of them). */
function unlockedPlugSets(defs: ManifestDefinitions) {
  let cached = plugSetCache.get(defs);
  if (!cached) {
    const table = (defs.tables.DestinyPlugSetDefinition ?? {}) as Record<string, PlugSetDefinition>;
    cached = {
      plugs: Object.fromEntries(
        Object.entries(table).map(([hash, set]) => [
          hash,
          set.reusablePlugItems.map((p) => ({
            plugObjectives: [],
            plugItemHash: p.plugItemHash,
            canInsert: true,
            enabled: true,
            insertFailIndexes: [],
            enableFailIndexes: [],
          })),
        ]),
      ),
    };
    plugSetCache.set(defs, cached);
  }
  return cached;
}

/** GetProfile, in Bungie's key order. */
const PROFILE_RESPONSE: ComponentTable<RenderContext, DestinyProfileResponse> = {
  vendorReceipts: wrapped("VendorReceipts", () => ({ receipts: [] })),
  profileInventory: wrapped("ProfileInventories", (ctx) => ({
    items: ctx.profile.items
      .filter((i) => i.place.kind === "vault" || i.place.kind === "profile")
      .map((i) => renderItem(i, ctx.meta(i))),
  })),
  profileCurrencies: wrapped("ProfileCurrencies", (ctx) => ({
    items: ctx.profile.items
      .filter((i) => i.place.kind === "currency" && !isSilver(ctx, i))
      .map((i) => renderItem(i, ctx.meta(i))),
  })),
  profile: wrapped("Profiles", renderProfileComponent),
  platformSilver: wrapped("PlatformSilver", renderPlatformSilver),
  profileProgression: wrapped("ProfileProgression", () => ({ checklists: {} })),
  profileKiosks: wrapped("Kiosks", () => ({ kioskItems: {} })),
  // Every subclass plug is unlocked in the sandbox (Bungie lists what the account has).
  profilePlugSets: wrapped("ItemSockets", (ctx) => unlockedPlugSets(ctx.defs)),
  profilePresentationNodes: wrapped("PresentationNodes", () => ({ nodes: {} })),
  // Collections: class armour per character (characterCollectibles), the rest account-wide.
  profileCollectibles: wrapped("Collectibles", (ctx) => ({
    recentCollectibleHashes: [],
    newnessFlaggedCollectibleHashes: [],
    collectibles: collectiblesDictionary(ctx.collectibles, "profile"),
    collectionCategoriesRootNodeHash: 3790247699,
    collectionBadgesRootNodeHash: 498211331,
  })),
  profileRecords: wrapped("Records", () => ({
    score: 0,
    activeScore: 0,
    legacyScore: 0,
    lifetimeScore: 0,
    records: {},
    recordCategoriesRootNodeHash: 0,
    recordSealsRootNodeHash: 0,
  })),
  // Transitory data (fireteam, current activity) is never shared, not even with the owner.
  profileTransitoryData: { components: ["Transitory"], render: () => ({ privacy: 2 }) },
  metrics: wrapped("Metrics", () => ({ metrics: {}, metricsRootNodeHash: 0 })),
  profileStringVariables: wrapped("StringVariables", () => ({ integerValuesByHash: {} })),
  profileCommendations: wrapped("SocialCommendations", () => ({
    totalScore: 0,
    scoreDetailValues: [],
    commendationNodeScoresByHash: {},
    commendationScoresByHash: {},
  })),
  characters: everyCharacter("Characters"),
  characterInventories: everyCharacter("CharacterInventories"),
  characterLoadouts: everyCharacter("CharacterLoadouts"),
  characterProgressions: everyCharacter("CharacterProgressions"),
  characterRenderData: everyCharacter("CharacterRenderData"),
  characterActivities: everyCharacter("CharacterActivities"),
  characterEquipment: everyCharacter("CharacterEquipment"),
  characterKiosks: everyCharacter("Kiosks"),
  characterPlugSets: everyCharacter("ItemSockets"),
  characterPresentationNodes: everyCharacter("PresentationNodes"),
  characterRecords: everyCharacter("Records"),
  characterCollectibles: everyCharacter("Collectibles"),
  characterStringVariables: everyCharacter("StringVariables"),
  characterCraftables: everyCharacter("Craftables"),
  characterCurrencyLookups: everyCharacter("CurrencyLookups"),
  itemComponents: itemComponentsEntry((ctx) => ctx.profile.items),
};

export function renderProfileResponse(input: RenderInput) {
  const minted = isoDate(input.now);
  return {
    responseMintedTimestamp: minted,
    secondaryComponentsMintedTimestamp: minted,
    ...renderTable(PROFILE_RESPONSE, input.components, renderContext(input)),
  };
}

/** The keys of DestinyProfileResponse that `components` ask for (to trim recordings). */
export function profileResponseKeys(components: ReadonlySet<number>): Set<string> {
  const keys = new Set(["responseMintedTimestamp", "secondaryComponentsMintedTimestamp"]);
  for (const key of keysFor(PROFILE_RESPONSE, components)) keys.add(key);
  // Real responses also carry a key the sandbox never renders.
  if (components.has(ComponentType.ItemObjectives)) keys.add("characterUninstancedItemComponents");
  return keys;
}
