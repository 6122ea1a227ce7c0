// More enum values from Bungie's spec (REFERENCE.md "Enums"), as plain const objects: bungie-api-ts
// declares its enums `declare const enum`, which isolatedModules cannot read.

/** DestinyComponentType: the `components=` values of GetProfile, GetCharacter, GetItem, GetVendors. */
export const ComponentType = {
  None: 0,
  Profiles: 100,
  VendorReceipts: 101,
  ProfileInventories: 102,
  ProfileCurrencies: 103,
  ProfileProgression: 104,
  PlatformSilver: 105,
  Characters: 200,
  CharacterInventories: 201,
  CharacterProgressions: 202,
  CharacterRenderData: 203,
  CharacterActivities: 204,
  CharacterEquipment: 205,
  CharacterLoadouts: 206,
  ItemInstances: 300,
  ItemObjectives: 301,
  ItemPerks: 302,
  ItemRenderData: 303,
  ItemStats: 304,
  ItemSockets: 305,
  ItemTalentGrids: 306,
  ItemCommonData: 307,
  ItemPlugStates: 308,
  ItemPlugObjectives: 309,
  ItemReusablePlugs: 310,
  Vendors: 400,
  VendorCategories: 401,
  VendorSales: 402,
  Kiosks: 500,
  CurrencyLookups: 600,
  PresentationNodes: 700,
  Collectibles: 800,
  Records: 900,
  Transitory: 1000,
  Metrics: 1100,
  StringVariables: 1200,
  Craftables: 1300,
  SocialCommendations: 1400,
} as const;
export type ComponentTypeValue = (typeof ComponentType)[keyof typeof ComponentType];

/** ComponentPrivacySetting: a component the caller may not see comes back as `{ privacy: 2 }`. */
export const ComponentPrivacy = { None: 0, Public: 1, Private: 2 } as const;

/** GroupsV2.GroupType */
export const GroupType = { General: 0, Clan: 1 } as const;
/** GroupsV2.GroupsForMemberFilter */
export const GroupsForMemberFilter = { All: 0, Founded: 1, NonFounded: 2 } as const;
/** GroupsV2.RuntimeGroupMemberType */
export const RuntimeGroupMemberType = {
  None: 0,
  Beginner: 1,
  Member: 2,
  Admin: 3,
  ActingFounder: 4,
  Founder: 5,
} as const;
/** GetMembersOfGroup pages are fixed at this size (Bungie-net/api#102). */
export const GROUP_MEMBERS_PAGE_SIZE = 50;

/** Destiny.DestinyVendorFilter */
export const VendorFilter = { None: 0, ApiPurchasable: 1 } as const;

/** The activity hash a character reports while in orbit (DestinyActivityDefinition "Orbit"). */
export const ORBIT_ACTIVITY_HASH = 82913930;
