// A tiny scripted Bungie.net for the clan source: routes GroupV2 and GetProfile calls to
// answers built from a member list, and records every call.
import { createBungieClient } from "@/lib/bungie/http";
import { unlimited } from "@/lib/bungie/limits";

export type FakeMember = {
  membershipType: number;
  membershipId: string;
  name: string;
  memberType?: number;
  isOnline?: boolean;
  /** How GetProfile answers for this member. */
  profile?: "public" | "private" | { errorCode: number; throttleSeconds?: number; status?: number };
  characters?: { classType: number; light: number; minutes: number; lastPlayed: string }[];
};

export type FakeClan = {
  groupId: string;
  name: string;
  /** What GetGroupsForMember says; the real roster may disagree. */
  memberCount?: number;
  members: FakeMember[];
};

const ok = (Response: unknown) => ({
  Response,
  ErrorCode: 1,
  ThrottleSeconds: 0,
  ErrorStatus: "Success",
  Message: "Ok",
  MessageData: {},
});

const fail = (ErrorCode: number, ThrottleSeconds = 0) => ({
  ErrorCode,
  ThrottleSeconds,
  ErrorStatus: `Error${ErrorCode}`,
  Message: "Nope",
  MessageData: {},
});

function groupMember(clan: FakeClan, m: FakeMember) {
  return {
    memberType: m.memberType ?? 2,
    isOnline: m.isOnline ?? false,
    lastOnlineStatusChange: "1700000000",
    groupId: clan.groupId,
    destinyUserInfo: {
      membershipType: m.membershipType,
      membershipId: m.membershipId,
      displayName: m.name.toLowerCase(),
      bungieGlobalDisplayName: m.name,
      bungieGlobalDisplayNameCode: 42,
      LastSeenDisplayName: m.name,
      crossSaveOverride: 0,
      applicableMembershipTypes: [m.membershipType],
      isPublic: true,
      iconPath: "",
    },
    bungieNetUserInfo: { membershipType: 254, membershipId: `9${m.membershipId}` },
    joinDate: "2020-01-01T00:00:00Z",
  };
}

function groupDetail(clan: FakeClan) {
  return {
    groupId: clan.groupId,
    name: clan.name,
    groupType: 1,
    motto: "Eyes up",
    about: "About us",
    memberCount: clan.memberCount ?? clan.members.length,
    isPublic: true,
    creationDate: "2018-09-14T19:30:00Z",
    clanInfo: { clanCallsign: "TST" },
  };
}

function profileResponse(m: FakeMember) {
  if (m.profile === "private") {
    return ok({ profile: { privacy: 2 }, characters: { privacy: 2 } });
  }
  const characters = m.characters ?? [
    { classType: 2, light: 540, minutes: 6000, lastPlayed: "2026-11-20T10:00:00Z" },
  ];
  const data: Record<string, unknown> = {};
  characters.forEach((c, i) => {
    const characterId = `${m.membershipId}${i}`;
    data[characterId] = {
      membershipId: m.membershipId,
      membershipType: m.membershipType,
      characterId,
      dateLastPlayed: c.lastPlayed,
      minutesPlayedThisSession: "0",
      minutesPlayedTotal: String(c.minutes),
      light: c.light,
      stats: {},
      raceHash: 3887404748,
      genderHash: 3111576190,
      classHash: 0,
      raceType: 0,
      classType: c.classType,
      genderType: 0,
      emblemPath: "/common/destiny2_content/icons/emblem.jpg",
      emblemBackgroundPath: "/common/destiny2_content/icons/emblem-bg.jpg",
      emblemHash: 1,
      levelProgression: {},
      baseCharacterLevel: 50,
      percentToNextLevel: 0,
    };
  });
  return ok({
    profile: {
      privacy: 1,
      data: {
        userInfo: {
          membershipType: m.membershipType,
          membershipId: m.membershipId,
          displayName: m.name.toLowerCase(),
          bungieGlobalDisplayName: m.name,
          bungieGlobalDisplayNameCode: 42,
        },
        dateLastPlayed: characters[0]?.lastPlayed ?? "2026-01-01T00:00:00Z",
        characterIds: Object.keys(data),
      },
    },
    characters: { privacy: 1, data },
  });
}

export type Call = { path: string; query: URLSearchParams };

/**
 * A client for `clans` (the viewer's key "type:id" → clan). `delayMs` makes every answer slow,
 * so tests can see how many requests were in flight at once.
 */
export function fakeBungie(options: {
  clans: Record<string, FakeClan>;
  delayMs?: number;
  pageSize?: number;
  /** Calls whose path matches answer with this error instead. */
  fail?: { path: RegExp; errorCode: number; status?: number };
}) {
  const calls: Call[] = [];
  let inFlight = 0;
  let peakInFlight = 0;
  const pageSize = options.pageSize ?? 50;
  const allClans = Object.values(options.clans);

  function answer(path: string, query: URLSearchParams): { status: number; body: unknown } {
    if (options.fail?.path.test(path)) {
      return { status: options.fail.status ?? 500, body: fail(options.fail.errorCode) };
    }
    let match = /^\/GroupV2\/User\/(\d+)\/(\d+)\/0\/1\/$/.exec(path);
    if (match) {
      const clan = options.clans[`${match[1]}:${match[2]}`];
      const me = clan?.members.find((m) => m.membershipId === match![2]);
      return {
        status: 200,
        body: ok({
          results: clan && me ? [{ member: groupMember(clan, me), group: groupDetail(clan) }] : [],
          totalResults: clan ? 1 : 0,
          hasMore: false,
          areAllMembershipsInactive: {},
        }),
      };
    }
    match = /^\/GroupV2\/(\d+)\/Members\/$/.exec(path);
    if (match) {
      const clan = allClans.find((c) => c.groupId === match![1]);
      if (!clan) return { status: 500, body: fail(622) };
      const page = Number(query.get("currentpage") ?? "1");
      const slice = clan.members.slice((page - 1) * pageSize, page * pageSize);
      return {
        status: 200,
        body: ok({
          results: slice.map((m) => groupMember(clan, m)),
          totalResults: clan.members.length,
          hasMore: page * pageSize < clan.members.length,
        }),
      };
    }
    match = /^\/GroupV2\/(\d+)\/$/.exec(path);
    if (match) {
      const clan = allClans.find((c) => c.groupId === match![1]);
      if (!clan) return { status: 500, body: fail(622) };
      const founder = clan.members[0];
      return {
        status: 200,
        body: ok({ detail: groupDetail(clan), founder: founder && groupMember(clan, founder) }),
      };
    }
    match = /^\/Destiny2\/(\d+)\/Profile\/(\d+)\/$/.exec(path);
    if (match) {
      const member = allClans
        .flatMap((c) => c.members)
        .find((m) => m.membershipId === match![2] && String(m.membershipType) === match![1]);
      if (!member) return { status: 500, body: fail(1601) };
      const p = member.profile;
      if (p && typeof p === "object") {
        return { status: p.status ?? 500, body: fail(p.errorCode, p.throttleSeconds) };
      }
      return { status: 200, body: profileResponse(member) };
    }
    return { status: 404, body: fail(21) };
  }

  const fetch = async (input: string | URL | Request) => {
    const url = new URL(String(input));
    const path = url.pathname.replace(/^\/Platform/, "");
    calls.push({ path, query: url.searchParams });
    inFlight++;
    peakInFlight = Math.max(peakInFlight, inFlight);
    try {
      if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
      const { status, body } = answer(path, url.searchParams);
      return new Response(JSON.stringify(body), { status });
    } finally {
      inFlight--;
    }
  };

  const client = createBungieClient({
    origin: "http://bungie.test",
    apiKey: "test-key",
    limiter: unlimited,
    fetch: fetch as typeof globalThis.fetch,
    logger: () => {},
    retry: { baseDelayMs: 1, maxDelayMs: 2, minThrottleWaitMs: 1, maxThrottleWaitMs: 50 },
    random: () => 0,
  });
  return {
    client,
    calls,
    get peakInFlight() {
      return peakInFlight;
    },
    count: (pattern: RegExp) => calls.filter((c) => pattern.test(c.path)).length,
  };
}

/** `n` members with ids 4611686018400000001… on Steam; the first is the founder. */
export function makeMembers(n: number, extra: (i: number) => Partial<FakeMember> = () => ({})) {
  return Array.from({ length: n }, (_, i) => ({
    membershipType: 3,
    membershipId: String(4611686018400000001n + BigInt(i)),
    name: `Guardian ${String(i).padStart(3, "0")}`,
    memberType: i === 0 ? 5 : 2,
    ...extra(i),
  }));
}
