// The OAuth round trip against the sandbox: its consent page (posted as a browser would), the
// code exchange, refresh with rotation, revocation and maintenance.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { BungieClient } from "@/lib/bungie/http";
import {
  BungieOAuthError,
  buildAuthorizeUrl,
  exchangeAuthorizationCode,
  refreshAccessToken,
} from "@/lib/bungie/oauth";
import { reshapeMemberships } from "@/lib/bungie/reshape/memberships";
import { getMembershipsForCurrentUser } from "@/lib/bungie/user";
import { demoPlayer, startHarness, type Harness } from "./sandbox-harness";

let harness: Harness;
let client: BungieClient;

beforeAll(async () => {
  harness = await startHarness();
  client = harness.client().client;
});
afterAll(() => harness.close());
beforeEach(() => harness.control("reset"));

/** Shows the consent page for our authorize URL, then approves it the way its form does. */
async function authorize(state: string, account = "demo"): Promise<URL> {
  const authorizeUrl = new URL(buildAuthorizeUrl(state, {}, client));
  const page = await fetch(authorizeUrl, { redirect: "manual" });
  expect(page.status).toBe(200);
  expect(page.headers.get("content-type")).toContain("text/html");
  const form = new URLSearchParams(authorizeUrl.searchParams);
  form.set("decision", "approve");
  form.set("account", account);
  const decision = await fetch(`${authorizeUrl.origin}${authorizeUrl.pathname}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: form,
    redirect: "manual",
  });
  expect(decision.status).toBe(302);
  return new URL(decision.headers.get("location")!);
}

async function oauthError(promise: Promise<unknown>): Promise<BungieOAuthError> {
  const error = await promise.then(
    () => new Error("expected a BungieOAuthError"),
    (e: unknown) => e,
  );
  if (!(error instanceof BungieOAuthError)) throw error;
  return error;
}

describe("OAuth against the sandbox", () => {
  it("consent → code → tokens that work → refresh (rotating) → old refresh token refused", async () => {
    const redirect = await authorize("csrf-state-1");
    expect(redirect.searchParams.get("state")).toBe("csrf-state-1");
    const code = redirect.searchParams.get("code")!;
    expect(code).toBeTruthy();

    const now = Math.floor(Date.now() / 1000);
    const tokens = await exchangeAuthorizationCode(code, client);
    const demo = await demoPlayer(harness);
    expect(tokens.bungieMembershipId).toBe(demo.bungieMembershipId);
    expect(tokens.accessTokenExpiresAt).toBeGreaterThanOrEqual(now + 3600);
    expect(tokens.refreshTokenExpiresAt).toBeGreaterThan(tokens.accessTokenExpiresAt);

    const memberships = reshapeMemberships(
      await getMembershipsForCurrentUser(tokens.accessToken, { client }),
    );
    expect(memberships.bungieNetUser.membershipId).toBe(demo.bungieMembershipId);

    const refreshed = await refreshAccessToken(tokens.refreshToken, client);
    expect(refreshed.accessToken).not.toBe(tokens.accessToken);
    expect(refreshed.refreshToken).not.toBe(tokens.refreshToken);
    await getMembershipsForCurrentUser(refreshed.accessToken, { client });

    const reused = await oauthError(refreshAccessToken(tokens.refreshToken, client));
    expect(reused.error).toBe("invalid_grant");
    expect(reused.isRevokedOrExpired).toBe(true);
  });

  it("refuses a code used twice (invalid_grant)", async () => {
    const code = (await authorize("s")).searchParams.get("code")!;
    await exchangeAuthorizationCode(code, client);
    const error = await oauthError(exchangeAuthorizationCode(code, client));
    expect(error).toMatchObject({ error: "invalid_grant", httpStatus: 400 });
    expect(error.isRevokedOrExpired).toBe(true);
  });

  it("surfaces a revoked grant on refresh as isRevokedOrExpired", async () => {
    const { refresh_token } = await harness.token();
    await harness.control("tokens/revoke", {});
    const error = await oauthError(refreshAccessToken(refresh_token, client));
    expect(error.isRevokedOrExpired).toBe(true);
    expect(error.isMaintenance).toBe(false);
  });

  it("surfaces maintenance on refresh as isMaintenance (keep the refresh token)", async () => {
    const { refresh_token } = await harness.token();
    await harness.control("maintenance", { enabled: true });
    const error = await oauthError(refreshAccessToken(refresh_token, client));
    expect(error).toMatchObject({ error: "server_error", description: "SystemDisabled" });
    expect(error.isMaintenance).toBe(true);
    expect(error.isRevokedOrExpired).toBe(false);
    await harness.control("maintenance", { enabled: false });
    expect((await refreshAccessToken(refresh_token, client)).accessToken).toBeTruthy();
  });

  it("refuses wrong client credentials", async () => {
    const { refresh_token } = await harness.token();
    const wrong = harness.client({ clientSecret: "not-the-secret" }).client;
    const error = await oauthError(refreshAccessToken(refresh_token, wrong));
    expect(error).toMatchObject({ error: "invalid_client", httpStatus: 401 });
  });
});
