import "server-only";
import type {
  DestinyCharacterActivitiesComponent,
  DestinyCharacterComponent,
  DestinyCharacterResponse,
  DestinyItemComponentSetOfint64,
  DestinyItemResponse,
  DestinyProfileResponse,
} from "bungie-api-ts/destiny2";
import { ORBIT_ACTIVITY_HASH } from "@/lib/destiny/api-enums";
import { ItemLocation as ApiItemLocation } from "@/lib/destiny/game-facts";
import { BucketHashes } from "@/lib/destiny/buckets";
import type {
  Character,
  CharacterDetails,
  DestinyProfile,
  InventoryItem,
  ItemLocation,
} from "../types";
import { formatBungieName } from "./bungie-name";
import { componentData, nonEmpty, optionalNumber, toId, toNumber } from "./common";
import { locationOf, reshapeItem, type ItemComponentLookup } from "./items";
import { reshapeLoadouts } from "./loadouts";

/** GetProfile → DestinyProfile. Components not requested or private are simply absent. */
export function reshapeProfile(data: DestinyProfileResponse): DestinyProfile {
  const privateComponents: string[] = [];
  const lookup = itemLookup(data.itemComponents, privateComponents);

  const profile = componentData(data.profile, "profile", privateComponents);
  const characters = componentData(data.characters, "characters", privateComponents) ?? {};
  const activities =
    componentData(data.characterActivities, "characterActivities", privateComponents) ?? {};
  const equipment =
    componentData(data.characterEquipment, "characterEquipment", privateComponents) ?? {};
  const inventories =
    componentData(data.characterInventories, "characterInventories", privateComponents) ?? {};
  const vault = componentData(data.profileInventory, "profileInventory", privateComponents);
  const currencies = componentData(data.profileCurrencies, "profileCurrencies", privateComponents);
  const loadouts = reshapeLoadouts(data.characterLoadouts, privateComponents);

  const items: InventoryItem[] = [];
  for (const [characterId, inventory] of Object.entries(equipment)) {
    for (const item of inventory.items ?? []) {
      items.push(reshapeItem(item, "equipped", characterId, lookup));
    }
  }
  for (const [characterId, inventory] of Object.entries(inventories)) {
    for (const item of inventory.items ?? []) {
      items.push(reshapeItem(item, locationOf(item, "character"), characterId, lookup));
    }
  }
  for (const item of vault?.items ?? []) {
    items.push(reshapeItem(item, locationOf(item, "profile"), null, lookup));
  }

  const userInfo = profile?.userInfo;
  const displayName = nonEmpty(userInfo?.bungieGlobalDisplayName) ?? userInfo?.displayName ?? "";
  return {
    profile: profile
      ? {
          membershipType: userInfo?.membershipType ?? 0,
          membershipId: toId(userInfo?.membershipId),
          displayName,
          bungieName: formatBungieName(
            nonEmpty(userInfo?.bungieGlobalDisplayName),
            userInfo?.bungieGlobalDisplayNameCode,
          ),
          dateLastPlayed: nonEmpty(profile.dateLastPlayed),
          characterIds: (profile.characterIds ?? []).map(toId),
        }
      : null,
    characters: Object.values(characters)
      .map((c) => reshapeCharacter(c, activities[toId(c.characterId)]))
      .sort((a, b) => b.dateLastPlayed.localeCompare(a.dateLastPlayed)),
    items,
    currencies: (currencies?.items ?? []).map((i) => ({
      itemHash: i.itemHash,
      quantity: i.quantity ?? 0,
    })),
    loadouts,
    privateComponents,
    mintedAt: nonEmpty(data.responseMintedTimestamp),
  };
}

export function reshapeCharacter(
  c: DestinyCharacterComponent,
  activities?: DestinyCharacterActivitiesComponent,
): Character {
  const activityHash = activities ? toNumber(activities.currentActivityHash) : null;
  return {
    characterId: toId(c.characterId),
    membershipId: toId(c.membershipId),
    membershipType: c.membershipType,
    classType: c.classType,
    classHash: c.classHash,
    raceHash: c.raceHash,
    genderHash: c.genderHash,
    light: c.light ?? 0,
    emblemHash: optionalNumber(c.emblemHash),
    emblemPath: nonEmpty(c.emblemPath),
    emblemBackgroundPath: nonEmpty(c.emblemBackgroundPath),
    titleRecordHash: optionalNumber(c.titleRecordHash),
    dateLastPlayed: c.dateLastPlayed ?? "",
    minutesPlayedTotal: toNumber(c.minutesPlayedTotal),
    inActivity: activities ? isInActivity(activities) : null,
    currentActivityHash: activityHash === null || activityHash === 0 ? null : activityHash,
  };
}

/** Social spaces (the Tower…) report this mode; equipping works there, as in orbit. */
const SOCIAL_MODE = 40;

/**
 * Whether the game would refuse to equip (1671) because the character is in an activity.
 * Offline (hash 0), orbit (Bungie's orbit hash, or an activity with no mode) and social spaces
 * (mode Social) are fine: the spec allows equipping "in a social space, in orbit, or offline".
 */
function isInActivity(activities: DestinyCharacterActivitiesComponent): boolean {
  const hash = toNumber(activities.currentActivityHash);
  if (hash === 0 || hash === ORBIT_ACTIVITY_HASH) return false;
  const modes: number[] = [...(activities.currentActivityModeTypes ?? [])];
  if (typeof activities.currentActivityModeType === "number") {
    modes.push(activities.currentActivityModeType);
  }
  return modes.length > 0 && !modes.includes(SOCIAL_MODE);
}

/** GetCharacter → CharacterDetails (its inventory, equipment and, if asked, activities). */
export function reshapeCharacterResponse(
  data: DestinyCharacterResponse,
  characterId: string,
): CharacterDetails {
  const privateComponents: string[] = [];
  const lookup = itemLookup(data.itemComponents, privateComponents);
  const character = componentData(data.character, "character", privateComponents);
  const activities = componentData(data.activities, "activities", privateComponents);
  const equipment = componentData(data.equipment, "equipment", privateComponents);
  const inventory = componentData(data.inventory, "inventory", privateComponents);
  const items = [
    ...(equipment?.items ?? []).map((i) => reshapeItem(i, "equipped", characterId, lookup)),
    ...(inventory?.items ?? []).map((i) =>
      reshapeItem(i, locationOf(i, "character"), characterId, lookup),
    ),
  ];
  return {
    character: character ? reshapeCharacter(character, activities) : null,
    items,
    privateComponents,
  };
}

/** GetItem → InventoryItem, or null when the item component (307) is missing or private. */
export function reshapeItemResponse(data: DestinyItemResponse): InventoryItem | null {
  const privateComponents: string[] = [];
  const item = componentData(data.item, "item", privateComponents);
  if (!item) return null;
  const instance = componentData(data.instance, "instance", privateComponents);
  const stats = componentData(data.stats, "stats", privateComponents);
  const sockets = componentData(data.sockets, "sockets", privateComponents);
  const id = toId(item.itemInstanceId);
  const characterId = nonEmpty(toId(data.characterId));
  let location: ItemLocation;
  if (instance?.isEquipped) location = "equipped";
  else if (item.location === ApiItemLocation.Vault || item.bucketHash === BucketHashes.General) {
    location = "vault";
  } else if (
    item.location === ApiItemLocation.Postmaster ||
    item.bucketHash === BucketHashes.LostItems
  ) {
    location = "postmaster";
  } else location = "inventory";
  return reshapeItem(item, location, characterId, {
    instances: instance ? { [id]: instance } : undefined,
    stats: stats ? { [id]: stats } : undefined,
    sockets: sockets ? { [id]: sockets } : undefined,
  });
}

function itemLookup(
  components: DestinyItemComponentSetOfint64 | undefined,
  privateOut: string[],
): ItemComponentLookup {
  return {
    instances: componentData(components?.instances, "itemInstances", privateOut),
    stats: componentData(components?.stats, "itemStats", privateOut),
    sockets: componentData(components?.sockets, "itemSockets", privateOut),
  };
}
