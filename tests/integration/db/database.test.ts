import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from "../../support/databases";

describe.each(DATABASE_KINDS)("database on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("records the applied migrations in Prisma's own table", async () => {
    const rows = await t.db.$queryRawUnsafe<{ migration_name: string; finished_at: Date | null }[]>(
      `select migration_name, finished_at from "_prisma_migrations" order by migration_name`,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
    expect(rows[0]?.migration_name).toMatch(/^\d{14}_init$/);
  });

  it("stores a user with settings and cascades their deletion", async () => {
    const user = await t.db.user.create({
      data: { name: "Guardian#1234", settings: { create: {} } },
      include: { settings: true },
    });
    expect(user.settings?.language).toBe("en");
    await t.db.session.create({
      data: {
        sessionTokenHash: `s-${user.id}`,
        userId: user.id,
        expires: new Date(Date.now() + 60_000),
      },
    });
    await t.db.user.delete({ where: { id: user.id } });
    expect(await t.db.playerSettings.count({ where: { userId: user.id } })).toBe(0);
    expect(await t.db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("enforces next-auth's unique keys", async () => {
    const user = await t.db.user.create({ data: { name: "A" } });
    const account = {
      userId: user.id,
      type: "oauth",
      provider: "bungie",
      providerAccountId: "4611686018467284386",
    };
    await t.db.account.create({ data: account });
    await expect(t.db.account.create({ data: account })).rejects.toThrow();
  });
});
