// DestinyProfile (with component 206) + manifest definitions → the LoadoutsView. Pure: the
// loader passes in the definitions and how to turn an asset path into a URL.
import type { DestinyProfile, InGameLoadout, InventoryItem } from "@/lib/bungie/types";
import { BucketHashes, IN_GAME_LOADOUT_BUCKETS } from "@/lib/destiny/buckets";
import { UNSET_PLUG_HASH } from "@/lib/destiny/game-facts";
import { buildCharacterViews, type AssetUrl } from "@/lib/guardian/build-inventory-view";
import type { GuardianDefinitions } from "@/lib/guardian/definitions";
import type { CharacterView } from "@/lib/guardian/view-types";
import type { LoadoutDefinitions } from "./loadout-definitions";
import type {
  LoadoutIdentifierOption,
  LoadoutItemPlace,
  LoadoutItemView,
  LoadoutSlotView,
  LoadoutsView,
} from "./view-types";

/** The plugs a slot really sets: Bungie's UNSET marker (and 0) mean "leave the socket alone". */
export function setPlugs(plugItemHashes: readonly number[]): number[] {
  return plugItemHashes.filter((hash) => hash !== UNSET_PLUG_HASH && hash !== 0);
}

/** The hashes the loadouts view needs looked up, for loadGuardianDefinitions. */
export function loadoutDefinitionHashes(profile: DestinyProfile) {
  const byId = itemsById(profile.items);
  const items = new Set<number>();
  for (const slots of Object.values(loadoutsOf(profile))) {
    for (const slot of slots) {
      for (const entry of slot.items) {
        const item = byId.get(entry.itemInstanceId);
        if (item) items.add(item.itemHash);
        for (const plug of setPlugs(entry.plugItemHashes)) items.add(plug);
      }
    }
  }
  return {
    items,
    stats: [],
    races: profile.characters.map((c) => c.raceHash),
    genders: profile.characters.map((c) => c.genderHash),
    classes: profile.characters.map((c) => c.classHash),
    activities: profile.characters.flatMap((c) =>
      c.currentActivityHash === null ? [] : [c.currentActivityHash],
    ),
  };
}

/**
 * The profile's slots. A profile cached (in Redis) by a version of Warmind from before 206 was
 * read has none: treat it as no slots until the cache entry expires (15 s), never crash.
 */
function loadoutsOf(profile: DestinyProfile): DestinyProfile["loadouts"] {
  return (profile as Partial<DestinyProfile>).loadouts ?? {};
}

function itemsById(items: InventoryItem[]): Map<string, InventoryItem> {
  const byId = new Map<string, InventoryItem>();
  for (const item of items) if (item.itemInstanceId) byId.set(item.itemInstanceId, item);
  return byId;
}

function placeOf(item: InventoryItem | undefined, characters: CharacterView[]): LoadoutItemPlace {
  if (!item) return { kind: "missing" };
  if (item.location === "vault") return { kind: "vault" };
  const owner = characters.find((c) => c.characterId === item.ownerCharacterId);
  if (!owner) return { kind: "vault" };
  return { kind: item.location, characterId: owner.characterId, characterName: owner.name };
}

/** Game order: kinetic, energy, power, helmet ... class item, subclass; unknown buckets last. */
function bucketOrder(bucketHash: number): number {
  const at = (IN_GAME_LOADOUT_BUCKETS as readonly number[]).indexOf(bucketHash);
  return at === -1 ? IN_GAME_LOADOUT_BUCKETS.length : at;
}

export function buildLoadoutsView(
  profile: DestinyProfile,
  defs: GuardianDefinitions,
  loadoutDefs: LoadoutDefinitions,
  options: { assetUrl: AssetUrl; chosenCharacterId: string | null; loadedAt: number },
): LoadoutsView {
  const { assetUrl } = options;
  const url = (path: string | null) => (path ? assetUrl(path) : null);
  const characters = buildCharacterViews(profile.characters, defs, assetUrl);
  const byId = itemsById(profile.items);
  const names = new Map(loadoutDefs.names.map((d) => [d.hash, d]));
  const icons = new Map(loadoutDefs.icons.map((d) => [d.hash, d]));
  const colors = new Map(loadoutDefs.colors.map((d) => [d.hash, d]));
  const plugs: LoadoutsView["plugs"] = {};

  const itemView = (entry: InGameLoadout["items"][number]): LoadoutItemView => {
    const item = byId.get(entry.itemInstanceId);
    const def = item ? defs.item(item.itemHash) : null;
    const set = setPlugs(entry.plugItemHashes);
    for (const plug of set) {
      if (plugs[plug]) continue;
      const plugDef = defs.item(plug);
      plugs[plug] = {
        name: plugDef.displayProperties.name,
        icon: url(plugDef.displayProperties.icon),
        description: plugDef.displayProperties.description,
        typeName: plugDef.itemTypeDisplayName,
      };
    }
    return {
      itemInstanceId: entry.itemInstanceId,
      itemHash: item?.itemHash ?? null,
      name: def ? def.displayProperties.name || "Unknown item" : "Missing item",
      icon: url(def?.displayProperties.icon ?? null),
      typeName: def?.itemTypeDisplayName ?? "",
      bucketHash: def?.inventory.bucketTypeHash || item?.bucketHash || 0,
      rarity: def?.inventory.tierType ?? 0,
      power: item?.power ?? null,
      place: placeOf(item, characters),
      plugs: set,
    };
  };

  const slots: Record<string, LoadoutSlotView[]> = {};
  for (const character of characters) {
    const own = loadoutsOf(profile)[character.characterId] ?? [];
    slots[character.characterId] = own.map((slot) => {
      const all = slot.items.map(itemView);
      const subclass = all.find((i) => i.bucketHash === BucketHashes.Subclass) ?? null;
      const name = names.get(slot.nameHash);
      return {
        index: slot.index,
        nameHash: slot.nameHash,
        iconHash: slot.iconHash,
        colorHash: slot.colorHash,
        name: name?.displayProperties.name || `Loadout ${slot.index + 1}`,
        iconUrl: url(icons.get(slot.iconHash)?.displayProperties.icon ?? null),
        colorUrl: url(colors.get(slot.colorHash)?.displayProperties.icon ?? null),
        empty: slot.empty,
        items: all
          .filter((i) => i !== subclass)
          .sort((a, b) => bucketOrder(a.bucketHash) - bucketOrder(b.bucketHash)),
        subclass,
        missingCount: all.filter((i) => i.place.kind === "missing").length,
      };
    });
  }

  const option = (d: LoadoutDefinitions["names"][number]): LoadoutIdentifierOption => ({
    hash: d.hash,
    name: d.displayProperties.name,
    imageUrl: url(d.displayProperties.icon),
  });
  const chosen = characters.find((c) => c.characterId === options.chosenCharacterId);
  return {
    kind: "loadouts",
    characters,
    selectedCharacterId: chosen?.characterId ?? characters[0]?.characterId ?? null,
    slots,
    options: {
      names: loadoutDefs.names.map(option),
      icons: loadoutDefs.icons.map((d, n) => ({ ...option(d), name: `Icon ${n + 1}` })),
      colors: loadoutDefs.colors.map((d, n) => ({ ...option(d), name: `Colour ${n + 1}` })),
    },
    plugs,
    unavailable:
      profile.privateComponents.includes("characterLoadouts") ||
      (profile as Partial<DestinyProfile>).loadouts === undefined,
    loadedAt: options.loadedAt,
  };
}
