import "server-only";
import { getBungieClient } from "./client";
import { BungieError } from "./errors";
import type { BungieClient } from "./http";
import type { BungieTokens } from "./types";

// Bungie's OAuth is a subset of RFC 6749 (authorization code grant, confidential client):
// no scope parameter (fixed at registration; sending one is `invalid_scope`), no PKCE, no OIDC,
// and a custom `membership_id` in the token response.

/** A token-endpoint failure, in OAuth's own `{error, error_description}` form. */
export class BungieOAuthError extends Error {
  /** OAuth error ("invalid_grant", "server_error"…), or "timeout"/"network_error"/"invalid_response". */
  readonly error: string;
  readonly description: string;
  /** null when no HTTP response arrived. */
  readonly httpStatus: number | null;

  constructor(error: string, description: string, httpStatus: number | null) {
    super(`Bungie OAuth ${error}${description ? `: ${description}` : ""}`);
    this.name = "BungieOAuthError";
    this.error = error;
    this.description = description;
    this.httpStatus = httpStatus;
  }

  /**
   * The code or refresh token is spent, expired or revoked: the player must sign in again.
   * Bungie uses `invalid_grant` for all of these (and may put an AuthorizationRecord*,
   * RefreshToken* or AuthorizationCode* error name in the description).
   */
  get isRevokedOrExpired(): boolean {
    return (
      this.error === "invalid_grant" ||
      /RefreshTokenExpired|ProvidedTokenNotValidRefreshToken|AuthorizationCode(Invalid|Stale)|AuthorizationRecord(Invalid|Expired|Revoked)|TokenPreviouslyRevoked/.test(
        this.description,
      )
    );
  }

  /** Bungie answers `{"error":"server_error","error_description":"SystemDisabled"}` in maintenance. */
  get isMaintenance(): boolean {
    return this.error === "server_error" || /SystemDisabled/i.test(this.description);
  }

  /** Timeouts and network failures: worth trying again later (with the same refresh token). */
  get isTransient(): boolean {
    return this.error === "timeout" || this.error === "network_error" || this.isMaintenance;
  }
}

/** `${origin}/en/OAuth/Authorize?client_id=…&response_type=code&state=…` (no scope, no PKCE). */
export function buildAuthorizeUrl(
  state: string,
  options: { reauth?: boolean } = {},
  client: BungieClient = getBungieClient(),
): string {
  if (!client.clientId) throw new Error("Bungie OAuth needs clientId in the client config");
  const params = new URLSearchParams({
    client_id: client.clientId,
    response_type: "code",
    state,
  });
  // reauth=true makes Bungie show its login page even when the browser is signed in there.
  if (options.reauth) params.set("reauth", "true");
  return `${client.origin}/en/OAuth/Authorize?${params.toString()}`;
}

/** Trades the authorization code from the redirect for tokens. Codes are single-use: no retry. */
export function exchangeAuthorizationCode(
  code: string,
  client: BungieClient = getBungieClient(),
): Promise<BungieTokens> {
  return tokenCall(client, { grant_type: "authorization_code", code });
}

/**
 * New tokens for a refresh token. Not retried here either: if the first attempt reached Bungie
 * but the answer was lost, the old refresh token may already be spent, and the caller (which
 * serialises refreshes per account) should decide. `signal` bounds the whole call, the wait for
 * a window slot included: the caller's refresh lease must outlast it (lib/auth/access-token.ts).
 */
export function refreshAccessToken(
  refreshToken: string,
  client: BungieClient = getBungieClient(),
  options: { signal?: AbortSignal } = {},
): Promise<BungieTokens> {
  return tokenCall(
    client,
    { grant_type: "refresh_token", refresh_token: refreshToken },
    options.signal,
  );
}

async function tokenCall(
  client: BungieClient,
  fields: Record<string, string>,
  signal?: AbortSignal,
): Promise<BungieTokens> {
  let result: { status: number; text: string };
  try {
    result = await client.tokenRequest(fields, signal);
  } catch (error) {
    if (error instanceof BungieError) {
      const kind = error.isTimeout ? "timeout" : error.isNetwork ? "network_error" : "aborted";
      throw new BungieOAuthError(kind, error.message, null);
    }
    throw error;
  }
  const issuedAt = Math.floor(Date.now() / 1000);
  const tokens = parseTokenResponse(result.text, result.status, issuedAt);
  if (tokens instanceof BungieOAuthError) {
    // The description is Bungie's free text: never let it carry the code or token onwards.
    const secrets = [fields.code, fields.refresh_token];
    const error = new BungieOAuthError(
      client.redact(tokens.error, secrets),
      client.redact(tokens.description, secrets),
      tokens.httpStatus,
    );
    client.log("warn", `OAuth token call failed: ${error.error}`, {
      httpStatus: error.httpStatus,
      description: error.description,
    });
    throw error;
  }
  return tokens;
}

/** The token endpoint's JSON → BungieTokens, or the BungieOAuthError it describes. */
export function parseTokenResponse(
  text: string,
  httpStatus: number,
  issuedAt: number,
): BungieTokens | BungieOAuthError {
  let body: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== "object" || parsed === null) throw new Error("not an object");
    body = parsed as Record<string, unknown>;
  } catch {
    // During maintenance or gateway trouble Bungie may send HTML; a 5xx is "try later".
    return new BungieOAuthError(
      httpStatus >= 500 ? "server_error" : "invalid_response",
      `The token endpoint sent a body that is not JSON (HTTP ${httpStatus})`,
      httpStatus,
    );
  }
  if (typeof body.error === "string") {
    const description = typeof body.error_description === "string" ? body.error_description : "";
    return new BungieOAuthError(body.error, description, httpStatus);
  }
  // An envelope here means the platform itself refused (e.g. SystemDisabled during maintenance).
  if (typeof body.ErrorCode === "number" && body.ErrorCode !== 1) {
    const status = typeof body.ErrorStatus === "string" ? body.ErrorStatus : "";
    return new BungieOAuthError(
      status === "SystemDisabled" ? "server_error" : "invalid_request",
      status,
      httpStatus,
    );
  }
  const accessToken = body.access_token;
  const refreshToken = body.refresh_token;
  const membershipId = body.membership_id;
  if (
    httpStatus >= 400 ||
    typeof accessToken !== "string" ||
    typeof refreshToken !== "string" ||
    (typeof membershipId !== "string" && typeof membershipId !== "number")
  ) {
    return new BungieOAuthError(
      "invalid_response",
      `The token endpoint answered HTTP ${httpStatus} without the expected tokens`,
      httpStatus,
    );
  }
  return {
    accessToken,
    refreshToken,
    accessTokenExpiresAt: issuedAt + seconds(body.expires_in, 3600),
    refreshTokenExpiresAt: issuedAt + seconds(body.refresh_expires_in, 7_776_000),
    bungieMembershipId: String(membershipId),
    tokenType: typeof body.token_type === "string" ? body.token_type : "Bearer",
  };
}

function seconds(value: unknown, fallback: number): number {
  const n = typeof value === "string" ? Number(value) : value;
  return typeof n === "number" && Number.isFinite(n) && n > 0 ? Math.floor(n) : fallback;
}
