// DestinyProfile (lib/bungie) + manifest definitions → the InventoryView the page sends to the
// browser. Pure: the loader passes in the definitions and how to turn an asset path into a URL.
import type { Character, DestinyProfile, InventoryItem } from "@/lib/bungie/types";
import {
  BucketHashes,
  CHARACTER_BUCKET_CAPACITY,
  POSTMASTER_CAPACITY,
  POSTMASTER_WARNING_AT,
  VAULT_CAPACITY,
} from "@/lib/destiny/buckets";
import { CLASS_NAMES, RARITY_NAMES, TransferStatus } from "@/lib/destiny/game-facts";
import { stackKey, uniqueLabelOf } from "@/lib/destiny/planner-state";
import type { GuardianDefinitions } from "./definitions";
import type { CharacterView, InventoryView, ItemView, PlugView } from "./view-types";

export type AssetUrl = (path: string | null | undefined) => string;

/** The hashes a profile needs looked up, for loadGuardianDefinitions. */
export function definitionHashes(profile: DestinyProfile) {
  const items = new Set<number>();
  const stats = new Set<number>();
  for (const item of profile.items) {
    items.add(item.itemHash);
    for (const plug of item.sockets) if (plug !== null) items.add(plug);
    for (const stat of item.stats) stats.add(stat.statHash);
  }
  for (const currency of profile.currencies) items.add(currency.itemHash);
  return {
    items,
    stats,
    races: profile.characters.map((c) => c.raceHash),
    genders: profile.characters.map((c) => c.genderHash),
    classes: profile.characters.map((c) => c.classHash),
    activities: profile.characters.flatMap((c) =>
      c.currentActivityHash === null ? [] : [c.currentActivityHash],
    ),
  };
}

/** DestinyActivityModeType.Social: the Tower and other social spaces, where equipping works. */
const SOCIAL_MODE = 40;

/**
 * Whether equipping is refused where the character is. lib/bungie knows orbit; social spaces
 * (the Tower) are told apart by their activity definition's mode.
 */
export function equipBlocked(character: Character, defs: GuardianDefinitions): boolean | null {
  if (character.inActivity !== true || character.currentActivityHash === null) {
    return character.inActivity;
  }
  const activity = defs.activity(character.currentActivityHash);
  const social =
    !activity.unknown &&
    (activity.directActivityModeType === SOCIAL_MODE ||
      activity.activityModeTypes.includes(SOCIAL_MODE));
  return !social;
}

export function buildCharacterViews(
  characters: Character[],
  defs: GuardianDefinitions,
  assetUrl: AssetUrl,
): CharacterView[] {
  const perClass = new Map<number, number>();
  return characters.map((c) => {
    const seen = (perClass.get(c.classType) ?? 0) + 1;
    perClass.set(c.classType, seen);
    const classDef = defs.classDef(c.classHash);
    const className =
      classDef.genderedClassNamesByGenderHash[String(c.genderHash)] ??
      (classDef.unknown ? undefined : classDef.displayProperties.name) ??
      CLASS_NAMES[c.classType] ??
      "Guardian";
    const race = defs.race(c.raceHash);
    const gender = defs.gender(c.genderHash);
    const twins = characters.filter((o) => o.classType === c.classType).length > 1;
    return {
      characterId: c.characterId,
      classType: c.classType,
      name: twins ? `${className} ${seen}` : className,
      className,
      raceName:
        race.genderedRaceNamesByGenderHash[String(c.genderHash)] ??
        (race.unknown ? "" : race.displayProperties.name),
      genderName: gender.unknown ? "" : gender.displayProperties.name,
      light: c.light,
      emblemUrl: c.emblemPath ? assetUrl(c.emblemPath) : null,
      emblemBackgroundUrl: c.emblemBackgroundPath ? assetUrl(c.emblemBackgroundPath) : null,
      inActivity: equipBlocked(c, defs),
      dateLastPlayed: c.dateLastPlayed,
      minutesPlayedTotal: c.minutesPlayedTotal,
    };
  });
}

/** One InventoryItem as the page (and the planner) sees it. */
export function buildItemView(
  item: InventoryItem,
  key: string,
  defs: GuardianDefinitions,
  assetUrl: AssetUrl,
): ItemView {
  const def = defs.item(item.itemHash);
  // Vaulted items report the vault's bucket; the definition says where they go on a character.
  const bucketHash =
    def.inventory.bucketTypeHash ||
    (item.bucketHash === BucketHashes.General ? 0 : item.bucketHash);
  const rarity = def.inventory.tierType;
  return {
    key,
    itemInstanceId: item.itemInstanceId,
    itemHash: item.itemHash,
    name: def.displayProperties.name || "Unknown item",
    quantity: item.quantity,
    maxStackSize: Math.max(1, def.inventory.maxStackSize),
    bucketHash,
    location: item.location,
    ownerCharacterId: item.ownerCharacterId,
    classType: def.classType,
    rarity,
    uniqueLabel: uniqueLabelOf(def.equippingBlock?.uniqueLabel, rarity, bucketHash),
    locked: item.locked,
    lockable: item.lockable && item.itemInstanceId !== null,
    power: item.power,
    gearTier: item.gearTier,
    masterwork: item.masterwork,
    transferable:
      !def.nonTransferrable && (item.transferStatus & TransferStatus.NotTransferrable) === 0,
    equippable: def.equippable && item.itemInstanceId !== null,
    icon: def.displayProperties.icon ? assetUrl(def.displayProperties.icon) : null,
    typeName: def.itemTypeDisplayName,
    rarityName: def.inventory.tierTypeName || RARITY_NAMES[rarity] || "",
    damageType: item.damageType ?? (def.defaultDamageType || null),
    crafted: item.crafted,
    stats: Object.fromEntries(item.stats.map((s) => [s.statHash, s.value])),
    plugs: item.sockets.filter((p): p is number => p !== null && p !== 0),
    unknown: def.unknown,
  };
}

/** Keys for every item: instance ids, or per-place stack keys numbered in Bungie's order. */
export function itemKeys(items: InventoryItem[]): string[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    if (item.itemInstanceId) return item.itemInstanceId;
    const base = stackKey(item.itemHash, item.location, item.ownerCharacterId);
    const index = seen.get(base) ?? 0;
    seen.set(base, index + 1);
    return stackKey(item.itemHash, item.location, item.ownerCharacterId, index);
  });
}

export function buildInventoryView(
  profile: DestinyProfile,
  defs: GuardianDefinitions,
  options: { assetUrl: AssetUrl; chosenCharacterId: string | null; loadedAt: number },
): InventoryView {
  const { assetUrl } = options;
  const characters = buildCharacterViews(profile.characters, defs, assetUrl);
  const keys = itemKeys(profile.items);
  const items = profile.items.map((item, n) => buildItemView(item, keys[n]!, defs, assetUrl));

  const plugs: Record<string, PlugView> = {};
  const statNames: Record<string, string> = {};
  const descriptions: Record<string, string> = {};
  for (const item of items) {
    if (!(item.itemHash in descriptions)) {
      const def = defs.item(item.itemHash);
      const text = def.flavorText || def.displayProperties.description;
      if (text) descriptions[item.itemHash] = text;
    }
    for (const plug of item.plugs) {
      if (plugs[plug]) continue;
      const def = defs.item(plug);
      plugs[plug] = {
        name: def.displayProperties.name,
        icon: def.displayProperties.icon ? assetUrl(def.displayProperties.icon) : null,
        description: def.displayProperties.description,
      };
    }
    for (const statHash of Object.keys(item.stats)) {
      statNames[statHash] ??= defs.stat(Number(statHash)).displayProperties.name;
    }
  }

  const chosen = characters.find((c) => c.characterId === options.chosenCharacterId);
  return {
    kind: "inventory",
    characters,
    // Bungie lists characters most recently played first: that one is the default.
    selectedCharacterId: chosen?.characterId ?? characters[0]?.characterId ?? null,
    items,
    statNames,
    descriptions,
    plugs,
    privateComponents: profile.privateComponents,
    loadedAt: options.loadedAt,
    capacity: {
      vault: VAULT_CAPACITY,
      bucket: CHARACTER_BUCKET_CAPACITY,
      postmaster: POSTMASTER_CAPACITY,
      postmasterWarning: POSTMASTER_WARNING_AT,
    },
  };
}
