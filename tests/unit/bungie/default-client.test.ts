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
  it("shares one limiter per process, even when the module is loaded twice (Next's bundles)", async () => {
    const first = await freshClient({ APP_URL: "http://localhost:4000" });
    const client = first.getBungieClient();
    // A second instance of the module, as Next's route-handler and page bundles each load one:
    // without a shared limiter the process had two windows, twice Bungie's rate.
    vi.resetModules();
    const second = await import("@/lib/bungie/client");
    expect(second).not.toBe(first);
    expect(second.getBungieClient()).not.toBe(client);
    expect(second.getBungieClient().limiter).toBe(client.limiter);
  });

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

describe("limitScope: the source IP's window, configurable", () => {
  it("takes the rate and window from BUNGIE_RATE_PER_SECOND and BUNGIE_RATE_WINDOW_SECONDS", async () => {
    const { limitScope } = await freshClient({});
    const scope = limitScope("k", { perSecond: 12.5, windowSeconds: 20 });
    expect(scope.settings).toMatchObject({ maxRequests: 250, windowMs: 20_000 });
    expect(scope.settings.actionSpacingMs).toEqual({ item: 100, loadout: 1_000, plug: 500 });
  });

  it("keys the window by BUNGIE_LIMIT_SCOPE (shared by every key behind that address), actions by the key", async () => {
    const { limitScope } = await freshClient({});
    const one = limitScope("key-one", { scope: "egress-203.0.113.7" });
    const two = limitScope("key-two", { scope: "egress-203.0.113.7" });
    expect(one.windowPrefix).toBe("warmind:bungie:ip:egress-203.0.113.7");
    expect(two.windowPrefix).toBe(one.windowPrefix);
    expect(one.prefix).not.toBe(two.prefix);
    // Unset: the deployment's own window, as before.
    expect(limitScope("key-one").windowPrefix).toBe(limitScope("key-one").prefix);
  });

  it("gives each process its own window with BUNGIE_LIMIT_SCOPE=instance", async () => {
    const first = (await freshClient({})).limitScope("k", { scope: "instance" });
    const second = (await freshClient({})).limitScope("k", { scope: "instance" });
    expect(first.windowPrefix).toMatch(/^warmind:bungie:ip:instance-/);
    expect(second.windowPrefix).not.toBe(first.windowPrefix);
    expect(second.prefix).toBe(first.prefix);
  });

  it("reads the environment, and refuses a bad value naming the variable", async () => {
    const { parseEnv } = await import("@/lib/env-schema");
    const base = { AUTH_SECRET: SECRET };
    expect(parseEnv(base).bungieRate).toEqual({ perSecond: 25, windowSeconds: 10, scope: null });
    expect(
      parseEnv({
        ...base,
        BUNGIE_RATE_PER_SECOND: "20",
        BUNGIE_RATE_WINDOW_SECONDS: "10",
        BUNGIE_LIMIT_SCOPE: "eu-west-nat-1",
      }).bungieRate,
    ).toEqual({ perSecond: 20, windowSeconds: 10, scope: "eu-west-nat-1" });
    expect(() => parseEnv({ ...base, BUNGIE_RATE_PER_SECOND: "0" })).toThrow(
      /BUNGIE_RATE_PER_SECOND must be more than 0/,
    );
    expect(() => parseEnv({ ...base, BUNGIE_LIMIT_SCOPE: "has space" })).toThrow(
      /BUNGIE_LIMIT_SCOPE/,
    );
  });
});
