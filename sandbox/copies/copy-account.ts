// A private copy of a demo account for one visitor of a public demo: the same Bungie.net user,
// Destiny profiles (characters, gear, vault, postmaster, currencies) and clan, under a new
// Bungie.net membership id, new Destiny membership ids and a clan of its own. Character and
// item instance ids stay as they are: they only mean something inside their profile, and
// tests that read the template before signing in keep pointing at the same things.
import { createPrng } from "../world/prng";
import { IdFactory } from "../world/ids";
import type { BungieUser, Clan, DestinyProfile, World } from "../world/types";

export interface AccountCopy {
  user: BungieUser;
  profiles: DestinyProfile[];
  /** The template's clans, each with the copy in the template's place. */
  clans: Clan[];
}

function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!;
}

/** Every id the world uses, so a copy never reuses one. */
function usedIds(world: World): Set<string> {
  const used = new Set<string>();
  for (const user of world.users.values()) used.add(user.membershipId);
  for (const profile of world.profiles.values()) {
    used.add(profile.membershipId);
    for (const character of profile.characters) used.add(character.characterId);
  }
  for (const clan of world.clans) used.add(clan.groupId);
  return used;
}

/**
 * Copies `template` (as it is now: a test may have changed it through the control API) and
 * adds the copy to the world. `profileOf` fills in lazily generated gear first.
 *
 * The new ids are random, never derived from the seed: the app keeps its users by Bungie.net
 * id in a database that outlives the sandbox (a restart rebuilds the world), so a copy made
 * after a restart must never get the id of an earlier visitor's copy. Hence also a Bungie.net
 * id of 15 digits (real ones have 8 today, but the type is int64): among a million visitors, a
 * repeat is about as likely as one in two thousand.
 */
export function copyAccount(
  world: World,
  template: BungieUser,
  profileOf: (membershipId: string) => DestinyProfile | undefined,
): AccountCopy {
  const random = createPrng(randomSeed());
  const used = usedIds(world);
  const ids = new IdFactory(random, used);
  let bnetId: string;
  do bnetId = `${random.int(100_000_000, 999_999_999)}${random.int(100_000, 999_999)}`;
  while (used.has(bnetId));
  used.add(bnetId);
  const destinyIds = new Map<string, string>();
  const profiles: DestinyProfile[] = [];
  for (const membershipId of template.destinyMembershipIds) {
    const original = profileOf(membershipId);
    if (!original) continue;
    // structuredClone keeps the item objects shared between `items` and `byInstanceId`.
    const profile = structuredClone({ ...original, populate: undefined });
    delete profile.populate;
    const copyId = ids.destinyMembership();
    destinyIds.set(membershipId, copyId);
    profile.membershipId = copyId;
    profile.bnetMembershipId = bnetId;
    profiles.push(profile);
  }
  const user: BungieUser = {
    ...structuredClone(template),
    key: undefined,
    membershipId: bnetId,
    destinyMembershipIds: template.destinyMembershipIds
      .map((id) => destinyIds.get(id))
      .filter((id): id is string => id !== undefined),
    primaryMembershipId: template.primaryMembershipId
      ? destinyIds.get(template.primaryMembershipId)
      : undefined,
    unlisted: true,
  };
  if (user.primaryMembershipId === undefined) delete user.primaryMembershipId;
  delete user.key;

  const clans: Clan[] = [];
  for (const clan of world.clans) {
    if (!clan.members.some((m) => m.bnetMembershipId === template.membershipId)) continue;
    const copy = structuredClone(clan);
    copy.groupId = ids.group();
    copy.founderMembershipId = destinyIds.get(clan.founderMembershipId) ?? clan.founderMembershipId;
    for (const member of copy.members) {
      if (member.bnetMembershipId === template.membershipId) member.bnetMembershipId = bnetId;
      member.membershipId = destinyIds.get(member.membershipId) ?? member.membershipId;
    }
    clans.push(copy);
  }

  world.users.set(user.membershipId, user);
  for (const profile of profiles) world.profiles.set(profile.membershipId, profile);
  world.clans.push(...clans);
  return { user, profiles, clans };
}

/** Takes a copy out of the world again. */
export function removeAccount(world: World, copy: AccountCopy): void {
  world.users.delete(copy.user.membershipId);
  for (const profile of copy.profiles) world.profiles.delete(profile.membershipId);
  const gone = new Set(copy.clans.map((clan) => clan.groupId));
  world.clans = world.clans.filter((clan) => !gone.has(clan.groupId));
}
