// Bungie's OAuth: the consent page at /en/OAuth/Authorize and the token endpoint at
// /Platform/App/OAuth/token/. Quirks kept on purpose: `scope` is refused, a redirect_uri must
// equal the registered one, PKCE is not supported (code_challenge is ignored, as Bungie does),
// the token response carries Bungie's `membership_id`, and refresh tokens rotate.
import { networkOf } from "../copies/network";
import { readBodyText } from "../http/body";
import { oauthError, jsonResponse } from "../http/envelope";
import type { SandboxState } from "../state";
import { DEMO_USER_KEYS } from "../world/accounts";
import type { BungieUser } from "../world/types";
import { renderConsentPage, renderErrorPage } from "./consent-page";

export const SCOPE_ERROR = "Scope is always configured value. Do not specify scope parameter.";

function redirectWith(
  state: SandboxState,
  params: Record<string, string | null>,
  setCookie?: string,
): Response {
  const url = new URL(state.options.redirectUrl);
  for (const [key, value] of Object.entries(params))
    if (value !== null) url.searchParams.set(key, value);
  const headers: Record<string, string> = {
    location: url.toString(),
    "cache-control": "no-store",
  };
  if (setCookie) headers["set-cookie"] = setCookie;
  return new Response(null, { status: 302, headers });
}

/** The cookie that names a visitor's demo copies (copies/demo-copies.ts). */
export const VISITOR_COOKIE = "bungie_sandbox_visitor";

function visitorOf(request: Request): string | undefined {
  const header = request.headers.get("cookie") ?? "";
  for (const part of header.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === VISITOR_COOKIE) return rest.join("=") || undefined;
  }
  return undefined;
}

function visitorCookie(state: SandboxState, visitor: string, maxAgeMs: number): string {
  const secure = state.options.redirectUrl.startsWith("https:") ? "; Secure" : "";
  return `${VISITOR_COOKIE}=${visitor}; Path=${state.options.basePath || "/"}; Max-Age=${Math.floor(maxAgeMs / 1000)}; HttpOnly; SameSite=Lax${secure}`;
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
  const form = new URLSearchParams(await readBodyText(request));
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
  const copies = state.copies;
  if (!copies || !isDemoAccount(key)) {
    const code = state.tokens.issueCode(user.membershipId, state.options.clientId, state.now());
    return redirectWith(state, { code, state: returnedState });
  }
  // A public demo: the visitor signs in to their own copy of the account.
  const copy = copies.signIn(
    state.world,
    key,
    user,
    { handle: visitorOf(request), network: networkOf(request) },
    state.realNow(),
    (id) => state.profile(id),
  );
  if (!copy.ok && copy.reason === "network") {
    const response = htmlResponse(
      renderErrorPage(
        state,
        "Too many new demo accounts from your network",
        "Signing in again from a browser that has used the demo gives it its copy back. A new copy can be made again later.",
      ),
      429,
    );
    response.headers.set("retry-after", String(Math.ceil(copy.retryAfterMs / 1000)));
    return response;
  }
  if (!copy.ok) {
    return htmlResponse(
      renderErrorPage(
        state,
        "The demo is full",
        "Every copy of the demo accounts is in use right now. Try again in a few minutes.",
      ),
      503,
    );
  }
  const code = state.tokens.issueCode(copy.user.membershipId, state.options.clientId, state.now());
  return redirectWith(
    state,
    { code, state: returnedState },
    visitorCookie(state, copy.visitor, copies.idleMs),
  );
}

/** The listed demo accounts are copied per visitor; generated and recorded ones are not. */
function isDemoAccount(key: string): boolean {
  return (DEMO_USER_KEYS as readonly string[]).includes(key);
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
  const form = new URLSearchParams(await readBodyText(request));
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
  // A visitor's copy that expired meanwhile is gone, with its authorization.
  if (state.copies && !state.copies.use(state.world, bnetId, state.realNow()))
    return oauthError("invalid_grant", "AuthorizationRecordExpired");
  return jsonResponse(state.tokens.issueTokens(bnetId, now, state.accessTokenTtlSeconds), 200, {
    "cache-control": "no-store",
  });
}
