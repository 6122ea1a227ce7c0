// The clan page's own shapes. Plain JSON, so they cross to client components (sorting and
// filtering run in the browser) and into the shared cache; no `server-only` here because the
// client component imports the pure helpers that use them.

/** A member as GetMembersOfGroup lists them: known as soon as the roster pages arrive. */
export type RosterMember = {
  /** `${membershipType}:${membershipId}`: unique within a clan, stable across visits. */
  key: string;
  membershipType: number;
  membershipId: string;
  /** "Name#0042", or null for an account that never chose a Bungie Name. */
  bungieName: string | null;
  displayName: string;
  /** RuntimeGroupMemberType: 1 Beginner, 2 Member, 3 Admin, 4 Acting founder, 5 Founder. */
  memberType: number;
  isOnline: boolean;
  /** Epoch seconds of the last online/offline change; 0 when Bungie did not say. */
  lastOnlineStatusChange: number;
  joinDate: string | null;
};

export type ClanSummary = {
  groupId: string;
  name: string;
  motto: string;
  about: string;
  callsign: string | null;
  creationDate: string | null;
  memberCount: number;
  founder: { bungieName: string | null; displayName: string } | null;
};

/** A clan and its whole roster, as cached (public data, shared by every viewer). */
export type ClanRoster = {
  clan: ClanSummary;
  members: RosterMember[];
  /** Epoch ms when the roster was read from Bungie (the page says how fresh it is). */
  fetchedAt: number;
};

export type MemberCharacter = {
  characterId: string;
  /** DestinyClass: 0 Titan, 1 Hunter, 2 Warlock. */
  classType: number;
  classHash: number;
  raceHash: number;
  genderHash: number;
  light: number;
  dateLastPlayed: string | null;
  minutesPlayedTotal: number;
  emblemPath: string | null;
  emblemBackgroundPath: string | null;
};

/** Why a member's details could not be shown; the row says so and the page carries on. */
export type DetailsUnavailableReason = "throttled" | "maintenance" | "timeout" | "error";

/** A member's public profile: what the roster fills in as each one arrives. */
export type MemberDetails =
  | {
      status: "ok";
      bungieName: string | null;
      displayName: string;
      /** Most recently played first. */
      characters: MemberCharacter[];
      /** Sum over the characters (Bungie has no account-wide total in the public components). */
      minutesPlayedTotal: number;
      /** Highest character light; null without characters. */
      maxLight: number | null;
      dateLastPlayed: string | null;
    }
  /** The player set their Destiny profile to private: characters come back `{privacy: 2}`. */
  | { status: "private" }
  /** Bungie has no Destiny profile for this membership (DestinyAccountNotFound). */
  | { status: "not-found" }
  | { status: "unavailable"; reason: DetailsUnavailableReason };

/** Character and member details as the browser gets them: names resolved, image URLs built. */
export type CharacterView = {
  characterId: string;
  classType: number;
  className: string;
  raceName: string;
  light: number;
  dateLastPlayed: string | null;
  minutesPlayedTotal: number;
  emblemUrl: string | null;
  emblemBackgroundUrl: string | null;
};

export type MemberDetailsView =
  | (Omit<Extract<MemberDetails, { status: "ok" }>, "characters"> & {
      characters: CharacterView[];
    })
  | Exclude<MemberDetails, { status: "ok" }>;

/** A member's details: at hand when the server had them cached, else streamed as a promise. */
export type DetailsOrPromise = MemberDetailsView | Promise<MemberDetailsView>;

export type RosterMemberView = RosterMember & {
  platformName: string;
  rankName: string;
  /** The member's public summary page. */
  href: string;
  isViewer: boolean;
};
