// Bungie's OAuth: the consent page at /en/OAuth/Authorize and the token endpoint at
// /Platform/App/OAuth/token/. Quirks kept on purpose: `scope` is refused, a redirect_uri must
// equal the registered one, PKCE is not supported (code_challenge is ignored, as Bungie does),
// the token response carries Bungie's `membership_id`, and refresh tokens rotate.
import { oauthError, jsonResponse } from "../http/envelope";
import type { SandboxState } from "../state";
import type { BungieUser } from "../world/types";
import { renderConsentPage, renderErrorPage } from "./consent-page";

export const SCOPE_ERROR = "Scope is always configured value. Do not specify scope parameter.";

function redirectWith(state: SandboxState, params: Record<string, string | null>): Response {
  const url = new URL(state.options.redirectUrl);
  for (const [key, value] of Object.entries(params))
    if (value !== null) url.searchParams.set(key, value);
  return new Response(null, {
    status: 302,
    headers: { location: url.toString(), "cache-control": "no-store" },
  });
}

function htmlResponse(html: string, status = 200): Response {
  return new Response(html, {
    status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });
}

/**
 * Consent-page users: the demo accounts (and the recording, when one is loaded). Load-test
 * players are left off the list (there may be hundreds) but the form accepts them by key.
 */
export function consentUsers(state: SandboxState): BungieUser[] {
  return [...state.world.usersByKey.values()].filter((user) => !user.unlisted);
}

/** Checks shared by GET (show the page) and POST (the user's decision). */
function validate(state: SandboxState, params: URLSearchParams): Response | undefined {
  const clientId = params.get("client_id");
  if (!clientId || clientId !== state.options.clientId) {
    return htmlResponse(
      renderErrorPage(
        state,
        "Unknown application",
        "The client_id does not match a registered application.",
      ),
      400,
    );
  }
  const redirectUri = params.get("redirect_uri");
  if (redirectUri && redirectUri !== state.options.redirectUrl) {
    return htmlResponse(
      renderErrorPage(
        state,
        "Redirect URL mismatch",
        "The redirect_uri does not match the application's registered redirect URL.",
      ),
      400,
    );
  }
  if (params.has("scope")) {
    return redirectWith(state, {
      error: "invalid_scope",
      error_description: SCOPE_ERROR,
      state: params.get("state"),
    });
  }
  if (params.get("response_type") !== "code") {
    return redirectWith(state, { error: "unsupported_response_type", state: params.get("state") });
  }
  return undefined;
}

export async function handleAuthorize(
  state: SandboxState,
  request: Request,
  url: URL,
): Promise<Response> {
  state.count("OAuth.Authorize");
  if (request.method === "GET" || request.method === "HEAD") {
    const problem = validate(state, url.searchParams);
    if (problem) return problem;
    return htmlResponse(renderConsentPage(state, url.searchParams, consentUsers(state)));
  }
  if (request.method !== "POST")
    return htmlResponse(renderErrorPage(state, "Method not allowed", ""), 405);
  const form = new URLSearchParams(await request.text());
  const problem = validate(state, form);
  if (problem) return problem;
  const returnedState = form.get("state");
  if (form.get("decision") !== "approve") {
    return redirectWith(state, { error: "access_denied", state: returnedState });
  }
  const key = form.get("account") ?? "demo";
  const user = state.world.usersByKey.get(key);
  if (!user)
    return htmlResponse(
      renderErrorPage(state, "Unknown account", "Pick one of the listed accounts."),
      400,
    );
  const code = state.tokens.issueCode(user.membershipId, state.options.clientId, state.now());
  return redirectWith(state, { code, state: returnedState });
}

/** Client credentials from HTTP Basic or the form body (both are accepted by Bungie). */
function clientCredentials(
  request: Request,
  form: URLSearchParams,
): { id: string | null; secret: string | null } {
  const header = request.headers.get("authorization");
  if (header?.toLowerCase().startsWith("basic ")) {
    const decoded = Buffer.from(header.slice(6).trim(), "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon >= 0) {
      // RFC 6749 2.3.1: both parts are form-encoded before being joined.
      const formDecode = (part: string) => new URLSearchParams(`v=${part}`).get("v") ?? part;
      return {
        id: formDecode(decoded.slice(0, colon)),
        secret: formDecode(decoded.slice(colon + 1)),
      };
    }
  }
  return { id: form.get("client_id"), secret: form.get("client_secret") };
}

export async function handleToken(state: SandboxState, request: Request): Promise<Response> {
  if (request.method !== "POST") return oauthError("invalid_request", "POST required", 405);
  if (state.controls.maintenance) return oauthError("server_error", "SystemDisabled", 400);
  const form = new URLSearchParams(await request.text());
  const client = clientCredentials(request, form);
  if (!client.id) return oauthError("invalid_request", "Cannot parse client_id");
  if (client.id !== state.options.clientId)
    return oauthError("invalid_client", "Unknown client", 401);
  if (client.secret !== state.options.clientSecret)
    return oauthError("invalid_client", "Invalid client credentials", 401);
  if (form.has("scope")) return oauthError("invalid_scope", SCOPE_ERROR);
  const now = state.now();
  const grantType = form.get("grant_type");
  let bnetId: string;
  if (grantType === "authorization_code") {
    const code = form.get("code");
    if (!code) return oauthError("invalid_request", "code is required");
    const result = state.tokens.redeemCode(code, client.id, now);
    if (!result.ok) return oauthError("invalid_grant", result.description);
    bnetId = result.bnetId;
  } else if (grantType === "refresh_token") {
    const token = form.get("refresh_token");
    if (!token) return oauthError("invalid_request", "refresh_token is required");
    const result = state.tokens.useRefreshToken(token, now);
    if (!result.ok) return oauthError("invalid_grant", result.description);
    bnetId = result.bnetId;
  } else {
    return oauthError(
      "unsupported_grant_type",
      `grant_type ${grantType ?? "(missing)"} is not supported`,
    );
  }
  return jsonResponse(state.tokens.issueTokens(bnetId, now, state.accessTokenTtlSeconds), 200, {
    "cache-control": "no-store",
  });
}
