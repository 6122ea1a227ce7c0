// Warmind's own shapes for what Bungie.net returns. Pages and client components get these, never
// raw API responses: plain JSON (strings, numbers, booleans, arrays, plain objects), int64 ids as
// strings, missing data as null. Client components may use them with `import type` (erased at
// build time, so the server-only marker below never reaches the browser bundle).
import "server-only";

/** BungieMembershipType value (1 Xbox, 2 PSN, 3 Steam, … 254 Bungie.net). */
export type MembershipTypeValue = number;

export type BungieNetUser = {
  /** Bungie.net (type 254) membership id. */
  membershipId: string;
  /** "Name#0042", or null for an account that never chose a Bungie Name. */
  bungieName: string | null;
  displayName: string;
  /** The four-digit Bungie Name code as a number (42 for "#0042"), or null. */
  code: number | null;
  /** Path below the Bungie origin, e.g. "/img/profile/avatars/default_avatar.gif". */
  avatarPath: string | null;
};

export type DestinyMembership = {
  membershipType: MembershipTypeValue;
  membershipId: string;
  displayName: string;
  bungieName: string | null;
  /** The membership type whose progress this one shows under cross save; 0 when none. */
  crossSaveOverride: MembershipTypeValue;
  applicableMembershipTypes: MembershipTypeValue[];
  isPublic: boolean;
  /** The account to use: cross-save primary, or the only/first playable membership. */
  isPrimary: boolean;
  iconPath: string | null;
};

export type Memberships = {
  bungieNetUser: BungieNetUser;
  destinyMemberships: DestinyMembership[];
  /** Bungie's cross-save primary membership id, when the player has cross save. */
  primaryMembershipId: string | null;
};

/** Where an item is, from the player's point of view. */
export type ItemLocation = "equipped" | "inventory" | "vault" | "postmaster";

export type ItemStat = { statHash: number; value: number };

export type InventoryItem = {
  /** null for non-instanced items (stacks of materials, consumables). */
  itemInstanceId: string | null;
  itemHash: number;
  quantity: number;
  bucketHash: number;
  location: ItemLocation;
  /**
   * The character holding it; null in the vault and for account-wide inventory buckets
   * (consumables, mods) that live on the profile.
   */
  ownerCharacterId: string | null;
  isEquipped: boolean;
  canEquip: boolean;
  locked: boolean;
  masterwork: boolean;
  crafted: boolean;
  /** Primary stat value (Power for weapons and armour); null when not instanced/visible. */
  power: number | null;
  /**
   * Edge of Fate's gear tier (1-5) of a weapon or armour piece (`gearTier`, component 300); null
   * for gear from before it, everything else, or when instances were not read.
   */
  gearTier: number | null;
  /** DamageType enum value; null when unknown. */
  damageType: number | null;
  damageTypeHash: number | null;
  /** Raw ItemState flags. */
  state: number;
  /** Raw TransferStatuses flags (0 = can transfer). */
  transferStatus: number;
  lockable: boolean;
  stats: ItemStat[];
  /** Plug hash per socket index; null for an empty socket. Empty when sockets weren't loaded. */
  sockets: (number | null)[];
  overrideStyleItemHash: number | null;
  expirationDate: string | null;
};

export type Character = {
  characterId: string;
  membershipId: string;
  membershipType: MembershipTypeValue;
  /** DestinyClass: 0 Titan, 1 Hunter, 2 Warlock. */
  classType: number;
  classHash: number;
  raceHash: number;
  genderHash: number;
  light: number;
  emblemHash: number | null;
  emblemPath: string | null;
  emblemBackgroundPath: string | null;
  titleRecordHash: number | null;
  dateLastPlayed: string;
  minutesPlayedTotal: number;
  /**
   * True when the character is in an activity other than orbit (equipping then fails with 1671);
   * null when activities (component 204) were not requested or are private.
   */
  inActivity: boolean | null;
  currentActivityHash: number | null;
};

export type Currency = { itemHash: number; quantity: number };

/** One item of an in-game loadout slot (DestinyLoadoutItemComponent). */
export type InGameLoadoutItem = {
  itemInstanceId: string;
  /**
   * Bungie's plugItemHashes as sent: one per socket of the item, in socket order; a socket the
   * loadout leaves alone holds UNSET_PLUG_HASH (lib/destiny/game-facts).
   */
  plugItemHashes: number[];
};

/** One of a character's in-game loadout slots (DestinyLoadoutComponent), with its place. */
export type InGameLoadout = {
  /** The slot's index: what EquipLoadout & co. take as `loadoutIndex`. */
  index: number;
  /** DestinyLoadoutNameDefinition / IconDefinition / ColorDefinition hashes. */
  nameHash: number;
  iconHash: number;
  colorHash: number;
  /** The slot's real items; entries with itemInstanceId "0" (nothing saved there) are left out. */
  items: InGameLoadoutItem[];
  /** Nothing saved in the slot (all of its entries were "0"): EquipLoadout would refuse it. */
  empty: boolean;
};

export type ProfileSummary = {
  membershipType: MembershipTypeValue;
  membershipId: string;
  displayName: string;
  bungieName: string | null;
  dateLastPlayed: string | null;
  characterIds: string[];
};

export type DestinyProfile = {
  /** null when the Profiles component (100) was not requested or is private. */
  profile: ProfileSummary | null;
  /** Most recently played first, as in the game's character select. */
  characters: Character[];
  items: InventoryItem[];
  currencies: Currency[];
  /**
   * characterId -> the character's in-game loadout slots in index order (component 206; owner
   * only). Empty when 206 was not requested or is private.
   */
  loadouts: Record<string, InGameLoadout[]>;
  /** Names of components that came back `{privacy: 2}` (e.g. "profileInventory"). */
  privateComponents: string[];
  /** When Bungie built this response (its data can be up to a minute old). */
  mintedAt: string | null;
};

export type CharacterDetails = {
  character: Character | null;
  items: InventoryItem[];
  privateComponents: string[];
};

export type EquipResult = { itemInstanceId: string; equipStatus: number; ok: boolean };

export type VendorCost = { itemHash: number; quantity: number };

export type VendorSale = {
  vendorItemIndex: number;
  itemHash: number;
  quantity: number;
  costs: VendorCost[];
  /** VendorItemStatus flags (0 = can buy); 0 for public vendor data, which has none. */
  saleStatus: number;
  overrideNextRefreshDate: string | null;
  apiPurchasable: boolean;
  /**
   * From the sale's item instance (GetVendor with component 300): its power and gear tier; absent
   * when instances were not read (GetVendors never sends them), null when the sale has none.
   */
  power?: number | null;
  gearTier?: number | null;
};

export type Vendor = {
  vendorHash: number;
  nextRefreshDate: string | null;
  enabled: boolean;
  /** null for public vendor data, which doesn't know the player. */
  canPurchase: boolean | null;
  /** Sorted by vendorItemIndex. */
  sales: VendorSale[];
};

export type VendorList = {
  /** Sorted by vendorHash. */
  vendors: Vendor[];
  privateComponents: string[];
};

export type ClanMember = {
  groupId: string;
  /** RuntimeGroupMemberType: 1 Beginner … 3 Admin, 5 Founder. */
  memberType: number;
  isOnline: boolean;
  /** Epoch seconds of the last online/offline change; 0 when unknown. */
  lastOnlineStatusChange: number;
  joinDate: string | null;
  membershipType: MembershipTypeValue;
  membershipId: string;
  displayName: string;
  bungieName: string | null;
  bungieNetMembershipId: string | null;
  iconPath: string | null;
};

export type Group = {
  groupId: string;
  name: string;
  /** GroupType: 0 General, 1 Clan. */
  groupType: number;
  motto: string;
  about: string;
  memberCount: number;
  isPublic: boolean;
  creationDate: string | null;
  callsign: string | null;
  avatarPath: string | null;
  bannerPath: string | null;
  founder: ClanMember | null;
};

export type GroupMembership = {
  group: Group;
  member: ClanMember;
  /** Bungie's "areAllMembershipsInactive" for this group. */
  inactive: boolean;
};

export type BungieTokens = {
  accessToken: string;
  /** Warmind is a confidential client, so Bungie always sends one (public clients get none). */
  refreshToken: string;
  /** Epoch seconds. */
  accessTokenExpiresAt: number;
  /** Epoch seconds (90 days after issue at Bungie). */
  refreshTokenExpiresAt: number;
  /** Bungie.net (254) membership id: not a Destiny membership. */
  bungieMembershipId: string;
  tokenType: string;
};
