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
});
