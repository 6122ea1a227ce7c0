// The player's context (active Destiny account, chosen character, language, Bungie.net id) in
// one database query, on both databases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getGuardianContext } from "@/lib/guardian/guardian-context";
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from "../../support/databases";

describe.each(DATABASE_KINDS)("getGuardianContext on %s", (kind) => {
  let database: TestDatabase;
  let counted: PrismaClient;
  const queries: string[] = [];

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    // A second client on the same database that reports every statement it sends.
    const client = new PrismaClient({
      adapter: database.factory,
      log: [{ emit: "event", level: "query" }],
    });
    client.$on("query", (event) => queries.push(event.query));
    counted = client;
    (globalThis as { warmindDb?: PrismaClient }).warmindDb = counted;
  });

  afterAll(async () => {
    delete (globalThis as { warmindDb?: PrismaClient }).warmindDb;
    await counted?.$disconnect();
    await database?.close();
  });

  async function contextOf(userId: string) {
    queries.length = 0;
    const context = await getGuardianContext(userId);
    return { context, queries: [...queries] };
  }

  const membership = (
    userId: string,
    membershipType: number,
    membershipId: string,
    extra: { crossSaveOverride?: number; isPrimary?: boolean } = {},
  ) =>
    database.db.destinyMembership.create({
      data: {
        userId,
        membershipType,
        membershipId,
        displayName: `Guardian ${membershipType}`,
        applicableMembershipTypes: [membershipType],
        ...extra,
      },
    });

  it("reads a cross-saved player's primary account, choices and Bungie.net id in one query", async () => {
    const user = await database.db.user.create({
      data: { bungieMembershipId: "20000101", bungieName: "Aurora Vale#4821" },
    });
    // Cross-save onto Steam (3): the PlayStation (2) membership has no profile of its own.
    await membership(user.id, 2, "4611686018400000201", { crossSaveOverride: 3 });
    await membership(user.id, 3, "4611686018400000301", { crossSaveOverride: 3, isPrimary: true });
    await database.db.playerSettings.create({
      data: { userId: user.id, characterId: "2305843009300000001", language: "fr" },
    });

    const { context, queries } = await contextOf(user.id);
    expect(queries).toHaveLength(1);
    expect(context).toEqual({
      userId: user.id,
      bungieMembershipId: "20000101",
      account: {
        membershipType: 3,
        membershipId: "4611686018400000301",
        displayName: "Guardian 3",
        crossSaveOverride: 3,
        applicableMembershipTypes: [3],
        isPrimary: true,
      },
      accountCount: 1,
      chosenCharacterId: "2305843009300000001",
      language: "fr",
    });
  });

  it("follows the player's choice among unlinked platforms; defaults without settings", async () => {
    const user = await database.db.user.create({ data: { bungieMembershipId: "20000102" } });
    await membership(user.id, 1, "4611686018400000102");
    await membership(user.id, 3, "4611686018400000302", { isPrimary: true });

    const defaults = await contextOf(user.id);
    expect(defaults.queries).toHaveLength(1);
    expect(defaults.context).toMatchObject({
      account: { membershipType: 3, membershipId: "4611686018400000302" },
      accountCount: 2,
      chosenCharacterId: null,
      language: "en",
    });

    await database.db.playerSettings.create({
      data: {
        userId: user.id,
        destinyMembershipType: 1,
        destinyMembershipId: "4611686018400000102",
      },
    });
    const chosen = await contextOf(user.id);
    expect(chosen.queries).toHaveLength(1);
    expect(chosen.context?.account).toMatchObject({
      membershipType: 1,
      membershipId: "4611686018400000102",
    });
  });

  it("is null for a Bungie.net account without Destiny, and for an unknown user", async () => {
    const user = await database.db.user.create({ data: { bungieMembershipId: "20000103" } });
    expect((await contextOf(user.id)).context).toBeNull();
    expect((await contextOf("no-such-user")).context).toBeNull();
  });
});
