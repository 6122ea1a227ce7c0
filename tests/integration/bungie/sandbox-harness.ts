// Starts the Bungie sandbox over real HTTP (mounted under /sandbox, as in demo mode) and builds
// clients pointed at it. Each client counts the requests it sends, so tests can tell a retried
// request from one that was sent once.
import { createBungieClient, type BungieClient, type BungieClientConfig } from "@/lib/bungie/http";
import type { LogLevel } from "@/lib/bungie/logger";
import { startSandboxServer, type SandboxServer } from "../../../sandbox/node-server";

export const SANDBOX = {
  apiKey: "sandbox-api-key",
  clientId: "sandbox-client",
  clientSecret: "sandbox-secret",
};
export const BASE_PATH = "/sandbox";

export type Harness = {
  server: SandboxServer;
  origin: string;
  control(path: string, body?: unknown): Promise<Record<string, unknown>>;
  get(path: string): Promise<Record<string, unknown>>;
  /** Bungie's token response for a demo user, without the browser. */
  token(user?: string): Promise<TokenResponse>;
  client(config?: Partial<BungieClientConfig>): CountingClient;
  close(): Promise<void>;
};

export type TokenResponse = {
  access_token: string;
  refresh_token: string;
  membership_id: string;
  expires_in: number;
};

export type CountingClient = {
  client: BungieClient;
  /** Paths (below the origin) of every request sent, retries included. */
  sent: string[];
  logs: { level: LogLevel; message: string }[];
};

export async function startHarness(): Promise<Harness> {
  const server = await startSandboxServer({ port: 0, basePath: BASE_PATH });
  const origin = `${server.url}${BASE_PATH}`;
  const control = async (path: string, body: unknown = {}) => {
    const response = await fetch(`${origin}/__sandbox/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as Record<string, unknown>;
    if (!response.ok) throw new Error(`sandbox control ${path}: ${JSON.stringify(json)}`);
    return json;
  };
  const clients: BungieClient[] = [];
  return {
    server,
    origin,
    control,
    get: async (path) =>
      (await (await fetch(`${origin}/__sandbox/${path}`)).json()) as Record<string, unknown>,
    token: async (user = "demo") => (await control("token", { user })) as unknown as TokenResponse,
    client(config = {}) {
      const sent: string[] = [];
      const logs: CountingClient["logs"] = [];
      const client = createBungieClient({
        origin,
        ...SANDBOX,
        fetch: (input, init) => {
          sent.push(String(input).slice(origin.length));
          return fetch(input, init);
        },
        logger: (level, message) => logs.push({ level, message }),
        ...config,
      });
      clients.push(client);
      return { client, sent, logs };
    },
    async close() {
      await Promise.all(clients.map((c) => c.close()));
      await server.close();
    },
  };
}

/** The demo player (cross save, Steam primary) as the sandbox seeds it. */
export type DemoPlayer = {
  bungieMembershipId: string;
  membershipId: string;
  membershipType: number;
  characterIds: string[];
};

export async function demoPlayer(harness: Harness): Promise<DemoPlayer> {
  const { users } = (await harness.get("users")) as {
    users: {
      key: string;
      membershipId: string;
      primaryMembershipId?: string;
      profiles: {
        membershipId: string;
        membershipType: number;
        isOverridden: boolean;
        characters: { characterId: string }[];
      }[];
    }[];
  };
  const demo = users.find((u) => u.key === "demo")!;
  const profile = demo.profiles.find((p) => !p.isOverridden)!;
  return {
    bungieMembershipId: demo.membershipId,
    membershipId: profile.membershipId,
    membershipType: profile.membershipType,
    characterIds: profile.characters.map((c) => c.characterId),
  };
}
