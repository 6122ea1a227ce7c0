// The whole sign-in, in one process on both databases: Auth.js' real route handlers and our
// adapter, the sandbox's consent page and token endpoint over real HTTP. What an attacker with
// the browser, or with a copy of the database, must not get.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSandboxServer } from "../../../sandbox/node-server";
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from "../../support/databases";
import { APP_ORIGIN, SESSION_COOKIE, SignInBrowser } from "./sign-in-browser";

type Server = Awaited<ReturnType<typeof startSandboxServer>>;
type SandboxUser = {
  key: string;
  membershipId: string;
  profiles: { membershipId: string }[];
};

let server: Server;
let users: Map<string, SandboxUser>;

beforeAll(async () => {
  server = await startSandboxServer({
    port: 0,
    redirectUrl: `${APP_ORIGIN}/api/auth/callback/bungie`,
  });
  Object.assign(process.env, {
    AUTH_SECRET: "sign-in-integration-secret".padEnd(48, "x"),
    APP_URL: APP_ORIGIN,
    BUNGIE_ORIGIN: server.url,
    BUNGIE_API_KEY: "sandbox-api-key",
    BUNGIE_CLIENT_ID: "sandbox-client",
    BUNGIE_CLIENT_SECRET: "sandbox-secret",
  });
  delete process.env.REDIS_URL;
  const listed = (await (await fetch(`${server.url}/__sandbox/users`)).json()) as {
    users: SandboxUser[];
  };
  users = new Map(listed.users.map((u) => [u.key, u]));
});

afterAll(async () => {
  await server?.close();
});

function bnetId(key: string): string {
  const user = users.get(key);
  if (!user) throw new Error(`no sandbox user ${key}`);
  return user.membershipId;
}

describe.each(DATABASE_KINDS)("sign-in on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
    (globalThis as { warmindDb?: unknown }).warmindDb = t.db;
  });
  afterAll(async () => {
    await t?.close();
  });
  beforeEach(async () => {
    await t.db.user.deleteMany({});
  });

  const userOf = (key: string) =>
    t.db.user.findUniqueOrThrow({
      where: { bungieMembershipId: bnetId(key) },
      include: { accounts: true, destinyMemberships: true, sessions: true },
    });

  it("signs a player in with a session cookie", async () => {
    const browser = new SignInBrowser();
    const landed = await browser.signIn("demo");
    expect(landed.url).toBe(`${APP_ORIGIN}/account`);
    expect(browser.cookies.get(SESSION_COOKIE)).toBeTruthy();
    const aurora = await userOf("demo");
    expect(aurora.bungieName).toBe("Aurora Vale#4821");
    expect(aurora.sessions).toHaveLength(1);
  });

  it("a second sign-in in the same browser ends the session and signs in that account's own user", async () => {
    const first = new SignInBrowser();
    await first.signIn("demo");
    const auroraBefore = await userOf("demo");
    const auroraMemberships = auroraBefore.destinyMemberships.map((m) => m.membershipId).sort();
    expect(auroraMemberships.length).toBeGreaterThan(0);

    const landed = await first.signIn("rival");
    expect(landed.url).toBe(`${APP_ORIGIN}/account`);
    expect(await first.session()).toMatchObject({ user: { bungieName: "Crimson Rival#0317" } });

    const aurora = await userOf("demo");
    const rival = await userOf("rival");
    expect(rival.id).not.toBe(aurora.id);
    // Aurora's user holds Aurora's account only, with her own name and memberships.
    expect(aurora.id).toBe(auroraBefore.id);
    expect(aurora.accounts.map((a) => a.providerAccountId)).toEqual([bnetId("demo")]);
    expect(aurora.bungieName).toBe("Aurora Vale#4821");
    expect(aurora.destinyMemberships.map((m) => m.membershipId).sort()).toEqual(auroraMemberships);
    // Her session in that browser ended; the browser now holds Rival's.
    expect(aurora.sessions).toHaveLength(0);
    expect(rival.accounts.map((a) => a.providerAccountId)).toEqual([bnetId("rival")]);
    expect(rival.sessions).toHaveLength(1);
    expect(rival.destinyMemberships.map((m) => m.membershipId).sort()).toEqual(
      users
        .get("rival")!
        .profiles.map((p) => p.membershipId)
        .sort(),
    );

    // Rival signing in elsewhere lands in Rival's user, never in Aurora's.
    const second = new SignInBrowser();
    await second.signIn("rival");
    expect(await second.session()).toMatchObject({ user: { bungieName: "Crimson Rival#0317" } });
    expect((await userOf("rival")).sessions).toHaveLength(2);
    expect((await userOf("demo")).sessions).toHaveLength(0);
    expect(await t.db.user.count()).toBe(2);
    expect(await t.db.account.count()).toBe(2);
  });

  it("signing in again with the same account keeps one user and replaces the session", async () => {
    const browser = new SignInBrowser();
    await browser.signIn("demo");
    const before = browser.cookies.get(SESSION_COOKIE);
    await browser.signIn("demo");
    expect(browser.cookies.get(SESSION_COOKIE)).not.toBe(before);
    const aurora = await userOf("demo");
    expect(aurora.accounts).toHaveLength(1);
    expect(aurora.sessions).toHaveLength(1);
    expect(await t.db.user.count()).toBe(1);
  });

  it("a sign-in that does not complete leaves the current session alone", async () => {
    const browser = new SignInBrowser();
    await browser.signIn("demo");
    const cookie = browser.cookies.get(SESSION_COOKIE);
    // Back from Bungie without a code (the player pressed Deny).
    await browser.follow("/api/auth/callback/bungie?error=access_denied&state=x");
    expect(browser.cookies.get(SESSION_COOKIE)).toBe(cookie);
    expect(await browser.session()).toMatchObject({ user: { bungieName: "Aurora Vale#4821" } });
  });

  it("/api/auth/session sends only what the UI shows: no session token, no ids", async () => {
    const browser = new SignInBrowser();
    await browser.signIn("demo");
    const session = await browser.session();
    const cookie = browser.cookies.get(SESSION_COOKIE)!;
    const aurora = await userOf("demo");
    expect(session).toEqual({
      user: { bungieName: "Aurora Vale#4821", image: aurora.image },
      expires: expect.any(String),
    });
    const text = JSON.stringify(session);
    for (const secret of [
      cookie,
      aurora.id,
      bnetId("demo"),
      ...aurora.sessions.map((s) => s.userId),
    ])
      expect(text).not.toContain(secret);
    expect(text).not.toMatch(/sessionToken|userId|token/i);
    // Signed out: nothing at all.
    expect(await new SignInBrowser().session()).toBeNull();
  });

  it("stores session tokens hashed: a copy of the Session table signs nobody in", async () => {
    const browser = new SignInBrowser();
    await browser.signIn("demo");
    const cookie = browser.cookies.get(SESSION_COOKIE)!;
    expect(cookie.length).toBeGreaterThanOrEqual(32);
    const rows = await t.db.$queryRawUnsafe<Record<string, unknown>[]>(`select * from "Session"`);
    expect(rows).toHaveLength(1);
    const stored = Object.values(rows[0]!).map((v) => (v instanceof Date ? v.toISOString() : v));
    expect(stored).not.toContain(cookie);
    for (const value of stored) {
      if (typeof value !== "string") continue;
      expect(value.includes(cookie)).toBe(false);
      // The stolen value, used as a cookie, gets no session.
      const thief = new SignInBrowser();
      thief.cookies.set(SESSION_COOKIE, value);
      expect(await thief.session()).toBeNull();
    }
    // The real cookie still works, and signing out deletes its row.
    expect(await browser.session()).toMatchObject({ user: { bungieName: "Aurora Vale#4821" } });
    const csrf = await browser.request("/api/auth/csrf");
    const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
    await browser.follow("/api/auth/signout", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken }).toString(),
    });
    expect(await t.db.session.count()).toBe(0);
  });
});
