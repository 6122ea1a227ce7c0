import "server-only";
import type { UserInfoCard, UserMembershipData } from "bungie-api-ts/user";
import type { DestinyMembership, Memberships } from "../types";
import { formatBungieName } from "./bungie-name";
import { nonEmpty, toId } from "./common";

/** GetMembershipsForCurrentUser → Memberships. */
export function reshapeMemberships(data: UserMembershipData): Memberships {
  const user = data.bungieNetUser;
  const name = nonEmpty(user?.cachedBungieGlobalDisplayName);
  const code = user?.cachedBungieGlobalDisplayNameCode ?? null;
  const primaryMembershipId = nonEmpty(toId(data.primaryMembershipId));
  const memberships = (data.destinyMemberships ?? []).map(reshapeDestinyMembership);
  return {
    bungieNetUser: {
      membershipId: toId(user?.membershipId),
      bungieName: formatBungieName(name, code),
      displayName: name ?? user?.displayName ?? user?.uniqueName ?? "",
      code: name ? code : null,
      avatarPath: nonEmpty(user?.profilePicturePath),
    },
    destinyMemberships: markPrimary(memberships, primaryMembershipId),
    primaryMembershipId,
  };
}

/** A UserInfoCard (or GroupUserInfoCard) → DestinyMembership; isPrimary is decided by the list. */
export function reshapeDestinyMembership(card: UserInfoCard): DestinyMembership {
  const name = nonEmpty(card.bungieGlobalDisplayName);
  return {
    membershipType: card.membershipType,
    membershipId: toId(card.membershipId),
    displayName: name ?? card.displayName ?? "",
    bungieName: formatBungieName(name, card.bungieGlobalDisplayNameCode),
    crossSaveOverride: card.crossSaveOverride ?? 0,
    applicableMembershipTypes: [...(card.applicableMembershipTypes ?? [])],
    isPublic: card.isPublic ?? false,
    isPrimary: false,
    iconPath: nonEmpty(card.iconPath),
  };
}

/**
 * The Destiny account to use for this player:
 * 1. Bungie's primaryMembershipId (set for everyone in cross save);
 * 2. else the membership that cross save points at (membershipType === crossSaveOverride):
 *    the others with a non-zero override are hidden behind it and show its data;
 * 3. else the first membership not overridden (no cross save: one account per platform; Bungie
 *    lists them in its own order and Warmind lets the player switch).
 */
export function pickPrimaryMembership(
  memberships: Pick<Memberships, "destinyMemberships" | "primaryMembershipId">,
): DestinyMembership | null {
  const list = memberships.destinyMemberships;
  if (memberships.primaryMembershipId) {
    const primary = list.find((m) => m.membershipId === memberships.primaryMembershipId);
    if (primary) return primary;
  }
  const crossSaveTarget = list.find(
    (m) => m.crossSaveOverride !== 0 && m.crossSaveOverride === m.membershipType,
  );
  if (crossSaveTarget) return crossSaveTarget;
  return list.find((m) => m.crossSaveOverride === 0) ?? list[0] ?? null;
}

function markPrimary(
  list: DestinyMembership[],
  primaryMembershipId: string | null,
): DestinyMembership[] {
  const primary = pickPrimaryMembership({ destinyMemberships: list, primaryMembershipId });
  return list.map((m) => ({ ...m, isPrimary: m === primary }));
}
