// Token refresh against the sandbox over real HTTP, on both databases: one refresh for many
// concurrent requests (in one process and across "instances"), sealed tokens at rest, and a
// clean sign-out when Bungie has revoked the authorization.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startSandboxServer } from "../../../sandbox/node-server";
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from "../../support/databases";

type Server = Awaited<ReturnType<typeof startSandboxServer>>;
type TokenResponse = {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  refresh_expires_in: number;
};

let server: Server;
const secret = "integration-secret-".padEnd(48, "x");

async function control<T = unknown>(path: string, body: unknown = {}): Promise<T> {
  const response = await fetch(`${server.url}/__sandbox/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return (await response.json()) as T;
}

async function tokenRefreshCount(): Promise<number> {
  const stats = (await (await fetch(`${server.url}/__sandbox/stats`)).json()) as {
    operations: Record<string, number>;
  };
  return stats.operations["OAuth.Token"] ?? 0;
}

/** A fresh copy of the token module: what a second app instance would run. */
async function freshInstance() {
  vi.resetModules();
  const db = (globalThis as { warmindDb?: unknown }).warmindDb;
  const mod = await import("@/lib/auth/access-token");
  (globalThis as { warmindDb?: unknown }).warmindDb = db;
  return mod;
}

beforeAll(async () => {
  server = await startSandboxServer({ port: 0 });
  Object.assign(process.env, {
    AUTH_SECRET: secret,
    BUNGIE_ORIGIN: server.url,
    BUNGIE_API_KEY: "sandbox-api-key",
    BUNGIE_CLIENT_ID: "sandbox-client",
    BUNGIE_CLIENT_SECRET: "sandbox-secret",
  });
  delete process.env.REDIS_URL;
});

afterAll(async () => {
  await server?.close();
});

describe.each(DATABASE_KINDS)("Bungie token refresh on %s", (kind) => {
  let t: TestDatabase;
  let userId: string;
  let original: TokenResponse;

  beforeAll(async () => {
    t = await openTestDatabase(kind);
    (globalThis as { warmindDb?: unknown }).warmindDb = t.db;
    await control("reset");
    original = await control<TokenResponse>("token", { user: "demo" });
    const { sealTokens } = await import("@/lib/auth/stored-tokens");
    const user = await t.db.user.create({ data: { name: "Aurora Vale#4821" } });
    userId = user.id;
    await t.db.account.create({
      data: {
        userId,
        type: "oauth",
        provider: "bungie",
        providerAccountId: `bnet-${kind}`,
        // Expires within the 60-second margin: the next use must refresh it.
        ...sealTokens({ ...original, expires_in: 30 }, secret),
      },
    });
  });

  afterAll(async () => {
    await t?.close();
  });

  it("refreshes once for many concurrent requests, and stores only ciphertext", async () => {
    const { getBungieAccessToken } = await freshInstance();
    const before = await tokenRefreshCount();
    const tokens = await Promise.all(Array.from({ length: 8 }, () => getBungieAccessToken(userId)));
    expect(new Set(tokens).size).toBe(1);
    expect(tokens[0]).not.toBe(original.access_token);
    expect((await tokenRefreshCount()) - before).toBe(1);

    const account = await t.db.account.findFirstOrThrow({ where: { userId } });
    for (const column of [account.access_token, account.refresh_token]) {
      expect(column).toMatch(/^v1\./);
      expect(column).not.toContain(tokens[0]!);
      expect(column).not.toContain(original.access_token);
      expect(column).not.toContain(original.refresh_token);
    }
    expect(account.refreshLockedUntil).toBeNull();
    expect(account.expires_at! * 1000).toBeGreaterThan(Date.now() + 30 * 60_000);

    // Fresh now: no further refresh.
    expect(await getBungieAccessToken(userId)).toBe(tokens[0]);
    expect((await tokenRefreshCount()) - before).toBe(1);
  });

  it("stores a sign-in's tokens sealed, with the Bungie account and every Destiny membership", async () => {
    const { recordSignIn } = await import("@/lib/auth/record-sign-in");
    const { getMembershipsForCurrentUser } = await import("@/lib/bungie");
    const signIn = await control<TokenResponse>("token", { user: "demo" });
    const memberships = await getMembershipsForCurrentUser(signIn.access_token);
    await recordSignIn({
      userId,
      providerAccountId: `bnet-${kind}`,
      tokens: signIn,
      memberships,
      secret,
    });
    const account = await t.db.account.findFirstOrThrow({ where: { userId } });
    const raw = JSON.stringify(account);
    expect(raw).not.toContain(signIn.access_token);
    expect(raw).not.toContain(signIn.refresh_token);
    expect(account.access_token).toMatch(/^v1\./);
    const user = await t.db.user.findUniqueOrThrow({
      where: { id: userId },
      include: { destinyMemberships: true },
    });
    expect(user.bungieName).toBe("Aurora Vale#4821");
    expect(user.lastSignInAt).not.toBeNull();
    expect(user.destinyMemberships.map((m) => m.membershipType).sort()).toEqual([2, 3]);
    expect(user.destinyMemberships.find((m) => m.isPrimary)?.membershipType).toBe(3);

    // Signing in again with the same memberships leaves their rows alone (no delete and
    // insert on every sign-in); a changed one is stored.
    const rowIds = async () =>
      (await t.db.destinyMembership.findMany({ where: { userId }, orderBy: { id: "asc" } })).map(
        (m) => m.id,
      );
    const before = await rowIds();
    await recordSignIn({
      userId,
      providerAccountId: `bnet-${kind}`,
      tokens: signIn,
      memberships,
      secret,
    });
    expect(await rowIds()).toEqual(before);
    const renamed = {
      ...memberships,
      destinyMemberships: memberships.destinyMemberships.map((m) => ({
        ...m,
        bungieGlobalDisplayName: `${m.bungieGlobalDisplayName} (renamed)`,
      })),
    };
    await recordSignIn({
      userId,
      providerAccountId: `bnet-${kind}`,
      tokens: signIn,
      memberships: renamed,
      secret,
    });
    const after = await t.db.destinyMembership.findMany({ where: { userId } });
    expect(after.map((m) => m.id).sort()).not.toEqual(before);
    expect(after.every((m) => m.displayName.endsWith("(renamed)"))).toBe(true);
    expect(after).toHaveLength(2);
  });

  it("refreshes once across two app instances sharing the database", async () => {
    await t.db.account.updateMany({
      where: { userId },
      data: { expires_at: Math.floor(Date.now() / 1000) },
    });
    const a = await freshInstance();
    const b = await freshInstance();
    expect(a.getBungieAccessToken).not.toBe(b.getBungieAccessToken);
    const before = await tokenRefreshCount();
    const [x, y, z] = await Promise.all([
      a.getBungieAccessToken(userId),
      b.getBungieAccessToken(userId),
      b.getBungieAccessToken(userId),
    ]);
    expect(x).toBe(y);
    expect(y).toBe(z);
    expect((await tokenRefreshCount()) - before).toBe(1);
  });

  it("retries a call once with a refreshed token when Bungie expired it early", async () => {
    const { withAccessToken } = await import("@/lib/auth/access-token");
    const { getMembershipsForCurrentUser } = await import("@/lib/bungie");
    await control("tokens/expire", { user: "demo" });
    const used: string[] = [];
    const memberships = await withAccessToken(userId, (token) => {
      used.push(token);
      return getMembershipsForCurrentUser(token);
    });
    expect(memberships.bungieNetUser.cachedBungieGlobalDisplayName).toBe("Aurora Vale");
    expect(used).toHaveLength(2);
    expect(used[0]).not.toBe(used[1]);
  });

  it("signs the player out when Bungie has revoked the authorization", async () => {
    const { getBungieAccessToken, BungieSessionEndedError } = await freshInstance();
    await t.db.session.create({
      data: {
        sessionTokenHash: `session-${kind}`,
        userId,
        expires: new Date(Date.now() + 86_400_000),
      },
    });
    await control("tokens/revoke", { user: "demo" });
    await t.db.account.updateMany({
      where: { userId },
      data: { expires_at: Math.floor(Date.now() / 1000) },
    });
    const error = await getBungieAccessToken(userId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BungieSessionEndedError);
    expect((error as Error).message).toMatch(/expired or was revoked/);
    expect(await t.db.session.count({ where: { userId } })).toBe(0);
  });
});
