// The migration that repairs users holding several Bungie accounts (Auth.js linked a second
// sign-in to whoever was signed in) and stores session tokens hashed, on both databases: the
// bad state is built with the earlier migrations applied, then the new one runs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openAdapter, type OpenedAdapter } from "@/lib/db/adapter";
import { openSchemaEngine, readMigrations } from "@/lib/db/schema-engine";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { DATABASE_KINDS } from "../../support/databases";
import { createTestSchema } from "../../support/postgres";

const MIGRATION = "20261203180000_one_bungie_account_hashed_sessions";

async function migrate(adapter: OpenedAdapter, options: { before?: string; through?: string }) {
  const engine = await openSchemaEngine(adapter.factory);
  try {
    const list = await readMigrations();
    const { before, through } = options;
    if (before) {
      list.migrationDirectories = list.migrationDirectories.filter((d) => d.path < before);
    }
    // Later migrations are not this test's business.
    if (through) {
      list.migrationDirectories = list.migrationDirectories.filter((d) => d.path <= through);
    }
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: list,
      filters: { externalTables: [], externalEnums: [] },
    });
    return appliedMigrationNames;
  } finally {
    engine.free();
  }
}

const AURORA = "4611686018400000001";
const RIVAL = "4611686018400000002";
const TRIO = ["4611686018400000010", "4611686018400000011", "4611686018400000012"] as const;
const SOLO = "4611686018400000020";

/**
 * The state the linking bug left behind, through the old columns (plain session tokens):
 * - Aurora's user (created by her sign-in) also holds Rival's account, linked later; Rival's
 *   sign-in overwrote her name and memberships, and she chose Rival's Destiny account.
 * - A user with three accounts whose identity is still the first one's.
 * - A healthy user with one account.
 */
async function buildBadState(sql: (text: string) => Promise<unknown>) {
  await sql(`
    insert into "User" ("id", "name", "bungieName", "bungieMembershipId", "avatarPath", "image",
                        "lastSignInAt", "createdAt", "updatedAt")
    values
      ('u-aurora', 'Crimson Rival#0317', 'Crimson Rival#0317', '${RIVAL}', '/rival.png', '/rival.png',
       now(), now() - interval '10 days', now()),
      ('u-trio', 'Trio One#0001', 'Trio One#0001', '${TRIO[0]}', '/one.png', '/one.png',
       now(), now() - interval '5 days', now()),
      ('u-solo', 'Solo#0002', 'Solo#0002', '${SOLO}', null, null, now(), now(), now())`);
  const account = (userId: string, id: string, daysAgo: number) =>
    `('${userId}', 'oauth', 'bungie', '${id}', 'v1.sealed-access-${id}', 'v1.sealed-refresh-${id}',
      now() - interval '${daysAgo} days', now())`;
  await sql(`
    insert into "Account" ("userId", "type", "provider", "providerAccountId", "access_token",
                           "refresh_token", "createdAt", "updatedAt")
    values ${[
      account("u-aurora", AURORA, 10),
      account("u-aurora", RIVAL, 1),
      account("u-trio", TRIO[0], 5),
      account("u-trio", TRIO[1], 4),
      account("u-trio", TRIO[2], 3),
      account("u-solo", SOLO, 2),
    ].join(", ")}`);
  await sql(`
    insert into "DestinyMembership" ("id", "userId", "membershipType", "membershipId",
                                     "displayName", "applicableMembershipTypes", "isPrimary")
    values
      ('m-rival-psn', 'u-aurora', 2, '4611686018500000002', 'Crimson Rival', '{2}', true),
      ('m-rival-pc', 'u-aurora', 3, '4611686018500000003', 'Crimson Rival', '{3}', false),
      ('m-trio', 'u-trio', 3, '4611686018500000010', 'Trio One', '{3}', true),
      ('m-solo', 'u-solo', 3, '4611686018500000020', 'Solo', '{3}', true)`);
  await sql(`
    insert into "PlayerSettings" ("userId", "language", "destinyMembershipType",
                                  "destinyMembershipId", "characterId", "updatedAt")
    values
      ('u-aurora', 'fr', 2, '4611686018500000002', '2305843009300000001', now()),
      ('u-trio', 'de', 3, '4611686018500000010', '2305843009300000010', now())`);
  await sql(`
    insert into "DigestSubscription" ("id", "userId", "email", "confirmedAt", "vendorHashes",
                                      "filters", "updatedAt")
    values ('d-aurora', 'u-aurora', 'aurora@example.com', now(), '{}', '{exotic}', now())`);
  await sql(`
    insert into "OutboxEmail" ("id", "userId", "to", "from", "subject", "html", "text", "headers")
    values ('o-aurora', 'u-aurora', 'aurora@example.com', 'warmind@example.com', 'Digest', '', '',
            '{}')`);
  await sql(`
    insert into "Session" ("sessionToken", "userId", "expires", "updatedAt")
    values ('plain-aurora-1', 'u-aurora', now() + interval '30 days', now()),
           ('plain-aurora-2', 'u-aurora', now() + interval '30 days', now()),
           ('plain-trio', 'u-trio', now() + interval '30 days', now()),
           ('plain-solo', 'u-solo', now() + interval '30 days', now())`);
}

describe.each(DATABASE_KINDS)("repair migration on %s", (kind) => {
  let adapter: OpenedAdapter;
  let db: PrismaClient;
  let drop = async () => {};

  beforeAll(async () => {
    let url = "pglite:memory";
    if (kind === "postgres") {
      const schema = await createTestSchema("repair");
      url = schema.url;
      drop = schema.drop;
    }
    adapter = openAdapter(url);
    const earlier = await migrate(adapter, { before: MIGRATION });
    expect(earlier).not.toContain(MIGRATION);
    expect(earlier.length).toBeGreaterThan(0);
    db = new PrismaClient({ adapter: adapter.factory });
    await buildBadState((text) => db.$executeRawUnsafe(text));
    expect(await migrate(adapter, { through: MIGRATION })).toEqual([MIGRATION]);
    // Then the later ones, so that this Prisma client's models match the tables.
    await migrate(adapter, {});
  });

  afterAll(async () => {
    await db?.$disconnect();
    await adapter?.close();
    await drop();
  });

  const userOfAccount = async (providerAccountId: string) => {
    const account = await db.account.findUniqueOrThrow({
      where: { provider_providerAccountId: { provider: "bungie", providerAccountId } },
      include: {
        user: {
          include: {
            accounts: true,
            destinyMemberships: true,
            settings: true,
            digestSubscription: true,
          },
        },
      },
    });
    return account.user;
  };

  it("leaves every user with exactly one Bungie account", async () => {
    expect(await db.account.count()).toBe(6);
    expect(await db.user.count()).toBe(6);
    const users = await db.user.findMany({ include: { accounts: true } });
    for (const user of users) expect(user.accounts, user.id).toHaveLength(1);
    for (const user of users)
      expect(user.bungieMembershipId).toBe(user.accounts[0]!.providerAccountId);
  });

  it("keeps the oldest account, with its settings, subscription and outbox, on the original user", async () => {
    const aurora = await userOfAccount(AURORA);
    expect(aurora.id).toBe("u-aurora");
    expect(aurora.accounts.map((a) => a.providerAccountId)).toEqual([AURORA]);
    expect(aurora.bungieMembershipId).toBe(AURORA);
    // Her name and memberships were Rival's: they come back from Bungie at her next sign-in.
    expect(aurora.bungieName).toBeNull();
    expect(aurora.destinyMemberships).toEqual([]);
    expect(aurora.settings?.language).toBe("fr");
    // Her stored Destiny account was Rival's: forgotten.
    expect(aurora.settings?.destinyMembershipId).toBeNull();
    expect(aurora.settings?.characterId).toBeNull();
    expect(aurora.digestSubscription?.email).toBe("aurora@example.com");
    expect(await db.outboxEmail.count({ where: { userId: "u-aurora" } })).toBe(1);
  });

  it("moves every other account to a new user of its own, with what its sign-in wrote", async () => {
    const rival = await userOfAccount(RIVAL);
    expect(rival.id).not.toBe("u-aurora");
    expect(rival.accounts.map((a) => a.providerAccountId)).toEqual([RIVAL]);
    expect(rival.bungieMembershipId).toBe(RIVAL);
    expect(rival.bungieName).toBe("Crimson Rival#0317");
    expect(rival.destinyMemberships.map((m) => m.id).sort()).toEqual(["m-rival-pc", "m-rival-psn"]);
    expect(rival.digestSubscription).toBeNull();
    expect(rival.settings).toBeNull();
    expect(await db.outboxEmail.count({ where: { userId: rival.id } })).toBe(0);
    // Its sealed tokens went with it.
    expect(rival.accounts[0]!.access_token).toBe(`v1.sealed-access-${RIVAL}`);
  });

  it("a user whose identity is still its first account's keeps it; the others start bare", async () => {
    const trio = await userOfAccount(TRIO[0]);
    expect(trio.id).toBe("u-trio");
    expect(trio.bungieName).toBe("Trio One#0001");
    expect(trio.destinyMemberships.map((m) => m.id)).toEqual(["m-trio"]);
    expect(trio.settings?.destinyMembershipId).toBe("4611686018500000010");
    const others = await Promise.all([userOfAccount(TRIO[1]), userOfAccount(TRIO[2])]);
    expect(new Set(others.map((u) => u.id)).size).toBe(2);
    for (const user of others) {
      expect(user.id).not.toBe("u-trio");
      expect(user.bungieName).toBeNull();
      expect(user.destinyMemberships).toEqual([]);
      expect(user.digestSubscription).toBeNull();
    }
    const solo = await userOfAccount(SOLO);
    expect(solo.id).toBe("u-solo");
    expect(solo.destinyMemberships).toHaveLength(1);
  });

  it("ends every session, and no plain token survives", async () => {
    expect(await db.session.count()).toBe(0);
    const columns = await db.$queryRawUnsafe<{ column_name: string }[]>(
      `select column_name from information_schema.columns
       where table_name = 'Session' and table_schema = current_schema()`,
    );
    expect(columns.map((c) => c.column_name)).not.toContain("sessionToken");
  });

  it("refuses a second Bungie account for one user from now on", async () => {
    await expect(
      db.account.create({
        data: {
          userId: "u-solo",
          type: "oauth",
          provider: "bungie",
          providerAccountId: "4611686018400000099",
        },
      }),
    ).rejects.toThrow();
  });
});
