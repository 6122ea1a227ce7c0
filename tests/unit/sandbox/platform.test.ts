import { beforeEach, describe, expect, it } from "vitest";
import { call, control, demo, ORIGIN, testSandbox } from "./helpers";

type Env = ReturnType<typeof testSandbox>;

describe("/Platform front door", () => {
  let env: Env;
  beforeEach(() => {
    env = testSandbox();
  });

  it("wraps success in Bungie's envelope", async () => {
    const result = await call(env.sandbox, "/Platform/Destiny2/Manifest/");
    expect(result.status).toBe(200);
    expect(result.response.headers.get("content-type")).toContain("application/json");
    expect(Object.keys(result.body)).toEqual([
      "Response",
      "ErrorCode",
      "ThrottleSeconds",
      "ErrorStatus",
      "Message",
      "MessageData",
    ]);
    expect(result.body).toMatchObject({
      ErrorCode: 1,
      ThrottleSeconds: 0,
      ErrorStatus: "Success",
      Message: "Ok",
      MessageData: {},
    });
  });

  it("requires the API key: 2102 when missing, 2101 when wrong", async () => {
    const missing = await call(env.sandbox, "/Platform/Destiny2/Manifest/", { apiKey: null });
    expect(missing.status).toBe(401);
    expect(missing.body).toMatchObject({
      ErrorCode: 2102,
      ErrorStatus: "ApiKeyMissingFromRequest",
    });
    expect(missing.body.Response).toBeUndefined();
    const wrong = await call(env.sandbox, "/Platform/Destiny2/Manifest/", { apiKey: "nope" });
    expect(wrong.body).toMatchObject({ ErrorCode: 2101, ErrorStatus: "ApiInvalidOrExpiredKey" });
    const custom = testSandbox({ apiKey: "k2" });
    expect(
      (await call(custom.sandbox, "/Platform/Destiny2/Manifest/", { apiKey: "k2" })).body.ErrorCode,
    ).toBe(1);
  });

  it("needs a token for GetMembershipsForCurrentUser (99) and rejects unknown tokens even on public reads", async () => {
    const anonymous = await call(env.sandbox, "/Platform/User/GetMembershipsForCurrentUser/");
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({
      ErrorCode: 99,
      ErrorStatus: "WebAuthRequired",
      Message: "Please sign-in to continue.",
    });
    const bogus = await call(env.sandbox, "/Platform/Destiny2/Manifest/", { token: "not-a-token" });
    expect(bogus.body.ErrorCode).toBe(99);
  });

  it("matches paths case-insensitively with or without the trailing slash, and 404s unknown ones", async () => {
    expect((await call(env.sandbox, "/platform/destiny2/manifest")).body.ErrorCode).toBe(1);
    const unknown = await call(env.sandbox, "/Platform/Destiny2/Nope/");
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ ErrorCode: 21, ErrorStatus: "NotFound" });
    const wrongMethod = await call(env.sandbox, "/Platform/Destiny2/Actions/Items/TransferItem/");
    expect(wrongMethod.status).toBe(405);
  });

  it("is served under a base path", async () => {
    const mounted = testSandbox({ basePath: "/sandbox" });
    expect((await call(mounted.sandbox, "/Platform/Destiny2/Manifest/")).body.ErrorCode).toBe(1);
    const response = await mounted.sandbox.handle(
      new Request(`${ORIGIN}/Platform/Destiny2/Manifest/`, {
        headers: { "x-api-key": "sandbox-api-key" },
      }),
    );
    expect(response.status).toBe(404);
  });

  it("answers SystemDisabled (5) with 503 during maintenance", async () => {
    await control(env.sandbox, "maintenance", { enabled: true });
    const down = await call(env.sandbox, "/Platform/Destiny2/Manifest/");
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({
      ErrorCode: 5,
      ErrorStatus: "SystemDisabled",
      Message: "This system is temporarily disabled for maintenance.",
    });
    await control(env.sandbox, "maintenance", { enabled: false });
    expect((await call(env.sandbox, "/Platform/Destiny2/Manifest/")).status).toBe(200);
  });

  it("injects UnhandledException (3) on reads at the configured rate, deterministically", async () => {
    await control(env.sandbox, "error-rate", { rate: 0.5, status: 502 });
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++)
      statuses.push((await call(env.sandbox, "/Platform/Destiny2/Manifest/")).status);
    const failures = statuses.filter((s) => s === 502).length;
    expect(failures).toBeGreaterThan(8);
    expect(failures).toBeLessThan(32);
    const again = testSandbox();
    await control(again.sandbox, "error-rate", { rate: 0.5, status: 502 });
    const replay: number[] = [];
    for (let i = 0; i < 40; i++)
      replay.push((await call(again.sandbox, "/Platform/Destiny2/Manifest/")).status);
    expect(replay).toEqual(statuses);
    await control(env.sandbox, "error-rate", { rate: 1 });
    const body = (await call(env.sandbox, "/Platform/Destiny2/Manifest/")).body;
    expect(body).toMatchObject({
      ErrorCode: 3,
      ErrorStatus: "UnhandledException",
      Message: "We've encountered an error, please try again later.",
    });
  });

  it("throttles the next N calls with ThrottleLimitExceeded (31) and ThrottleSeconds", async () => {
    await control(env.sandbox, "throttle", { count: 2, throttleSeconds: 3 });
    for (let i = 0; i < 2; i++) {
      const throttled = await call(env.sandbox, "/Platform/Destiny2/Manifest/");
      expect(throttled.status).toBe(429);
      expect(throttled.body).toMatchObject({
        ErrorCode: 31,
        ErrorStatus: "ThrottleLimitExceeded",
        ThrottleSeconds: 3,
      });
    }
    expect((await call(env.sandbox, "/Platform/Destiny2/Manifest/")).body.ErrorCode).toBe(1);
    await control(env.sandbox, "throttle", { enabled: true, errorCode: 1672 });
    expect((await call(env.sandbox, "/Platform/Destiny2/Manifest/")).body.ErrorStatus).toBe(
      "DestinyThrottledByGameServer",
    );
    await control(env.sandbox, "throttle", { enabled: false });
    expect((await call(env.sandbox, "/Platform/Destiny2/Manifest/")).body.ErrorCode).toBe(1);
  });

  it("enforces a per-API-key rolling limit over 10 s", async () => {
    const limited = testSandbox({ apiKeyRateLimitPerSecond: 2 });
    const codes: number[] = [];
    for (let i = 0; i < 21; i++)
      codes.push((await call(limited.sandbox, "/Platform/Destiny2/Manifest/")).body.ErrorCode);
    expect(codes.slice(0, 20).every((c) => c === 1)).toBe(true);
    expect(codes[20]).toBe(31);
    limited.clock.now += 11_000;
    expect((await call(limited.sandbox, "/Platform/Destiny2/Manifest/")).body.ErrorCode).toBe(1);
  });

  it("adds latency to API calls", async () => {
    const real = testSandbox();
    await control(real.sandbox, "latency", { fixedMs: 120, jitterMs: 0 });
    const started = performance.now();
    await call(real.sandbox, "/Platform/Destiny2/Manifest/");
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
  });

  it("hangs the next call until the client aborts", async () => {
    await control(env.sandbox, "hang", { count: 1 });
    const controller = new AbortController();
    const pending = env.sandbox.handle(
      new Request(`${ORIGIN}/Platform/Destiny2/Manifest/`, {
        headers: { "x-api-key": "sandbox-api-key" },
        signal: controller.signal,
      }),
    );
    const raced = await Promise.race([
      pending.then(() => "answered"),
      new Promise((r) => setTimeout(() => r("waiting"), 100)),
    ]);
    expect(raced).toBe("waiting");
    controller.abort();
    expect((await pending).status).toBe(504);
    expect((await call(env.sandbox, "/Platform/Destiny2/Manifest/")).status).toBe(200);
  });

  it("parses components by number or name, and refuses unknown ones (7)", async () => {
    const { profile } = await demo(env.sandbox);
    const byName = await call<Record<string, unknown>>(
      env.sandbox,
      `/Platform/Destiny2/3/Profile/${profile.membershipId}/?components=Profiles,characters`,
    );
    const byNumber = await call<Record<string, unknown>>(
      env.sandbox,
      `/Platform/Destiny2/3/Profile/${profile.membershipId}/?components=100,200`,
    );
    expect(Object.keys(byName.body.Response ?? {}).sort()).toEqual(
      Object.keys(byNumber.body.Response ?? {}).sort(),
    );
    expect(byName.body.Response).toHaveProperty("profile");
    expect(byName.body.Response).toHaveProperty("characters");
    const bad = await call(
      env.sandbox,
      `/Platform/Destiny2/3/Profile/${profile.membershipId}/?components=100,Nonsense`,
    );
    expect(bad.body).toMatchObject({ ErrorCode: 7, ErrorStatus: "ParameterParseFailure" });
    const badId = await call(env.sandbox, "/Platform/Destiny2/3/Profile/abc/?components=100");
    expect(badId.body.ErrorCode).toBe(7);
  });

  it("answers CORS preflights", async () => {
    const response = await env.sandbox.handle(
      new Request(`${ORIGIN}/Platform/Destiny2/Manifest/`, { method: "OPTIONS" }),
    );
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-headers")).toContain("X-API-Key");
  });
});
