import "server-only";
import type { DestinyProfileResponse } from "bungie-api-ts/destiny2";
import { classifyBungieTrouble, getProfile, reshapeProfile, type BungieClient } from "@/lib/bungie";
import { ComponentType } from "@/lib/destiny/api-enums";
import type { MemberDetails } from "./types";

/**
 * Public components only (profile and characters): they need no token, so one member's details
 * are the same for every viewer and can be cached and shared. Asking with the viewer's token
 * would put their own private data into a shared cache.
 */
export const MEMBER_COMPONENTS: readonly number[] = [
  ComponentType.Profiles,
  ComponentType.Characters,
];

/** GetProfile (public components) → the details a roster row shows. */
export function toMemberDetails(data: DestinyProfileResponse): MemberDetails {
  const profile = reshapeProfile(data);
  if (profile.privateComponents.includes("characters") && profile.characters.length === 0) {
    return { status: "private" };
  }
  const characters = profile.characters.map((c) => ({
    characterId: c.characterId,
    classType: c.classType,
    classHash: c.classHash,
    raceHash: c.raceHash,
    genderHash: c.genderHash,
    light: c.light,
    dateLastPlayed: c.dateLastPlayed || null,
    minutesPlayedTotal: c.minutesPlayedTotal,
    emblemPath: c.emblemPath,
    emblemBackgroundPath: c.emblemBackgroundPath,
  }));
  return {
    status: "ok",
    bungieName: profile.profile?.bungieName ?? null,
    displayName: profile.profile?.displayName ?? "",
    characters,
    minutesPlayedTotal: characters.reduce((sum, c) => sum + c.minutesPlayedTotal, 0),
    maxLight: characters.length ? Math.max(...characters.map((c) => c.light)) : null,
    dateLastPlayed: profile.profile?.dateLastPlayed ?? characters[0]?.dateLastPlayed ?? null,
  };
}

/**
 * What a failed GetProfile means for the row. Only the "no such profile" and privacy codes are
 * facts about the member; everything else is about Bungie right now and says "unavailable".
 */
export function detailsForError(error: unknown): MemberDetails {
  const trouble = classifyBungieTrouble(error);
  switch (trouble.kind) {
    case "not-found":
      return { status: "not-found" };
    case "private":
      return { status: "private" };
    case "throttled":
      return { status: "unavailable", reason: "throttled" };
    case "maintenance":
      return { status: "unavailable", reason: "maintenance" };
    case "unreachable":
      if (trouble.cause === "timeout") return { status: "unavailable", reason: "timeout" };
      return { status: "unavailable", reason: "error" };
    case "signed-out":
    case "other":
    case "not-bungie":
      return { status: "unavailable", reason: "error" };
  }
}

/**
 * One member's public profile. Never rejects: a private, missing or failed profile is a value
 * the row shows, so one bad member can't break the page. Throttles and transient failures have
 * already been retried by lib/bungie (reads only) before they end up here.
 */
export async function fetchMemberDetails(
  member: { membershipType: number; membershipId: string },
  options: { client?: BungieClient; timeoutMs?: number } = {},
): Promise<MemberDetails> {
  try {
    const data = await getProfile(
      {
        membershipType: member.membershipType,
        membershipId: member.membershipId,
        components: MEMBER_COMPONENTS,
      },
      { client: options.client, timeoutMs: options.timeoutMs },
    );
    return toMemberDetails(data);
  } catch (error) {
    return detailsForError(error);
  }
}
