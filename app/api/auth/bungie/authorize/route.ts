import { buildAuthorizeUrl, getBungieClient } from "@/lib/bungie";

/**
 * Auth.js always adds a `scope` parameter (and PKCE parameters when enabled) to the
 * authorization URL. Bungie refuses any `scope` ("Scope is always configured value. Do not
 * specify scope parameter."), so sign-in passes through here: we forward only what Bungie
 * accepts, `client_id`, `response_type=code` and the CSRF `state` (buildAuthorizeUrl).
 */
export function GET(request: Request) {
  const client = getBungieClient();
  const incoming = new URL(request.url).searchParams;
  const state = incoming.get("state");
  if (!state || incoming.get("client_id") !== client.clientId) {
    return new Response("Sign-in must start from Warmind's sign-in page.", { status: 400 });
  }
  return Response.redirect(buildAuthorizeUrl(state, {}, client), 302);
}
