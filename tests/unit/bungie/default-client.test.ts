import { afterEach, describe, expect, it, vi } from "vitest";

const SECRET = "a".repeat(40);

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

async function freshClient(env: Record<string, string>) {
  for (const name of [
    "BUNGIE_API_KEY",
    "BUNGIE_CLIENT_ID",
    "BUNGIE_CLIENT_SECRET",
    "BUNGIE_ORIGIN",
    "REDIS_URL",
    "APP_URL",
    "PORT",
  ]) {
    vi.stubEnv(name, "");
  }
  vi.stubEnv("AUTH_SECRET", SECRET);
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  vi.resetModules();
  const mod = await import("@/lib/bungie/client");
  return mod;
}

describe("getBungieClient", () => {
  it("builds the demo client on the app's sandbox mount with in-process limits", async () => {
    const { getBungieClient } = await freshClient({ APP_URL: "http://localhost:4000" });
    const client = getBungieClient();
    expect(client.origin).toBe("http://localhost:4000/sandbox");
    expect(client.clientId).toBe("sandbox-client");
    expect(client.limiter.kind).toBe("memory");
    expect(getBungieClient()).toBe(client);
  });

  it("uses Redis limits when REDIS_URL is set, and real credentials when configured", async () => {
    const { getBungieClient, setBungieClient } = await freshClient({
      BUNGIE_API_KEY: "real-key-123",
      BUNGIE_CLIENT_ID: "12345",
      BUNGIE_CLIENT_SECRET: "real-secret",
      REDIS_URL: "redis://127.0.0.1:6379",
    });
    const client = getBungieClient();
    expect(client.origin).toBe("https://www.bungie.net");
    expect(client.clientId).toBe("12345");
    expect(client.limiter.kind).toBe("redis");
    await client.close();
    setBungieClient(undefined);
  });

  it("names the limits' scope (and its Redis keys) after a hash of the API key, never the key", async () => {
    const { limitScope } = await freshClient({});
    const scope = limitScope("real-key-123");
    expect(scope.prefix).toMatch(/^warmind:bungie:[0-9a-f]{16}$/);
    expect(scope.prefix).toBe(`warmind:bungie:${scope.id}`);
    expect(JSON.stringify(scope)).not.toContain("real-key-123");
    expect(limitScope("other-key").prefix).not.toBe(scope.prefix);
    // Bungie's published rate for one address: 250 per 10 s.
    expect(scope.settings).toMatchObject({ maxRequests: 250, windowMs: 10_000 });
  });
});
