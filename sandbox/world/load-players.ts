// Generated Bungie.net accounts for load tests (POST /__sandbox/players): `load-1` … `load-N`,
// one Destiny profile each, built with the demo accounts' code. Each player is a pure function
// of the world's seed and its number, so adding 10 then 40 gives the same world as adding 50.
import { MembershipType } from "../../lib/destiny/game-facts";
import { type AccountBuildContext, buildGuardian, bungieUser } from "./accounts";
import { getManifestDefinitions } from "./definitions";
import { IdFactory } from "./ids";
import type { CharacterSpec } from "./profiles";
import { createPrng } from "./prng";
import { itemPools } from "./seed-world";
import type { World } from "./types";

export const MAX_LOAD_PLAYERS = 500;

/** Instance-id ranges far above the demo world's (about 65 profiles), one per player. */
const PROFILE_INDEX_BASE = 1000;

export const loadPlayerKey = (n: number) => `load-${n}`;

/** How many load players the world has (they are always `load-1` … `load-N`, no gaps). */
export function loadPlayerCount(world: World): number {
  let n = 0;
  while (world.usersByKey.has(loadPlayerKey(n + 1))) n++;
  return n;
}

/** Every id the world already uses, so generated players never reuse one. */
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

/** Adds players up to `count` (never removes any); answers how many were added. */
export function addLoadPlayers(world: World, count: number): number {
  const existing = loadPlayerCount(world);
  if (count <= existing) return 0;
  const defs = getManifestDefinitions();
  const pools = itemPools();
  const used = usedIds(world);
  const { TigerSteam, TigerPsn, TigerXbox } = MembershipType;
  for (let n = existing + 1; n <= count; n++) {
    const prng = createPrng(world.seed).fork(loadPlayerKey(n));
    const ctx: AccountBuildContext = {
      gen: { prng, nextId: () => "0", defs, pools },
      ids: new IdFactory(prng.fork("ids"), used),
      seed: world.seed,
      createdAt: world.createdAt,
      fullVault: false,
      nextProfileIndex: () => PROFILE_INDEX_BASE + n,
    };
    const key = loadPlayerKey(n);
    const name = `Load Guardian ${n}`;
    const user = bungieUser(ctx, key, name, 1000 + n, "", "Load-test player.");
    user.unlisted = true;
    const membershipType = prng.pick([TigerSteam, TigerPsn, TigerXbox]);
    const classes = prng.shuffle([0, 1, 2] as const);
    const characters: CharacterSpec[] = classes.slice(0, prng.int(1, 3)).map((classType) => ({
      classType,
      raceType: prng.int(0, 2) as 0 | 1 | 2,
      genderType: prng.int(0, 1) as 0 | 1,
      hoursSinceLastPlayed: prng.int(1, 200),
      minutesPlayedTotal: prng.int(2_000, 80_000),
      power: prng.int(150, 550),
      exoticArmor: prng.chance(0.5),
      perBucket: [1, 3],
      postmaster: 0,
    }));
    const profile = buildGuardian(ctx, user, {
      profile: {
        membershipType,
        displayName: `LoadGuardian${n}`,
        bungieGlobalDisplayName: name,
        bungieGlobalDisplayNameCode: user.bungieGlobalDisplayNameCode,
        crossSaveOverride: 0,
        applicableMembershipTypes: [membershipType],
        isOverridden: false,
        isCrossSavePrimary: false,
      },
      characters,
      vault: prng.int(50, 100),
      richness: 0.3,
    });
    // Online with every character in orbit, so moves and equips are allowed.
    for (const character of profile.characters) character.activity = "orbit";
    world.users.set(user.membershipId, user);
    world.usersByKey.set(key, user);
    world.profiles.set(profile.membershipId, profile);
  }
  return count - existing;
}
