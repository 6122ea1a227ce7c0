// Two first sign-ins of one Bungie account at once must both end up as the same user.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from "../../support/databases";

beforeAll(() => {
  process.env.AUTH_SECRET ??= "adapter-test-secret".padEnd(40, "x");
});

describe.each(DATABASE_KINDS)("sign-in adapter on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
    (globalThis as { warmindDb?: unknown }).warmindDb = t.db;
  });
  afterAll(async () => {
    await t?.close();
  });

  it("creates one user and one account for concurrent first sign-ins", async () => {
    const { warmindAdapter } = await import("@/lib/auth/adapter");
    const adapter = warmindAdapter();
    const profile = {
      id: crypto.randomUUID(),
      name: "Aurora Vale#4821",
      email: null as unknown as string,
      emailVerified: null,
      image: null,
      bungieMembershipId: `bnet-${kind}`,
    };
    const users = await Promise.all([
      adapter.createUser!({ ...profile, id: crypto.randomUUID() }),
      adapter.createUser!({ ...profile, id: crypto.randomUUID() }),
    ]);
    expect(users[0]!.id).toBe(users[1]!.id);
    const account = {
      userId: users[0]!.id,
      type: "oauth" as const,
      provider: "bungie",
      providerAccountId: `bnet-${kind}`,
      access_token: "v1.sealed",
    };
    await Promise.all([adapter.linkAccount!(account), adapter.linkAccount!(account)]);
    expect(await t.db.user.count({ where: { bungieMembershipId: `bnet-${kind}` } })).toBe(1);
    expect(await t.db.account.count({ where: { providerAccountId: `bnet-${kind}` } })).toBe(1);
  });

  it("never links a second Bungie account to a user, nor moves one to another user", async () => {
    const { warmindAdapter } = await import("@/lib/auth/adapter");
    const adapter = warmindAdapter();
    const [aurora, rival] = await Promise.all(
      ["aurora", "rival"].map((who) =>
        t.db.user.create({ data: { name: who, bungieMembershipId: `${who}-${kind}` } }),
      ),
    );
    const account = (userId: string, providerAccountId: string) => ({
      userId,
      type: "oauth" as const,
      provider: "bungie",
      providerAccountId,
      access_token: "v1.sealed",
    });
    await adapter.linkAccount!(account(aurora!.id, `aurora-${kind}`));
    await adapter.linkAccount!(account(rival!.id, `rival-${kind}`));
    await expect(adapter.linkAccount!(account(aurora!.id, `rival-${kind}`))).rejects.toThrow(
      /second bungie account/,
    );
    await expect(adapter.linkAccount!(account(rival!.id, `aurora-${kind}`))).rejects.toThrow(
      /second bungie account|another user/,
    );
    const owners = await t.db.account.findMany({
      where: { providerAccountId: { in: [`aurora-${kind}`, `rival-${kind}`] } },
      orderBy: { providerAccountId: "asc" },
    });
    expect(owners.map((a) => a.userId)).toEqual([aurora!.id, rival!.id]);
    // The database refuses it too, whoever writes.
    await expect(
      t.db.account.create({ data: { ...account(aurora!.id, `third-${kind}`), type: "oauth" } }),
    ).rejects.toThrow();
  });

  it("stores sessions by the hash of their token and finds them only by the token", async () => {
    const { warmindAdapter } = await import("@/lib/auth/adapter");
    const adapter = warmindAdapter();
    const user = await t.db.user.create({ data: { name: "Hash" } });
    const sessionToken = crypto.randomUUID();
    const expires = new Date(Date.now() + 60_000);
    expect(await adapter.createSession!({ sessionToken, userId: user.id, expires })).toEqual({
      sessionToken,
      userId: user.id,
      expires,
    });
    const row = await t.db.session.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.sessionTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.sessionTokenHash).not.toContain(sessionToken);
    expect(await adapter.getSessionAndUser!(row.sessionTokenHash)).toBeNull();
    const found = await adapter.getSessionAndUser!(sessionToken);
    expect(found?.user.id).toBe(user.id);
    expect(found?.session.sessionToken).toBe(sessionToken);

    const later = new Date(Date.now() + 120_000);
    expect((await adapter.updateSession!({ sessionToken, expires: later }))?.expires).toEqual(
      later,
    );
    expect(
      await adapter.updateSession!({ sessionToken: row.sessionTokenHash, expires: later }),
    ).toBeNull();
    await adapter.deleteSession!(row.sessionTokenHash);
    expect(await t.db.session.count({ where: { userId: user.id } })).toBe(1);
    await adapter.deleteSession!(sessionToken);
    expect(await t.db.session.count({ where: { userId: user.id } })).toBe(0);
    // Deleting a session that is gone is no error (signing out twice).
    await adapter.deleteSession!(sessionToken);
  });
});
