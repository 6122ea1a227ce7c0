import { getEnv } from "@/lib/env";

/**
 * Auth.js always adds a `scope` parameter (and PKCE parameters when enabled) to the
 * authorization URL. Bungie refuses any `scope` ("Scope is always configured value. Do not
 * specify scope parameter."), so sign-in passes through here: we forward only what Bungie
 * accepts, `client_id`, `response_type=code` and the CSRF `state`.
 */
export function GET(request: Request) {
  const { bungie } = getEnv();
  const incoming = new URL(request.url).searchParams;
  const state = incoming.get("state");
  if (!state || incoming.get("client_id") !== bungie.clientId) {
    return new Response("Sign-in must start from Warmind's sign-in page.", { status: 400 });
  }
  const target = new URL(`${bungie.origin}/en/OAuth/Authorize`);
  target.searchParams.set("client_id", bungie.clientId);
  target.searchParams.set("response_type", "code");
  target.searchParams.set("state", state);
  return Response.redirect(target, 302);
}
