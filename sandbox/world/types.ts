// The sandbox's in-memory model of Bungie.net accounts, Destiny profiles and items. Every
// response is rendered from this model, and every action mutates it; keeping it small and
// plain lets GetProfile render 1,000+ items quickly and lets the rules stay pure functions.

/** Where an item is. The Bungie fields (location, bucketHash, transferStatus) derive from this. */
export type ItemPlace =
  | { kind: "vault" }
  /** Account-wide buckets on the profile inventory (consumables, modifications). */
  | { kind: "profile" }
  /** profileCurrencies (103): glimmer, shards, bright dust, silver. */
  | { kind: "currency" }
  | { kind: "inventory"; characterId: string }
  | { kind: "equipped"; characterId: string }
  | { kind: "postmaster"; characterId: string };

export interface WorldItem {
  itemHash: number;
  /** Absent for non-instanced stacks (consumables, mods, materials, currencies). */
  itemInstanceId?: string;
  quantity: number;
  place: ItemPlace;
  /** ItemState flags: 1 Locked, 2 Tracked, 4 Masterwork, 8 Crafted. */
  state: number;
  /** Instanced items only. */
  power?: number;
  /** Weapons and armour since Edge of Fate: 1-5 (instances, 300); absent on older gear. */
  gearTier?: number;
  stats?: Record<number, number>;
  plugs?: number[];
}

export const CHARACTER_ACTIVITIES = [
  "offline",
  "orbit",
  "tower",
  "strike",
  "raid",
  "crucible",
  "patrol",
] as const;
export type CharacterActivity = (typeof CHARACTER_ACTIVITIES)[number];

/** One item of an in-game loadout: its instance and the plugs the loadout puts in its sockets. */
export interface WorldLoadoutItem {
  itemInstanceId: string;
  /** One per socket; UNSET_PLUG_HASH leaves a socket as it is (weapons' always). */
  plugItemHashes: number[];
}

/** An in-game loadout slot (component 206); `items` empty for an empty slot. */
export interface WorldLoadout {
  nameHash: number;
  iconHash: number;
  colorHash: number;
  items: WorldLoadoutItem[];
}

export interface WorldCharacter {
  characterId: string;
  classType: 0 | 1 | 2;
  raceType: 0 | 1 | 2;
  genderType: 0 | 1;
  /** ms since epoch */
  dateLastPlayed: number;
  minutesPlayedThisSession: number;
  minutesPlayedTotal: number;
  /** Where the character is: equipping is allowed offline, in orbit and in the Tower. */
  activity: CharacterActivity;
  titleRecordHash?: number;
  /**
   * In-game loadout slots (DestinyLoadoutConstantsDefinition.loadoutCountPerCharacter of them);
   * absent: every slot empty.
   */
  loadouts?: WorldLoadout[];
}

export type ProfileAvailability =
  /** Normal public profile. */
  | "public"
  /** Bungie privacy setting "private": characters and inventories come back with privacy 2. */
  | "private"
  /** GetProfile fails with DestinyAccountNotFound (deleted / never played). */
  | "missing";

export interface DestinyProfile {
  membershipId: string;
  membershipType: number;
  /** Platform display name (e.g. the Steam persona). */
  displayName: string;
  bungieGlobalDisplayName: string;
  bungieGlobalDisplayNameCode: number;
  crossSaveOverride: number;
  applicableMembershipTypes: number[];
  /** True for a platform hidden behind another platform's cross-save. */
  isOverridden: boolean;
  isCrossSavePrimary: boolean;
  isPublic: boolean;
  availability: ProfileAvailability;
  bnetMembershipId?: string;
  characters: WorldCharacter[];
  items: WorldItem[];
  /** Items by instance id; kept in step with `items`. */
  byInstanceId: Map<string, WorldItem>;
  /** Bumped on every change, so cached renderings know to rebuild. */
  version: number;
  /** Clan members' gear is generated on first look, keeping world creation fast. */
  populate?: () => void;
  /** Shown as currentGuardianRank in the profile component. */
  guardianRank: number;
}

export interface BungieUser {
  /** Demo users have a key ("demo", "rival"...) the consent page and control API use. */
  key?: string;
  membershipId: string;
  displayName: string;
  bungieGlobalDisplayName: string;
  bungieGlobalDisplayNameCode: number;
  about: string;
  /** ms since epoch */
  firstAccess: number;
  lastUpdate: number;
  profilePicturePath: string;
  profilePicture: number;
  /** Destiny membership ids, in the order Bungie lists them. */
  destinyMembershipIds: string[];
  primaryMembershipId?: string;
  /** Shown on the consent page. */
  blurb?: string;
  /** Made by POST /__sandbox/players: accepted by key on the consent form, never listed. */
  unlisted?: boolean;
}

export interface ClanMember {
  membershipId: string;
  bnetMembershipId?: string;
  memberType: number;
  isOnline: boolean;
  /** seconds since epoch */
  lastOnlineStatusChange: number;
  /** ms since epoch */
  joinDate: number;
}

export interface Clan {
  groupId: string;
  name: string;
  motto: string;
  about: string;
  callsign: string;
  /** ms since epoch */
  creationDate: number;
  founderMembershipId: string;
  members: ClanMember[];
}

export interface World {
  seed: number;
  fullVault: boolean;
  /** Members the demo clan was built with, the demo player included. */
  clanSize: number;
  /** ms since epoch at which the world was built; demo dates are relative to it. */
  createdAt: number;
  users: Map<string, BungieUser>;
  usersByKey: Map<string, BungieUser>;
  profiles: Map<string, DestinyProfile>;
  clans: Clan[];
}
