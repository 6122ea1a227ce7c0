// Builds the whole demo world from a seed: demo accounts, the clan and its members.
import { buildDemoAccounts } from "./accounts";
import { buildClan } from "./clan";
import { CLAN_SIZE } from "./clan-size";
import { getManifestDefinitions } from "./definitions";
import { IdFactory } from "./ids";
import { buildPools, type ItemPools } from "./items";
import { createPrng } from "./prng";
import type { World } from "./types";

export const DEFAULT_SEED = 20251125;

let pools: ItemPools | undefined;

/** The item pools gear is rolled from (built once per process: they only depend on the manifest). */
export function itemPools(): ItemPools {
  pools ??= buildPools(getManifestDefinitions());
  return pools;
}

export function createWorld(options: {
  seed?: number;
  fullVault?: boolean;
  clanSize?: number;
  now: number;
}): World {
  const seed = (options.seed ?? DEFAULT_SEED) >>> 0;
  const defs = getManifestDefinitions();
  const pools = itemPools();
  const prng = createPrng(seed);
  const ids = new IdFactory(prng.fork("ids"));
  let profileIndex = 0;
  // Dates in the world are relative to its creation, rounded to the minute so that two
  // worlds built within the same minute with the same seed are identical.
  const createdAt = Math.floor(options.now / 60_000) * 60_000;
  const ctx = {
    gen: { prng, nextId: () => "0", defs, pools },
    ids,
    seed,
    createdAt,
    fullVault: options.fullVault ?? false,
    clanSize: options.clanSize ?? CLAN_SIZE.default,
    nextProfileIndex: () => profileIndex++,
  };
  const demo = buildDemoAccounts(ctx);
  const demoUser = demo.users.find((u) => u.key === "demo");
  const demoProfile = demo.profiles.find((p) => p.membershipId === demoUser?.primaryMembershipId);
  if (!demoUser || !demoProfile) throw new Error("demo account missing");
  const clan = buildClan(ctx, demoUser, demoProfile);

  const world: World = {
    seed,
    fullVault: ctx.fullVault,
    clanSize: ctx.clanSize,
    createdAt,
    users: new Map(),
    usersByKey: new Map(),
    profiles: new Map(),
    clans: [clan.clan],
  };
  for (const user of [...demo.users, ...clan.users]) {
    world.users.set(user.membershipId, user);
    if (user.key) world.usersByKey.set(user.key, user);
  }
  for (const profile of [...demo.profiles, ...clan.profiles])
    world.profiles.set(profile.membershipId, profile);
  return world;
}
