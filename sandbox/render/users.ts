// User cards and Bungie.net users, as Bungie renders them. Dates are ISO-8601 without
// milliseconds ("2025-11-24T18:32:11Z"), the way Bungie formats them.
import type { DestinyProfileUserInfoCard } from "bungie-api-ts/destiny2";
import type { GroupUserInfoCard } from "bungie-api-ts/groupv2";
import type { GeneralUser, UserInfoCard } from "bungie-api-ts/user";
import type { BungieUser, DestinyProfile } from "../world/types";

/**
 * BungieMembershipType names: the keys of Bungie's enum-keyed maps (GetProfile's platformSilver,
 * GetGroup's currentUserMemberMap; Bungie-net/api#1374).
 */
export const MEMBERSHIP_TYPE_NAMES: Readonly<Record<number, string>> = {
  1: "TigerXbox",
  2: "TigerPsn",
  3: "TigerSteam",
  4: "TigerBlizzard",
  5: "TigerStadia",
  6: "TigerEgs",
};

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

const PLATFORM_ICONS: Record<number, string> = {
  1: "/img/theme/bungienet/icons/xboxLiveLogo.png",
  2: "/img/theme/bungienet/icons/psnLogo.png",
  3: "/img/theme/bungienet/icons/steamLogo.png",
  4: "/img/theme/bungienet/icons/blizzardLogo.png",
  5: "/img/theme/bungienet/icons/stadiaLogo.png",
  6: "/img/theme/bungienet/icons/egsLogo.png",
  254: "/img/theme/bungienet/icons/bungieNetLogo.png",
};

/** Bungie omits supplementalDisplayName on these cards. */
export type UserInfoCardOut = Omit<UserInfoCard, "supplementalDisplayName">;
export type GroupUserInfoCardOut = Omit<GroupUserInfoCard, "supplementalDisplayName">;
export type ProfileCardOut = Omit<
  DestinyProfileUserInfoCard,
  "supplementalDisplayName" | "platformSilver"
>;

export function profileCard(profile: DestinyProfile): UserInfoCardOut {
  return {
    iconPath: PLATFORM_ICONS[profile.membershipType] ?? "",
    crossSaveOverride: profile.crossSaveOverride as 0,
    applicableMembershipTypes: profile.applicableMembershipTypes as 3[],
    isPublic: profile.isPublic,
    membershipType: profile.membershipType as 3,
    membershipId: profile.membershipId,
    displayName: profile.displayName,
    bungieGlobalDisplayName: profile.bungieGlobalDisplayName,
    bungieGlobalDisplayNameCode: profile.bungieGlobalDisplayNameCode,
  };
}

export function groupProfileCard(profile: DestinyProfile): GroupUserInfoCardOut {
  return {
    LastSeenDisplayName: profile.displayName,
    LastSeenDisplayNameType: profile.membershipType as 3,
    ...profileCard(profile),
  };
}

export function linkedProfileCard(profile: DestinyProfile): ProfileCardOut {
  const lastPlayed = Math.max(0, ...profile.characters.map((c) => c.dateLastPlayed));
  return {
    dateLastPlayed: isoDate(lastPlayed || Date.UTC(2017, 8, 6)),
    isOverridden: profile.isOverridden,
    isCrossSavePrimary: profile.isCrossSavePrimary,
    ...profileCard(profile),
  };
}

/** The Bungie.net (254) card of a user. */
export function bnetCard(user: BungieUser): UserInfoCardOut {
  return {
    iconPath: user.profilePicturePath,
    crossSaveOverride: 0,
    applicableMembershipTypes: [],
    isPublic: false,
    membershipType: 254,
    membershipId: user.membershipId,
    displayName: user.displayName,
    bungieGlobalDisplayName: user.bungieGlobalDisplayName,
    bungieGlobalDisplayNameCode: user.bungieGlobalDisplayNameCode,
  };
}

type PlatformNameKey =
  | "psnDisplayName"
  | "xboxDisplayName"
  | "fbDisplayName"
  | "blizzardDisplayName"
  | "steamDisplayName"
  | "stadiaDisplayName"
  | "twitchDisplayName"
  | "egsDisplayName";
/** Bungie only sends the platform names of platforms the user linked. */
export type GeneralUserOut = Omit<GeneralUser, PlatformNameKey> &
  Partial<Pick<GeneralUser, PlatformNameKey>>;

const PLATFORM_NAME_FIELDS: Partial<Record<number, PlatformNameKey>> = {
  1: "xboxDisplayName",
  2: "psnDisplayName",
  3: "steamDisplayName",
  4: "blizzardDisplayName",
  5: "stadiaDisplayName",
  6: "egsDisplayName",
};

export function generalUser(user: BungieUser, profiles: readonly DestinyProfile[]): GeneralUserOut {
  const platformNames: Partial<Record<PlatformNameKey, string>> = {};
  for (const profile of profiles) {
    const field = PLATFORM_NAME_FIELDS[profile.membershipType];
    if (field) platformNames[field] = profile.displayName;
  }
  return {
    membershipId: user.membershipId,
    uniqueName: `${user.bungieGlobalDisplayName}#${String(user.bungieGlobalDisplayNameCode).padStart(4, "0")}`,
    normalizedName: user.bungieGlobalDisplayName.toLowerCase(),
    displayName: user.displayName,
    profilePicture: user.profilePicture,
    profileTheme: 1000,
    userTitle: 0,
    successMessageFlags: "0",
    isDeleted: false,
    about: user.about,
    firstAccess: isoDate(user.firstAccess),
    lastUpdate: isoDate(user.lastUpdate),
    context: { isFollowing: false, ignoreStatus: { isIgnored: false, ignoreFlags: 0 } },
    showActivity: true,
    locale: "en",
    localeInheritDefault: true,
    showGroupMessaging: true,
    profilePicturePath: user.profilePicturePath,
    profilePictureWidePath: "",
    profileThemeName: "d2_25",
    userTitleDisplay: "Newbie",
    statusText: "",
    statusDate: "0001-01-01T00:00:00Z",
    cachedBungieGlobalDisplayName: user.bungieGlobalDisplayName,
    cachedBungieGlobalDisplayNameCode: user.bungieGlobalDisplayNameCode,
    ...platformNames,
  };
}
