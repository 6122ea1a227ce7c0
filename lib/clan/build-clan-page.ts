import "server-only";
import { withKnownValues } from "@/lib/async/known-within";
import { bungieTroubleMessage } from "./bungie-trouble";
import type { ClanSource } from "./clan-source";
import { rankName } from "./format";
import { DEFAULT_QUERY, viewRoster } from "./roster-view";
import type { ClanSummary, DetailsOrPromise, MemberDetailsView, RosterMemberView } from "./types";
import {
  gameFactsNamer,
  toDetailsView,
  toRosterView,
  type AssetUrl,
  type CharacterNamer,
} from "./views";

export type ClanPageData =
  | { kind: "no-clan" }
  | { kind: "unavailable"; message: string }
  | {
      kind: "clan";
      clan: ClanSummary;
      viewerRank: string;
      members: RosterMemberView[];
      /**
       * Per member key: the details when they were at hand (cached), else a promise handed to
       * the client component as it is: React streams each one into the page when it settles.
       * They never reject (see fetchMemberDetails).
       */
      details: Record<string, DetailsOrPromise>;
      /** Epoch ms the roster was read from Bungie. */
      fetchedAt: number;
      /** Epoch ms of this render, so server and browser print the same "3 h ago". */
      now: number;
    };

export type ClanPageDeps = {
  source: ClanSource;
  /** A promise is fine: names are only needed when details arrive, not for the roster. */
  namer: CharacterNamer | Promise<CharacterNamer>;
  assetUrl: AssetUrl;
  now?: number;
};

/**
 * The clan page for one Destiny account: waits for the clan and its roster (a few calls, or
 * none when cached) and starts every member's profile without waiting for them.
 */
export async function buildClanPage(
  account: { membershipType: number; membershipId: string },
  deps: ClanPageDeps,
): Promise<ClanPageData> {
  const { source } = deps;
  let membership, roster;
  try {
    membership = await source.findClanOf(account);
    if (!membership) return { kind: "no-clan" };
    roster = await source.getRoster(membership);
  } catch (error) {
    const message = bungieTroubleMessage(error);
    if (message === null) throw error;
    return { kind: "unavailable", message };
  }
  const viewerKey = `${account.membershipType}:${account.membershipId}`;
  // Queued in the page's default order, so the rows at the top fill in first.
  const ordered = viewRoster(roster.members, DEFAULT_QUERY);
  const pending = source.getAllDetails(ordered);
  const namer = Promise.resolve(deps.namer).catch(() => gameFactsNamer);
  const details: Record<string, Promise<MemberDetailsView>> = {};
  for (const [key, promise] of Object.entries(pending)) {
    details[key] = Promise.all([promise, namer]).then(([d, n]) =>
      toDetailsView(d, n, deps.assetUrl),
    );
  }
  return {
    kind: "clan",
    clan: roster.clan,
    viewerRank: rankName(membership.memberType),
    members: ordered.map((m) => toRosterView(m, viewerKey)),
    // A member whose details are cached is drawn complete in the page's HTML: a hundred
    // placeholders, hidden copies and swap scripts made a full clan's page slow on a phone.
    details: await withKnownValues(details),
    fetchedAt: roster.fetchedAt,
    now: deps.now ?? Date.now(),
  };
}
