import { describe, expect, it } from "vitest";
import {
  BungieOAuthError,
  buildAuthorizeUrl,
  exchangeAuthorizationCode,
  parseTokenResponse,
  refreshAccessToken,
} from "@/lib/bungie/oauth";
import type { BungieLimiter } from "@/lib/bungie/limits";
import { CLIENT_SECRET, testClient } from "./fake-fetch";

const tokenBody = {
  access_token: "AT",
  token_type: "Bearer",
  expires_in: 3600,
  refresh_token: "RT",
  refresh_expires_in: 7776000,
  membership_id: "20000001",
};

async function oauthError(promise: Promise<unknown>): Promise<BungieOAuthError> {
  const error = await promise.then(
    () => new Error("expected a rejection"),
    (e: unknown) => e,
  );
  if (!(error instanceof BungieOAuthError)) throw error;
  return error;
}

describe("OAuth token calls", () => {
  it("exchanges a code with a form body, client credentials, no scope and no API key", async () => {
    const { client, calls } = testClient([{ json: tokenBody }]);
    const before = Math.floor(Date.now() / 1000);
    const tokens = await exchangeAuthorizationCode("the-code", client);
    expect(calls).toHaveLength(1);
    const call = calls[0]!;
    expect(call.url).toBe("http://bungie.test/sandbox/Platform/App/OAuth/token/");
    expect(call.method).toBe("POST");
    expect(call.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(call.headers["x-api-key"]).toBeUndefined();
    const form = new URLSearchParams(call.body);
    expect(Object.fromEntries(form)).toEqual({
      grant_type: "authorization_code",
      code: "the-code",
      client_id: "12345",
      client_secret: CLIENT_SECRET,
    });
    expect(form.has("scope")).toBe(false);
    expect(tokens.accessToken).toBe("AT");
    expect(tokens.refreshToken).toBe("RT");
    expect(tokens.bungieMembershipId).toBe("20000001");
    expect(tokens.accessTokenExpiresAt - before).toBeGreaterThanOrEqual(3600);
    expect(tokens.accessTokenExpiresAt - before).toBeLessThanOrEqual(3601);
    expect(tokens.refreshTokenExpiresAt - tokens.accessTokenExpiresAt).toBe(7776000 - 3600);
  });

  it("refreshes with grant_type=refresh_token", async () => {
    const { client, calls } = testClient([{ json: { ...tokenBody, access_token: "AT2" } }]);
    expect((await refreshAccessToken("old-refresh", client)).accessToken).toBe("AT2");
    expect(Object.fromEntries(new URLSearchParams(calls[0]!.body))).toMatchObject({
      grant_type: "refresh_token",
      refresh_token: "old-refresh",
    });
  });

  it("surfaces invalid_grant as revoked/expired, never retried", async () => {
    const { client, calls } = testClient(() => ({
      status: 400,
      json: { error: "invalid_grant", error_description: "AuthorizationRecordExpired" },
    }));
    const error = await oauthError(refreshAccessToken("old", client));
    expect(error).toMatchObject({
      error: "invalid_grant",
      description: "AuthorizationRecordExpired",
      httpStatus: 400,
    });
    expect(error.isRevokedOrExpired).toBe(true);
    expect(error.isMaintenance).toBe(false);
    expect(calls).toHaveLength(1);
  });

  it("surfaces maintenance as isMaintenance (not revoked)", async () => {
    const { client } = testClient([
      { status: 400, json: { error: "server_error", error_description: "SystemDisabled" } },
    ]);
    const error = await oauthError(exchangeAuthorizationCode("c", client));
    expect(error.isMaintenance).toBe(true);
    expect(error.isRevokedOrExpired).toBe(false);
    expect(error.isTransient).toBe(true);
  });

  it("turns a timeout into a transient BungieOAuthError", async () => {
    const { client, calls } = testClient(() => ({ hang: true }), { writeTimeoutMs: 20 });
    const error = await oauthError(refreshAccessToken("rt", client));
    expect(error.error).toBe("timeout");
    expect(error.isTransient).toBe(true);
    expect(error.httpStatus).toBeNull();
    expect(calls).toHaveLength(1);
  });

  it("bounds the whole refresh with the caller's deadline, the wait for a window slot included", async () => {
    // A window that never frees a slot: without the deadline the call would wait forever.
    const full: BungieLimiter = {
      kind: "memory",
      acquireRequest: (ticket) =>
        new Promise((_, reject) =>
          ticket?.signal?.addEventListener("abort", () => reject(ticket.signal?.reason)),
        ),
      acquireAction: () => Promise.reject(new Error("unused")),
      backOff: async () => {},
      close: async () => {},
    };
    const queued = testClient([{ json: tokenBody }], { limiter: full });
    const started = Date.now();
    const error = await oauthError(
      refreshAccessToken("rt", queued.client, { signal: AbortSignal.timeout(50) }),
    );
    expect(error.error).toBe("timeout");
    expect(error.isTransient).toBe(true);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(queued.calls).toHaveLength(0);

    // A slow answer: the deadline ends it before the (longer) write timeout would.
    const slow = testClient(() => ({ hang: true }), { writeTimeoutMs: 60_000 });
    const late = await oauthError(
      refreshAccessToken("rt", slow.client, { signal: AbortSignal.timeout(50) }),
    );
    expect(late.error).toBe("timeout");
    expect(slow.calls).toHaveLength(1);
  });
});

describe("parseTokenResponse", () => {
  it("accepts a numeric membership_id and string lifetimes", () => {
    const out = parseTokenResponse(
      JSON.stringify({ ...tokenBody, membership_id: 5, expires_in: "60" }),
      200,
      1000,
    );
    expect(out).toMatchObject({
      bungieMembershipId: "5",
      accessTokenExpiresAt: 1060,
      refreshTokenExpiresAt: 1000 + 7776000,
    });
  });

  it("rejects HTML, envelopes and incomplete bodies", () => {
    const html = parseTokenResponse("<html>down</html>", 503, 0);
    expect(html).toBeInstanceOf(BungieOAuthError);
    expect((html as BungieOAuthError).isMaintenance).toBe(true);
    const envelope = parseTokenResponse(
      JSON.stringify({ ErrorCode: 5, ErrorStatus: "SystemDisabled" }),
      503,
      0,
    );
    expect((envelope as BungieOAuthError).isMaintenance).toBe(true);
    const partial = parseTokenResponse(JSON.stringify({ access_token: "x" }), 200, 0);
    expect((partial as BungieOAuthError).error).toBe("invalid_response");
  });
});

describe("buildAuthorizeUrl", () => {
  it("builds Bungie's authorize URL without scope or PKCE", () => {
    const { client } = testClient([]);
    const url = new URL(buildAuthorizeUrl("st@te/1", {}, client));
    expect(`${url.origin}${url.pathname}`).toBe("http://bungie.test/sandbox/en/OAuth/Authorize");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: "12345",
      response_type: "code",
      state: "st@te/1",
    });
    expect(
      new URL(buildAuthorizeUrl("s", { reauth: true }, client)).searchParams.get("reauth"),
    ).toBe("true");
  });
});
