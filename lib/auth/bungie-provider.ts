import "server-only";
import { customFetch } from "next-auth";
import type { OAuthConfig } from "next-auth/providers";
import type { UserMembershipData } from "bungie-api-ts/user";
import { getBungieClient, getMembershipsForCurrentUser } from "@/lib/bungie";
import type { Env } from "@/lib/env-schema";
import { signInIdentity } from "./sign-in-identity";
import { sealTokens, type BungieTokenSet } from "./stored-tokens";

/**
 * Our own Bungie provider. The one shipped with next-auth never sends `X-API-Key` and never fills
 * its `{membershipId}` placeholder (next-auth#4710, #6930), so it fails against real Bungie.net.
 *
 * - Authorization goes through /api/auth/bungie/authorize, which drops the `scope` parameter that
 *   Auth.js always adds: Bungie refuses any `scope` (scopes are fixed at app registration).
 * - `state` is the CSRF check; no PKCE (Bungie does not implement it).
 * - The code is exchanged with the client credentials in the form body (confidential client).
 * - The "userinfo" is GetMembershipsForCurrentUser, with the API key and the Bearer token.
 * - Both Bungie calls of a sign-in go through our client's limiter at `token` priority: the code
 *   exchange (Auth.js would otherwise send it with its own fetch, outside the source IP's count)
 *   and the memberships. A player who is signing in waits on a blank redirect, so under load
 *   they go before page reads rather than taking their turn behind everyone's page traffic.
 */
export function bungieProvider(env: Env): OAuthConfig<UserMembershipData> {
  const { origin, clientId, clientSecret } = env.bungie;
  return {
    id: "bungie",
    name: "Bungie.net",
    type: "oauth",
    clientId,
    clientSecret,
    checks: ["state"],
    client: { token_endpoint_auth_method: "client_secret_post" },
    authorization: { url: `${env.appUrl}/api/auth/bungie/authorize` },
    token: { url: `${origin}/Platform/App/OAuth/token/` },
    [customFetch]: (input: RequestInfo | URL, init?: RequestInit) =>
      tokenThroughLimiter(`${origin}/Platform/App/OAuth/token/`, input, init),
    userinfo: {
      url: `${origin}/Platform/User/GetMembershipsForCurrentUser/`,
      async request({ tokens }: { tokens: { access_token?: string } }) {
        if (!tokens.access_token) throw new Error("Bungie returned no access token");
        return getMembershipsForCurrentUser(tokens.access_token, { priority: "token" });
      },
    },
    profile(profile) {
      const identity = signInIdentity(profile);
      return {
        id: identity.bungieMembershipId,
        name: identity.bungieName,
        email: null,
        image: identity.avatarPath,
        bungieMembershipId: identity.bungieMembershipId,
        bungieName: identity.bungieName,
        avatarPath: identity.avatarPath,
      };
    },
    // What Auth.js' adapter stores on the Account row when it first links it: tokens sealed.
    account(tokens) {
      const sealed = sealTokens(tokens as BungieTokenSet, env.AUTH_SECRET);
      return {
        ...sealed,
        refresh_token: sealed.refresh_token ?? undefined,
        expires_at: sealed.expires_at ?? undefined,
      };
    },
  };
}

/**
 * Auth.js' fetch for this provider: the token endpoint goes through our client (limiter, token
 * priority, timeout, redacted logs; it adds the client credentials itself), anything else (Auth.js
 * fetches nothing else with our config) goes out as it came.
 */
async function tokenThroughLimiter(
  tokenUrl: string,
  input: RequestInfo | URL,
  init: RequestInit = {},
): Promise<Response> {
  const url = input instanceof Request ? input.url : String(input);
  if (url !== tokenUrl || (init.method ?? "GET").toUpperCase() !== "POST") {
    return fetch(input, init);
  }
  const fields = Object.fromEntries(new URLSearchParams(bodyText(init.body)));
  delete fields.client_id;
  delete fields.client_secret;
  const signal = init.signal ?? undefined;
  const { status, text } = await getBungieClient().tokenRequest(fields, signal);
  return new Response(text, {
    status,
    headers: { "content-type": "application/json", "cache-control": "no-store" },
  });
}

function bodyText(body: RequestInit["body"]): string {
  if (typeof body === "string") return body;
  if (body instanceof URLSearchParams) return body.toString();
  throw new TypeError("Auth.js sent the token request with an unexpected body");
}
