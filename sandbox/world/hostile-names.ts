// Script and HTML payloads where Bungie sends names, so an app can prove it shows them as text:
// the demo clan's name, motto and about, a clan member's name, two weapons and a vendor.
//
// The weapons and the vendor are in the manifest from the start (definitions/hostile-names.ts
// has every payload) but nothing generates them: apps re-check the manifest only now and then,
// so renaming definitions mid-run would not reach them, while who holds what and who sells what
// is live data. POST /__sandbox/hostile-names (applyHostileNames) changes this world only; a reset
// builds a world without them, and other sandboxes never see them.
import { BucketHashes } from "../../lib/destiny/buckets";
import { PowerLevels } from "../../lib/destiny/game-facts";
import type { ManifestDefinitions } from "./definitions";
import { HOSTILE_CLAN, HOSTILE_PLAYER_NAME, HOSTILE_VENDOR } from "./definitions/hostile-names";
import { createIdSequence, rollInstance } from "./items";
import { createPrng, fnv1a } from "./prng";
import type { World } from "./types";

export interface HostileNames {
  clan: { groupId: string; name: string; motto: string; about: string };
  /** The renamed clan member (a public profile the demo player shares a clan with). */
  member: { membershipId: string; membershipType: number; name: string };
  /** The demo player's equipped kinetic weapons, replaced by the hostile weapon. */
  items: { itemInstanceId: string; itemHash: number; characterId: string; name: string }[];
  /** The vendor selling both weapons, present in GetVendors from now until a reset. */
  vendor: { vendorHash: number; name: string; itemHashes: number[] };
}

/** A generated clan name ("Nova Runner"): the special members stay as the README lists them. */
const GENERATED_NAME = /^[A-Z][a-z]+ [A-Z][a-z]+$/;

export function applyHostileNames(world: World, defs: ManifestDefinitions): HostileNames {
  const demo = world.usersByKey.get("demo");
  const clan = world.clans.find((c) =>
    c.members.some((m) => demo && m.bnetMembershipId === demo.membershipId),
  );
  if (!demo || !clan) throw new Error("the demo player or their clan is missing");
  Object.assign(clan, HOSTILE_CLAN);

  const target = clan.members
    .filter((m) => m.memberType !== 5 && m.bnetMembershipId !== demo.membershipId)
    .map((m) => ({
      profile: world.profiles.get(m.membershipId),
      user: world.users.get(m.bnetMembershipId ?? ""),
    }))
    .find(
      ({ profile, user }) =>
        profile?.availability === "public" &&
        user &&
        GENERATED_NAME.test(user.bungieGlobalDisplayName),
    );
  if (!target?.profile || !target.user) throw new Error("no clan member to rename");
  const { profile: memberProfile, user: memberUser } = target;
  memberUser.displayName = HOSTILE_PLAYER_NAME;
  memberUser.bungieGlobalDisplayName = HOSTILE_PLAYER_NAME;
  memberProfile.displayName = HOSTILE_PLAYER_NAME;
  memberProfile.bungieGlobalDisplayName = HOSTILE_PLAYER_NAME;
  memberProfile.version++;

  const weapon = defs.meta.get(defs.hostile.itemHashes[0] ?? 0);
  if (!weapon) throw new Error("the hostile weapons are missing from the manifest");
  const items: HostileNames["items"] = [];
  demo.destinyMembershipIds.forEach((membershipId, profileIndex) => {
    const profile = world.profiles.get(membershipId);
    if (!profile) return;
    const ctx = {
      prng: createPrng(fnv1a(`${world.seed}:hostile:${membershipId}`)),
      // Far above the ids the world handed out (a profile's range spans 10^7 at most).
      nextId: createIdSequence(world.seed, 900 + profileIndex, createPrng(world.seed)),
    };
    for (const character of profile.characters) {
      const index = profile.items.findIndex(
        (i) =>
          i.place.kind === "equipped" &&
          i.place.characterId === character.characterId &&
          defs.meta.get(i.itemHash)?.bucketHash === BucketHashes.KineticWeapons,
      );
      const old = profile.items[index];
      if (!old?.itemInstanceId) continue;
      const item = rollInstance(ctx, weapon, old.place, {
        power: old.power ?? PowerLevels.softCap,
        gearTier: old.gearTier,
      });
      if (!item.itemInstanceId || profile.byInstanceId.has(item.itemInstanceId))
        throw new Error("hostile weapon instance id collides");
      profile.items[index] = item;
      profile.byInstanceId.delete(old.itemInstanceId);
      profile.byInstanceId.set(item.itemInstanceId, item);
      items.push({
        itemInstanceId: item.itemInstanceId,
        itemHash: item.itemHash,
        characterId: character.characterId,
        name: weapon.name,
      });
    }
    profile.version++;
  });

  return {
    clan: { groupId: clan.groupId, ...HOSTILE_CLAN },
    member: {
      membershipId: memberProfile.membershipId,
      membershipType: memberProfile.membershipType,
      name: HOSTILE_PLAYER_NAME,
    },
    items,
    vendor: {
      vendorHash: defs.hostile.vendor.hash,
      name: HOSTILE_VENDOR.name,
      itemHashes: [...defs.hostile.itemHashes],
    },
  };
}
