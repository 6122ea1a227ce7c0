import "server-only";
import type { Pool } from "@/lib/async/pool";
import type { Cache } from "@/lib/cache/cache";
import {
  getGroup,
  getGroupsForMember,
  getMembersOfGroup,
  reshapeGroup,
  reshapeGroupMember,
  reshapeGroupsForMember,
  type BungieClient,
  type ClanMember,
  type Group,
} from "@/lib/bungie";
import {
  GROUP_MEMBERS_PAGE_SIZE,
  GroupType,
  RuntimeGroupMemberType,
} from "@/lib/destiny/api-enums";
import { fetchMemberDetails } from "./member-details";
import type { ClanRoster, ClanSummary, MemberDetails, RosterMember } from "./types";

/** About five minutes, as the issue asks: fresh enough for "who is online", cheap to revisit. */
export const CLAN_CACHE_TTL_MS = 5 * 60_000;
/**
 * A member whose profile failed (throttled, Bungie hiccup) is asked again after this, not on
 * every reload: reloading to "fix" a throttle would only make it worse.
 */
export const FAILED_DETAILS_TTL_MS = 30_000;
/** Clans hold at most 100 members; this only stops a misbehaving `hasMore`. */
const MAX_PAGES = 20;
/**
 * When this many members of one page load have failed (after lib/bungie's retries) and failures
 * outnumber successes, Bungie is down or throttling us: the members not yet asked are shown as
 * unavailable without a call, instead of 400 doomed requests and a 20-second page.
 */
export const GIVE_UP_AFTER_FAILURES = 5;

/** One page load's tally of member results, shared by its member fetches. */
type LoadTally = {
  failed: number;
  loaded: number;
  lastFailure: Extract<MemberDetails, { status: "unavailable" }> | null;
};

export type ClanMembership = {
  groupId: string;
  /** The player's own rank in the clan (RuntimeGroupMemberType). */
  memberType: number;
  clan: ClanSummary;
};

export type ClanSourceDeps = {
  /** The clan namespace of the app's cache (lib/cache): clans, rosters, member profiles. */
  cache: Cache;
  /** Bounds how many member profiles are fetched at once (app-wide when shared). */
  pool: Pool;
  /** Defaults to the app's client, whose limiter keeps every call under Bungie's rate. */
  client?: BungieClient;
  ttlMs?: number;
  failedTtlMs?: number;
  /** Per-attempt timeout of a member's profile read. */
  memberTimeoutMs?: number;
};

export type ClanSource = ReturnType<typeof createClanSource>;

export function rosterMember(member: ClanMember): RosterMember {
  return {
    key: `${member.membershipType}:${member.membershipId}`,
    membershipType: member.membershipType,
    membershipId: member.membershipId,
    bungieName: member.bungieName,
    displayName: member.displayName,
    memberType: member.memberType,
    isOnline: member.isOnline,
    lastOnlineStatusChange: member.lastOnlineStatusChange,
    joinDate: member.joinDate,
  };
}

function clanSummary(group: Group, founder: ClanSummary["founder"]): ClanSummary {
  return {
    groupId: group.groupId,
    name: group.name,
    motto: group.motto,
    about: group.about,
    callsign: group.callsign,
    creationDate: group.creationDate,
    memberCount: group.memberCount,
    founder,
  };
}

/** Reads clans, rosters and member profiles from Bungie through the short-lived cache. */
export function createClanSource(deps: ClanSourceDeps) {
  const { cache, pool, client } = deps;
  const ttlMs = deps.ttlMs ?? CLAN_CACHE_TTL_MS;
  const failedTtlMs = deps.failedTtlMs ?? FAILED_DETAILS_TTL_MS;
  const options = { client };

  /** The clan a Destiny membership belongs to (a player is in at most one), or null. */
  function findClanOf(account: {
    membershipType: number;
    membershipId: string;
  }): Promise<ClanMembership | null> {
    return cache.getOrLoad(
      `of:${account.membershipType}:${account.membershipId}`,
      async () => {
        const data = await getGroupsForMember(
          { membershipType: account.membershipType, membershipId: account.membershipId },
          options,
        );
        const found = reshapeGroupsForMember(data).find(
          (g) => g.group.groupType === GroupType.Clan,
        );
        if (!found) return null;
        return {
          groupId: found.group.groupId,
          memberType: found.member.memberType,
          clan: clanSummary(found.group, null),
        };
      },
      { ttlMs: () => ttlMs },
    );
  }

  async function readAllMembers(groupId: string, memberCount: number): Promise<ClanMember[]> {
    // All the pages the member count promises at once (two for a full clan), then any more
    // that Bungie says exist: the roster is one round trip after the clan lookup.
    const expected = Math.min(
      MAX_PAGES,
      Math.max(1, Math.ceil(memberCount / GROUP_MEMBERS_PAGE_SIZE)),
    );
    const pages = await Promise.all(
      Array.from({ length: expected }, (_, i) => getMembersOfGroup(groupId, i + 1, options)),
    );
    let last = pages[pages.length - 1];
    for (
      let page = expected + 1;
      page <= MAX_PAGES && last?.hasMore && last.results?.length;
      page++
    ) {
      last = await getMembersOfGroup(groupId, page, options);
      pages.push(last);
    }
    const members = new Map<string, ClanMember>();
    for (const page of pages) {
      for (const raw of page.results ?? []) {
        const member = reshapeGroupMember(raw);
        // Someone joining between two page reads can push a member onto the next page twice.
        members.set(`${member.membershipType}:${member.membershipId}`, member);
      }
    }
    return [...members.values()];
  }

  /** The whole roster of the player's clan, with its founder. */
  function getRoster(membership: ClanMembership): Promise<ClanRoster> {
    return cache.getOrLoad(
      `roster:${membership.groupId}`,
      async () => {
        const members = await readAllMembers(membership.groupId, membership.clan.memberCount);
        let founder: ClanMember | null =
          members.find((m) => m.memberType === RuntimeGroupMemberType.Founder) ?? null;
        let clan = membership.clan;
        // The founder is a member, so the roster names them; ask GetGroup only if it does not.
        if (!founder) {
          const group = reshapeGroup(await getGroup(membership.groupId, options));
          founder = group.founder;
          clan = clanSummary(group, null);
        }
        return {
          clan: {
            ...clan,
            memberCount: members.length,
            founder: founder
              ? { bungieName: founder.bungieName, displayName: founder.displayName }
              : null,
          },
          members: members.map(rosterMember),
          fetchedAt: Date.now(),
        };
      },
      { ttlMs: () => ttlMs },
    );
  }

  /** One member's public profile; never rejects (see fetchMemberDetails). */
  function getMemberDetails(
    member: { membershipType: number; membershipId: string },
    tally?: LoadTally,
  ): Promise<MemberDetails> {
    return cache.getOrLoad(
      `member:${member.membershipType}:${member.membershipId}`,
      () =>
        pool.run(async () => {
          // Checked when the call would start, so members queued behind the failures skip it.
          if (
            tally?.lastFailure &&
            tally.failed >= GIVE_UP_AFTER_FAILURES &&
            tally.failed > tally.loaded
          ) {
            return tally.lastFailure;
          }
          const details = await fetchMemberDetails(member, {
            ...options,
            timeoutMs: deps.memberTimeoutMs,
          });
          if (tally && details.status === "unavailable") {
            tally.failed++;
            tally.lastFailure = details;
          } else if (tally) tally.loaded++;
          return details;
        }),
      { ttlMs: (details) => (details.status === "unavailable" ? failedTtlMs : ttlMs) },
    );
  }

  /**
   * Starts fetching every member's details at once (the pool bounds how many run) in the given
   * order, and hands back one promise per member key for the page to stream.
   */
  function getAllDetails(members: readonly RosterMember[]): Record<string, Promise<MemberDetails>> {
    const tally: LoadTally = { failed: 0, loaded: 0, lastFailure: null };
    const out: Record<string, Promise<MemberDetails>> = {};
    for (const member of members) out[member.key] = getMemberDetails(member, tally);
    return out;
  }

  return { findClanOf, getRoster, getMemberDetails, getAllDetails };
}
