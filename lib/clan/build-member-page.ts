import "server-only";
import { PLATFORM_NAMES } from "@/lib/destiny/game-facts";
import type { ClanPageDeps } from "./build-clan-page";
import type { MemberDetailsView, RosterMemberView } from "./types";
import { toDetailsView, toRosterView } from "./views";

export type MemberPageData = {
  membershipType: number;
  membershipId: string;
  platformName: string;
  /** Best name known: the roster's, else the profile's; null when neither says. */
  name: string | null;
  /** The member as the viewer's clan lists them; null when not in the viewer's clan. */
  clanEntry: RosterMemberView | null;
  clanName: string | null;
  details: MemberDetailsView;
  now: number;
};

/** The same sources as the clan page: the member page reuses what the roster cached. */
export type MemberPageDeps = ClanPageDeps;

/**
 * A member's public summary. Usually free: the roster page has just cached this profile. The
 * viewer's clan (also cached) adds rank and join date when the member is a clan mate.
 */
export async function buildMemberPage(
  member: { membershipType: number; membershipId: string },
  viewer: { membershipType: number; membershipId: string },
  deps: MemberPageDeps,
): Promise<MemberPageData> {
  const { source } = deps;
  const [details, roster, namer] = await Promise.all([
    source.getMemberDetails(member),
    // The clan is extra context: if Bungie can't give it, the summary still shows.
    source
      .findClanOf(viewer)
      .then((m) => (m ? source.getRoster(m) : null))
      .catch(() => null),
    deps.namer,
  ]);
  const key = `${member.membershipType}:${member.membershipId}`;
  const entry = roster?.members.find((m) => m.key === key);
  const clanEntry = entry
    ? toRosterView(entry, `${viewer.membershipType}:${viewer.membershipId}`)
    : null;
  const profileName =
    details.status === "ok" ? (details.bungieName ?? (details.displayName || null)) : null;
  return {
    ...member,
    platformName: PLATFORM_NAMES[member.membershipType] ?? "Destiny",
    name: clanEntry?.bungieName ?? profileName ?? clanEntry?.displayName ?? null,
    clanEntry,
    clanName: clanEntry ? (roster?.clan.name ?? null) : null,
    details: toDetailsView(details, namer, deps.assetUrl),
    now: deps.now ?? Date.now(),
  };
}
