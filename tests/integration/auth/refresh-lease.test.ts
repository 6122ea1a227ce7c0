// The refresh lease under load (issue 13 item 6), against the sandbox over real HTTP on both
// databases: a token call slower than the old 20-second lease (it first waits in the limiter's
// queue, then Bungie takes its time) is still spent once, by one refresher, and nobody is signed
// out; a refresher that lost its lease never overwrites what the new holder stores.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startSandboxServer } from "../../../sandbox/node-server";
import type { BungieClient, BungieLimiter } from "@/lib/bungie";
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from "../../support/databases";

type Server = Awaited<ReturnType<typeof startSandboxServer>>;
type TokenResponse = { access_token: string; refresh_token: string; expires_in: number };

let server: Server;
const secret = "integration-secret-".padEnd(48, "x");

/** How long the token call waits for a window slot (Bungie's window is full of page traffic). */
const QUEUE_WAIT_MS = 8_000;
/** Then how long Bungie takes to answer it: within the 15-second write timeout. */
const ANSWER_MS = 13_000;

async function control<T = unknown>(path: string, body: unknown = {}): Promise<T> {
  const response = await fetch(`${server.url}/__sandbox/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return (await response.json()) as T;
}

async function tokenCalls(): Promise<number> {
  const stats = (await (await fetch(`${server.url}/__sandbox/stats`)).json()) as {
    operations: Record<string, number>;
  };
  return stats.operations["OAuth.Token"] ?? 0;
}

function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

/**
 * What a second app instance runs: a fresh copy of the token module with its own Bungie client,
 * built by `makeClient` from that copy's lib/bungie.
 */
async function instance(
  makeClient: (bungie: typeof import("@/lib/bungie")) => BungieClient,
): Promise<typeof import("@/lib/auth/access-token")> {
  vi.resetModules();
  const db = (globalThis as { warmindDb?: unknown }).warmindDb;
  const bungie = await import("@/lib/bungie");
  bungie.setBungieClient(makeClient(bungie));
  const mod = await import("@/lib/auth/access-token");
  (globalThis as { warmindDb?: unknown }).warmindDb = db;
  return mod;
}

/** A client whose token calls wait QUEUE_WAIT_MS for a slot, then ANSWER_MS for Bungie. */
function slowTokenClient(bungie: typeof import("@/lib/bungie")): BungieClient {
  const inner = bungie.createMemoryLimiter();
  const limiter: BungieLimiter = {
    kind: "memory",
    acquireRequest: async (ticket) => {
      if (ticket?.priority === "token") await sleep(QUEUE_WAIT_MS, ticket.signal);
      return inner.acquireRequest(ticket);
    },
    acquireAction: (player, options) => inner.acquireAction(player, options),
    backOff: (ms) => inner.backOff(ms),
    close: () => inner.close(),
  };
  return bungie.createBungieClient({
    origin: server.url,
    apiKey: "sandbox-api-key",
    clientId: "sandbox-client",
    clientSecret: "sandbox-secret",
    limiter,
    logger: () => {},
    fetch: async (input, init) => {
      if (String(input).includes("/OAuth/token")) await sleep(ANSWER_MS, init?.signal);
      return fetch(input, init);
    },
  });
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

describe.each(DATABASE_KINDS)("the refresh lease on %s", (kind) => {
  let t: TestDatabase;
  let userId: string;
  const providerAccountId = `bnet-lease-${kind}`;

  beforeAll(async () => {
    t = await openTestDatabase(kind);
    (globalThis as { warmindDb?: unknown }).warmindDb = t.db;
    const user = await t.db.user.create({ data: { name: "Aurora Vale#4821" } });
    userId = user.id;
  });

  afterAll(async () => {
    await t?.close();
  });

  /** A fresh sign-in's tokens, stored as about to expire, and a live session. */
  async function expiringAccount(): Promise<TokenResponse> {
    await control("reset");
    const tokens = await control<TokenResponse>("token", { user: "demo" });
    const { sealTokens } = await import("@/lib/auth/stored-tokens");
    await t.db.account.deleteMany({ where: { userId } });
    await t.db.account.create({
      data: {
        userId,
        type: "oauth",
        provider: "bungie",
        providerAccountId,
        ...sealTokens({ ...tokens, expires_in: 30 }, secret),
      },
    });
    await t.db.session.deleteMany({ where: { userId } });
    await t.db.session.create({
      data: {
        sessionTokenHash: `lease-session-${kind}`,
        userId,
        expires: new Date(Date.now() + 86_400_000),
      },
    });
    return tokens;
  }

  it(
    "a token call slower than 20 s is spent once and signs nobody out",
    { timeout: 120_000 },
    async () => {
      const original = await expiringAccount();
      const a = await instance(slowTokenClient);
      const b = await instance(slowTokenClient);
      const before = await tokenCalls();
      const started = Date.now();
      const [x, y] = await Promise.all([
        a.getBungieAccessToken(userId),
        // The second instance arrives a moment later and finds the lease taken.
        sleep(300).then(() => b.getBungieAccessToken(userId)),
      ]);
      // The call really was slower than the old lease.
      expect(Date.now() - started).toBeGreaterThan(20_000);
      expect(x).toBe(y);
      expect(x).not.toBe(original.access_token);
      expect((await tokenCalls()) - before).toBe(1);
      expect(await t.db.session.count({ where: { userId } })).toBe(1);
      const account = await t.db.account.findUniqueOrThrow({
        where: { provider_providerAccountId: { provider: "bungie", providerAccountId } },
      });
      expect(account.refreshLockedUntil).toBeNull();
      const { openToken } = await import("@/lib/auth/stored-tokens");
      expect(openToken(account.access_token, secret)).toBe(x);
      // The stored refresh token is the new one, and it works.
      const refreshed = await fetch(`${server.url}/Platform/App/OAuth/token/`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          grant_type: "refresh_token",
          refresh_token: openToken(account.refresh_token, secret)!,
          client_id: "sandbox-client",
          client_secret: "sandbox-secret",
        }),
      });
      expect(refreshed.status).toBe(200);
    },
  );

  it("a refresh that lost its lease does not overwrite the new holder's tokens", async () => {
    await expiringAccount();
    const where = { provider_providerAccountId: { provider: "bungie", providerAccountId } };
    const stolen = new Date(Date.now() + 3_600_000);
    let stored: { access_token: string | null; refresh_token: string | null } | undefined;
    const a = await instance((bungie) =>
      bungie.createBungieClient({
        origin: server.url,
        apiKey: "sandbox-api-key",
        clientId: "sandbox-client",
        clientSecret: "sandbox-secret",
        logger: () => {},
        fetch: async (input, init) => {
          const response = await fetch(input, init);
          if (String(input).includes("/OAuth/token")) {
            // While Bungie answered, the lease ended and another refresher took it (and will
            // store its own tokens): what is in the row now must stay.
            const row = await t.db.account.update({
              where,
              data: { refreshLockedUntil: stolen },
            });
            stored = { access_token: row.access_token, refresh_token: row.refresh_token };
          }
          return response;
        },
      }),
    );
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const token = await a.getBungieAccessToken(userId);
    warn.mockRestore();
    expect(token).toBeTruthy();
    const account = await t.db.account.findUniqueOrThrow({ where });
    expect(stored).toBeDefined();
    expect(account.access_token).toBe(stored!.access_token);
    expect(account.refresh_token).toBe(stored!.refresh_token);
    expect(account.refreshLockedUntil?.getTime()).toBe(stolen.getTime());
    expect(await t.db.session.count({ where: { userId } })).toBe(1);
  });
});
