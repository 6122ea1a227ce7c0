// The demo accounts offered on the consent page. Each exercises a different shape of
// Bungie account: cross-save, a second player for ownership checks, two unlinked
// platforms, and a Bungie.net account that never played Destiny.
import { MembershipType } from "../../lib/destiny/game-facts";
import type { IdFactory } from "./ids";
import { seedDemoLoadouts } from "./loadouts";
import { createIdSequence, type GenContext } from "./items";
import {
  type CharacterSpec,
  createCharacter,
  createProfile,
  fillAccountBuckets,
  fillVault,
  outfitCharacter,
  type ProfileSpec,
} from "./profiles";
import type { BungieUser, DestinyProfile } from "./types";

export const DEMO_USER_KEYS = ["demo", "rival", "unlinked", "nodestiny"] as const;
export type DemoUserKey = (typeof DEMO_USER_KEYS)[number];

export interface AccountBuildContext {
  gen: GenContext;
  ids: IdFactory;
  seed: number;
  createdAt: number;
  fullVault: boolean;
  /** Gives each profile its own instance-id range. */
  nextProfileIndex: () => number;
}

export interface GuardianPlan {
  profile: Omit<ProfileSpec, "membershipId" | "bnetMembershipId">;
  characters: CharacterSpec[];
  vault: number;
  richness: number;
}

export function buildGuardian(
  ctx: AccountBuildContext,
  user: BungieUser,
  plan: GuardianPlan,
): DestinyProfile {
  const membershipId = ctx.ids.destinyMembership();
  const profile = createProfile({
    ...plan.profile,
    membershipId,
    bnetMembershipId: user.membershipId,
  });
  const gen: GenContext = {
    ...ctx.gen,
    prng: ctx.gen.prng.fork(`profile:${membershipId}`),
    nextId: createIdSequence(
      ctx.seed,
      ctx.nextProfileIndex(),
      ctx.gen.prng.fork(`ids:${membershipId}`),
    ),
  };
  for (const spec of plan.characters) {
    const character = createCharacter(gen, ctx.ids.character(), spec, ctx.createdAt);
    profile.characters.push(character);
    outfitCharacter(gen, profile, character, spec);
  }
  if (plan.vault > 0) fillVault(gen, profile, plan.vault, plan.characters[0]?.power ?? 200);
  if (plan.characters.length > 0) fillAccountBuckets(gen, profile, plan.richness);
  profile.guardianRank = plan.characters.length > 0 ? gen.prng.int(5, 11) : 1;
  user.destinyMembershipIds.push(membershipId);
  return profile;
}

export function bungieUser(
  ctx: AccountBuildContext,
  key: string,
  name: string,
  code: number,
  about: string,
  blurb: string,
): BungieUser {
  const prng = ctx.gen.prng.fork(`user:${key}`);
  return {
    key,
    membershipId: ctx.ids.bungieNet(),
    displayName: name,
    bungieGlobalDisplayName: name,
    bungieGlobalDisplayNameCode: code,
    about,
    firstAccess: Date.UTC(2015 + prng.int(0, 4), prng.int(0, 11), prng.int(1, 28), prng.int(0, 23)),
    lastUpdate: ctx.createdAt - prng.int(1, 30) * 86_400_000,
    profilePicturePath: `/img/profile/avatars/cc${prng.int(10, 99)}.png`,
    profilePicture: prng.int(70000, 79999),
    destinyMembershipIds: [],
    blurb,
  };
}

/** Builds the four demo users and their Destiny profiles. */
export function buildDemoAccounts(ctx: AccountBuildContext): {
  users: BungieUser[];
  profiles: DestinyProfile[];
} {
  const users: BungieUser[] = [];
  const profiles: DestinyProfile[] = [];
  const { TigerSteam, TigerPsn, TigerXbox } = MembershipType;

  // 1. The main demo player: Steam primary with cross-save over a PlayStation account.
  const demo = bungieUser(
    ctx,
    "demo",
    "Aurora Vale",
    4821,
    "Eyes up. Mostly raids, sometimes Trials.",
    "Cross-save (Steam over PlayStation), three characters, full gear, busy postmaster.",
  );
  const names = {
    bungieGlobalDisplayName: demo.bungieGlobalDisplayName,
    bungieGlobalDisplayNameCode: demo.bungieGlobalDisplayNameCode,
  };
  const steam = buildGuardian(ctx, demo, {
    profile: {
      membershipType: TigerSteam,
      displayName: "AuroraVale",
      ...names,
      crossSaveOverride: TigerSteam,
      applicableMembershipTypes: [TigerSteam, TigerPsn],
      isOverridden: false,
      isCrossSavePrimary: true,
    },
    characters: [
      {
        classType: 0,
        raceType: 2,
        genderType: 0,
        hoursSinceLastPlayed: 26,
        minutesPlayedTotal: 61_420,
        power: 452,
        exoticArmor: true,
        perBucket: [7, 9],
        postmaster: 17,
        offClassArmor: true,
        fullKinetic: true,
      },
      {
        classType: 1,
        raceType: 1,
        genderType: 1,
        hoursSinceLastPlayed: 2.5,
        minutesPlayedTotal: 88_915,
        power: 544,
        exoticArmor: true,
        perBucket: [7, 9],
        postmaster: 2,
      },
      {
        classType: 2,
        raceType: 0,
        genderType: 1,
        hoursSinceLastPlayed: 75,
        minutesPlayedTotal: 23_570,
        power: 187,
        exoticArmor: false,
        perBucket: [7, 9],
        postmaster: 0,
      },
    ],
    vault: ctx.fullVault ? 700 : 450,
    richness: 1,
  });
  const psn = buildGuardian(ctx, demo, {
    profile: {
      membershipType: TigerPsn,
      displayName: "aurora_vale_ps",
      ...names,
      crossSaveOverride: TigerSteam,
      applicableMembershipTypes: [],
      isOverridden: true,
      isCrossSavePrimary: false,
    },
    characters: [],
    vault: 0,
    richness: 0,
  });
  demo.primaryMembershipId = steam.membershipId;
  // The demo player is online, all three characters in orbit (the control API moves them).
  for (const character of steam.characters) character.activity = "orbit";
  seedDemoLoadouts(ctx.gen.prng.fork(`loadouts:${steam.membershipId}`), steam, ctx.gen.defs);
  users.push(demo);
  profiles.push(steam, psn);

  // 2. A rival on Xbox: tests forge payloads naming this player's items.
  const rival = bungieUser(
    ctx,
    "rival",
    "Crimson Rival",
    317,
    "Crucible main.",
    "Xbox only, two characters.",
  );
  profiles.push(
    buildGuardian(ctx, rival, {
      profile: {
        membershipType: TigerXbox,
        displayName: "Crimson Rival",
        bungieGlobalDisplayName: rival.bungieGlobalDisplayName,
        bungieGlobalDisplayNameCode: rival.bungieGlobalDisplayNameCode,
        crossSaveOverride: 0,
        applicableMembershipTypes: [TigerXbox],
        isOverridden: false,
        isCrossSavePrimary: false,
      },
      characters: [
        {
          classType: 2,
          raceType: 1,
          genderType: 0,
          hoursSinceLastPlayed: 5,
          minutesPlayedTotal: 40_210,
          power: 380,
          exoticArmor: true,
          perBucket: [2, 4],
          postmaster: 1,
        },
        {
          classType: 0,
          raceType: 0,
          genderType: 1,
          hoursSinceLastPlayed: 140,
          minutesPlayedTotal: 9_880,
          power: 305,
          exoticArmor: false,
          perBucket: [1, 3],
          postmaster: 0,
        },
      ],
      vault: 80,
      richness: 0.5,
    }),
  );
  users.push(rival);

  // 3. Two platforms, never linked by cross-save: two separate Destiny profiles.
  const unlinked = bungieUser(
    ctx,
    "unlinked",
    "Twin Path",
    5550,
    "",
    "Steam and PlayStation, no cross-save: two separate profiles.",
  );
  const twinNames = {
    bungieGlobalDisplayName: unlinked.bungieGlobalDisplayName,
    bungieGlobalDisplayNameCode: unlinked.bungieGlobalDisplayNameCode,
  };
  profiles.push(
    buildGuardian(ctx, unlinked, {
      profile: {
        membershipType: TigerSteam,
        displayName: "TwinPath",
        ...twinNames,
        crossSaveOverride: 0,
        applicableMembershipTypes: [TigerSteam],
        isOverridden: false,
        isCrossSavePrimary: false,
      },
      characters: [
        {
          classType: 1,
          raceType: 0,
          genderType: 0,
          hoursSinceLastPlayed: 30,
          minutesPlayedTotal: 12_000,
          power: 260,
          exoticArmor: false,
          perBucket: [2, 4],
          postmaster: 0,
        },
        {
          classType: 2,
          raceType: 2,
          genderType: 1,
          hoursSinceLastPlayed: 300,
          minutesPlayedTotal: 3_400,
          power: 140,
          exoticArmor: false,
          perBucket: [1, 2],
          postmaster: 0,
        },
      ],
      vault: 120,
      richness: 0.4,
    }),
    buildGuardian(ctx, unlinked, {
      profile: {
        membershipType: TigerPsn,
        displayName: "twin_path_psn",
        ...twinNames,
        crossSaveOverride: 0,
        applicableMembershipTypes: [TigerPsn],
        isOverridden: false,
        isCrossSavePrimary: false,
      },
      characters: [
        {
          classType: 0,
          raceType: 1,
          genderType: 1,
          hoursSinceLastPlayed: 700,
          minutesPlayedTotal: 6_100,
          power: 90,
          exoticArmor: false,
          perBucket: [1, 3],
          postmaster: 0,
        },
      ],
      vault: 60,
      richness: 0.2,
    }),
  );
  users.push(unlinked);

  // 4. A Bungie.net account with no Destiny profile at all.
  users.push(
    bungieUser(
      ctx,
      "nodestiny",
      "Fresh Light",
      7262,
      "",
      "A Bungie.net account that never played Destiny 2.",
    ),
  );

  return { users, profiles };
}
