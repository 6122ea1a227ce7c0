import "server-only";
import { CLASS_NAMES, PLATFORM_NAMES, RaceHashes } from "@/lib/destiny/game-facts";
import { rankName } from "./format";
import type {
  CharacterView,
  MemberCharacter,
  MemberDetails,
  MemberDetailsView,
  RosterMember,
  RosterMemberView,
} from "./types";

/** Turns a character's hashes into names: from the manifest when it is loaded, else game facts. */
export type CharacterNamer = {
  className(character: MemberCharacter): string;
  raceName(character: MemberCharacter): string;
};

const RACE_NAMES: Record<number, string> = {
  [RaceHashes.Human]: "Human",
  [RaceHashes.Awoken]: "Awoken",
  [RaceHashes.Exo]: "Exo",
};

/** English names from the enum values and well-known hashes; needs no manifest. */
export const gameFactsNamer: CharacterNamer = {
  className: (c) => CLASS_NAMES[c.classType] ?? "Guardian",
  raceName: (c) => RACE_NAMES[c.raceHash] ?? "",
};

export type AssetUrl = (path: string | null) => string;

export function memberHref(member: { membershipType: number; membershipId: string }): string {
  return `/clan/member/${member.membershipType}/${member.membershipId}`;
}

export function toRosterView(member: RosterMember, viewerKey: string | null): RosterMemberView {
  return {
    ...member,
    platformName: PLATFORM_NAMES[member.membershipType] ?? "Destiny",
    rankName: rankName(member.memberType),
    href: memberHref(member),
    isViewer: member.key === viewerKey,
  };
}

function toCharacterView(
  c: MemberCharacter,
  namer: CharacterNamer,
  assetUrl: AssetUrl,
): CharacterView {
  return {
    characterId: c.characterId,
    classType: c.classType,
    className: namer.className(c),
    raceName: namer.raceName(c),
    light: c.light,
    dateLastPlayed: c.dateLastPlayed,
    minutesPlayedTotal: c.minutesPlayedTotal,
    emblemUrl: c.emblemPath ? assetUrl(c.emblemPath) : null,
    emblemBackgroundUrl: c.emblemBackgroundPath ? assetUrl(c.emblemBackgroundPath) : null,
  };
}

export function toDetailsView(
  details: MemberDetails,
  namer: CharacterNamer,
  assetUrl: AssetUrl,
): MemberDetailsView {
  if (details.status !== "ok") return details;
  return {
    ...details,
    characters: details.characters.map((c) => toCharacterView(c, namer, assetUrl)),
  };
}
