import { beforeEach, describe, expect, it } from "vitest";
import { call, control, ORIGIN, testSandbox } from "./helpers";

const REDIRECT = "http://localhost:3000/api/auth/callback/bungie";
type Env = ReturnType<typeof testSandbox>;

async function authorizePage(env: Env, query: string) {
  return env.sandbox.handle(
    new Request(`${ORIGIN}${env.sandbox.options.basePath}/en/OAuth/Authorize?${query}`),
  );
}

async function decide(env: Env, fields: Record<string, string>, path = "/en/OAuth/Authorize") {
  return env.sandbox.handle(
    new Request(`${ORIGIN}${env.sandbox.options.basePath}${path}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    }),
  );
}

async function approve(env: Env, account = "demo", state = "xyz"): Promise<string> {
  const response = await decide(env, {
    client_id: "sandbox-client",
    response_type: "code",
    state,
    account,
    decision: "approve",
  });
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get("location") ?? "");
  expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
  expect(location.searchParams.get("state")).toBe(state);
  return location.searchParams.get("code") ?? "";
}

async function token(
  env: Env,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
  path = "/Platform/App/OAuth/token/",
) {
  const response = await env.sandbox.handle(
    new Request(`${ORIGIN}${env.sandbox.options.basePath}${path}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      body: new URLSearchParams(fields).toString(),
    }),
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const CLIENT = { client_id: "sandbox-client", client_secret: "sandbox-secret" };

describe("OAuth consent page", () => {
  let env: Env;
  beforeEach(() => {
    env = testSandbox();
  });

  it("lists every demo account with its Bungie name, and Approve / Deny buttons", async () => {
    const response = await authorizePage(
      env,
      "client_id=sandbox-client&response_type=code&state=s1",
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    const html = await response.text();
    for (const [key, name] of [
      ["demo", "Aurora Vale"],
      ["rival", "Crimson Rival"],
      ["unlinked", "Twin Path"],
      ["nodestiny", "Fresh Light"],
    ]) {
      expect(html).toContain(`name="account" value="${key}"`);
      expect(html).toContain(name);
    }
    expect(html).toContain("#0317");
    expect(html).toMatch(/<button[^>]*value="approve"[^>]*>Approve<\/button>/);
    expect(html).toMatch(/<button[^>]*value="deny"[^>]*>Deny<\/button>/);
    expect(html).toContain('<input type="hidden" name="state" value="s1">');
    expect(html).not.toMatch(/<script/i);
  });

  it("accepts the path case-insensitively and puts the base path in the form action", async () => {
    const mounted = testSandbox({ basePath: "/sandbox/" });
    const response = await mounted.sandbox.handle(
      new Request(
        `${ORIGIN}/sandbox/en/oauth/authorize?client_id=sandbox-client&response_type=code`,
      ),
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('action="/sandbox/en/OAuth/Authorize"');
    const outside = await mounted.sandbox.handle(
      new Request(`${ORIGIN}/en/OAuth/Authorize?client_id=sandbox-client&response_type=code`),
    );
    expect(outside.status).toBe(404);
  });

  it("shows an error page (no redirect) for an unknown client or a foreign redirect_uri", async () => {
    const unknown = await authorizePage(env, "client_id=nope&response_type=code&state=s");
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get("location")).toBeNull();
    expect(await unknown.text()).toContain("Unknown application");
    const foreign = await authorizePage(
      env,
      `client_id=sandbox-client&response_type=code&redirect_uri=${encodeURIComponent("https://evil.example/cb")}`,
    );
    expect(foreign.status).toBe(400);
    expect(foreign.headers.get("location")).toBeNull();
    const matching = await authorizePage(
      env,
      `client_id=sandbox-client&response_type=code&redirect_uri=${encodeURIComponent(REDIRECT)}`,
    );
    expect(matching.status).toBe(200);
  });

  it("refuses a scope parameter with Bungie's invalid_scope redirect", async () => {
    const response = await authorizePage(
      env,
      "client_id=sandbox-client&response_type=code&state=abc&scope=openid",
    );
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location") ?? "");
    expect(location.searchParams.get("error")).toBe("invalid_scope");
    expect(location.searchParams.get("error_description")).toBe(
      "Scope is always configured value. Do not specify scope parameter.",
    );
    expect(location.searchParams.get("state")).toBe("abc");
  });

  it("redirects with access_denied when the user denies", async () => {
    const response = await decide(env, {
      client_id: "sandbox-client",
      response_type: "code",
      state: "st",
      account: "demo",
      decision: "deny",
    });
    const location = new URL(response.headers.get("location") ?? "");
    expect(location.searchParams.get("error")).toBe("access_denied");
    expect(location.searchParams.get("state")).toBe("st");
    expect(location.searchParams.has("code")).toBe(false);
  });

  it("ignores PKCE's code_challenge, as Bungie does", async () => {
    const response = await authorizePage(
      env,
      "client_id=sandbox-client&response_type=code&code_challenge=abc&code_challenge_method=S256",
    );
    expect(response.status).toBe(200);
    const code = await approve(env);
    const exchanged = await token(env, {
      grant_type: "authorization_code",
      code,
      code_verifier: "whatever",
      ...CLIENT,
    });
    expect(exchanged.status).toBe(200);
  });
});

describe("OAuth token endpoint", () => {
  let env: Env;
  beforeEach(() => {
    env = testSandbox();
  });

  it("exchanges a code for Bungie's token response, once", async () => {
    const code = await approve(env, "rival");
    const first = await token(env, { grant_type: "authorization_code", code, ...CLIENT });
    expect(first.status).toBe(200);
    expect(Object.keys(first.body).sort()).toEqual([
      "access_token",
      "expires_in",
      "membership_id",
      "refresh_expires_in",
      "refresh_token",
      "token_type",
    ]);
    expect(first.body).toMatchObject({
      token_type: "Bearer",
      expires_in: 3600,
      refresh_expires_in: 7776000,
    });
    const users = await control<{ users: { key: string; membershipId: string }[] }>(
      env.sandbox,
      "users",
    );
    expect(first.body.membership_id).toBe(users.users.find((u) => u.key === "rival")?.membershipId);
    expect(typeof first.body.membership_id).toBe("string");
    const again = await token(env, { grant_type: "authorization_code", code, ...CLIENT });
    expect(again).toEqual({
      status: 400,
      body: { error: "invalid_grant", error_description: "AuthorizationCodeInvalid" },
    });
  });

  it("lets codes expire after about a minute", async () => {
    const code = await approve(env);
    env.clock.now += 61_000;
    const late = await token(env, { grant_type: "authorization_code", code, ...CLIENT });
    expect(late.status).toBe(400);
    expect(late.body.error).toBe("invalid_grant");
  });

  it("rotates refresh tokens: the old one dies when used", async () => {
    const code = await approve(env);
    const first = await token(env, { grant_type: "authorization_code", code, ...CLIENT });
    const refreshed = await token(env, {
      grant_type: "refresh_token",
      refresh_token: String(first.body.refresh_token),
      ...CLIENT,
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).not.toBe(first.body.refresh_token);
    expect(refreshed.body.access_token).not.toBe(first.body.access_token);
    const reused = await token(env, {
      grant_type: "refresh_token",
      refresh_token: String(first.body.refresh_token),
      ...CLIENT,
    });
    expect(reused).toEqual({
      status: 400,
      body: { error: "invalid_grant", error_description: "ProvidedTokenNotValidRefreshToken" },
    });
    const next = await token(env, {
      grant_type: "refresh_token",
      refresh_token: String(refreshed.body.refresh_token),
      ...CLIENT,
    });
    expect(next.status).toBe(200);
  });

  it("authenticates clients by form body or HTTP Basic, refusing wrong secrets (401)", async () => {
    const basic = `Basic ${Buffer.from("sandbox-client:sandbox-secret").toString("base64")}`;
    const viaBasic = await token(
      env,
      { grant_type: "authorization_code", code: await approve(env) },
      { authorization: basic },
    );
    expect(viaBasic.status).toBe(200);
    const wrongSecret = await token(env, {
      grant_type: "authorization_code",
      code: await approve(env),
      client_id: "sandbox-client",
      client_secret: "nope",
    });
    expect(wrongSecret.status).toBe(401);
    expect(wrongSecret.body.error).toBe("invalid_client");
    const wrongBasic = await token(
      env,
      { grant_type: "authorization_code", code: await approve(env) },
      { authorization: `Basic ${Buffer.from("sandbox-client:x").toString("base64")}` },
    );
    expect(wrongBasic.status).toBe(401);
    const noClient = await token(env, { grant_type: "authorization_code", code: "x" });
    expect(noClient).toEqual({
      status: 400,
      body: { error: "invalid_request", error_description: "Cannot parse client_id" },
    });
  });

  it("refuses scope, unknown grant types and answers server_error during maintenance", async () => {
    const scoped = await token(env, {
      grant_type: "authorization_code",
      code: await approve(env),
      scope: "ReadBasicUserProfile",
      ...CLIENT,
    });
    expect(scoped.body).toMatchObject({ error: "invalid_scope" });
    const password = await token(env, { grant_type: "password", ...CLIENT });
    expect(password.body.error).toBe("unsupported_grant_type");
    await control(env.sandbox, "maintenance", { enabled: true });
    const down = await token(env, { grant_type: "authorization_code", code: "x", ...CLIENT });
    expect(down).toEqual({
      status: 400,
      body: { error: "server_error", error_description: "SystemDisabled" },
    });
  });

  it("works at lower-case paths without a trailing slash and needs no API key", async () => {
    const result = await token(
      env,
      { grant_type: "authorization_code", code: await approve(env), ...CLIENT },
      {},
      "/platform/app/oauth/token",
    );
    expect(result.status).toBe(200);
  });

  it("issues tokens that the API accepts, until they expire (2111) or are revoked (99)", async () => {
    const first = await token(env, {
      grant_type: "authorization_code",
      code: await approve(env),
      ...CLIENT,
    });
    const me = () =>
      call(env.sandbox, "/Platform/User/GetMembershipsForCurrentUser/", {
        token: String(first.body.access_token),
      });
    expect((await me()).body.ErrorCode).toBe(1);
    env.clock.now += 3600_000;
    const expired = await me();
    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject({ ErrorCode: 2111, ErrorStatus: "AccessTokenHasExpired" });
    const refreshed = await token(env, {
      grant_type: "refresh_token",
      refresh_token: String(first.body.refresh_token),
      ...CLIENT,
    });
    const again = await call(env.sandbox, "/Platform/User/GetMembershipsForCurrentUser/", {
      token: String(refreshed.body.access_token),
    });
    expect(again.body.ErrorCode).toBe(1);
    await control(env.sandbox, "tokens/revoke", { user: "demo" });
    const revoked = await call(env.sandbox, "/Platform/User/GetMembershipsForCurrentUser/", {
      token: String(refreshed.body.access_token),
    });
    expect(revoked.status).toBe(401);
    expect(revoked.body.ErrorCode).toBe(99);
    const refreshRevoked = await token(env, {
      grant_type: "refresh_token",
      refresh_token: String(refreshed.body.refresh_token),
      ...CLIENT,
    });
    expect(refreshRevoked).toEqual({
      status: 400,
      body: { error: "invalid_grant", error_description: "AuthorizationRecordRevoked" },
    });
  });

  it("honours a shorter token lifetime set through the control API", async () => {
    await control(env.sandbox, "config", { accessTokenTtlSeconds: 5 });
    const issued = await control<{ expires_in: number; access_token: string }>(
      env.sandbox,
      "token",
      { user: "demo" },
    );
    expect(issued.expires_in).toBe(5);
    env.clock.now += 5_000;
    expect(
      (
        await call(env.sandbox, "/Platform/User/GetMembershipsForCurrentUser/", {
          token: issued.access_token,
        })
      ).body.ErrorCode,
    ).toBe(2111);
  });

  it("expires current tokens on demand", async () => {
    const issued = await control<{ access_token: string }>(env.sandbox, "token", { user: "demo" });
    await control(env.sandbox, "tokens/expire", {});
    expect(
      (
        await call(env.sandbox, "/Platform/User/GetMembershipsForCurrentUser/", {
          token: issued.access_token,
        })
      ).body.ErrorCode,
    ).toBe(2111);
  });
});
