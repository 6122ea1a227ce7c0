import { NextResponse, type NextRequest } from "next/server";
import { databaseReachable } from "@/lib/db/health";
import { parseEnv, type Env } from "@/lib/env-schema";
import { acceptRequestId, REQUEST_ID_HEADER, withRequestId } from "@/lib/log/request-id";
import { databaseOutagePage } from "@/lib/security/database-outage";
import { routeHandlerSecurityHeaders, securityHeaders } from "@/lib/security/headers";

// Every page gets security headers (with a fresh CSP nonce); protected pages also send signed-out
// visitors to sign in, and back afterwards. Pages and actions check the session again
// themselves: this only spares signed-out visitors a render. Route handlers (/api/*) get the
// same headers with a script-free CSP: some of them render pages too (the digest's email-link
// pages, Auth.js' sign-out and error pages), and those must not be framed either.
//
// Every request gets an id (`x-request-id`: a well-formed incoming one is kept) that the server's
// log lines carry (lib/log) and the response repeats. While the database is unreachable, a
// signed-in player's page view gets the outage page with 503 and Retry-After, never the sign-in
// page (lib/db/health.ts knows, in this process, whether the database answers).
export const config = {
  matcher: [
    // Everything but static files and the sandbox mount (Bungie's own pages).
    "/((?!_next/static|_next/image|sandbox/|favicon|icon|manifest.webmanifest|.*\\.(?:png|svg|jpg|ico|webmanifest)$).*)",
  ],
};

const PROTECTED = ["/account", "/inventory", "/clan", "/vendors", "/settings", "/outbox"];
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

let env: Env | undefined;

export async function proxy(request: NextRequest) {
  env ??= parseEnv(process.env);
  const { pathname, search } = request.nextUrl;
  const https = env.appUrl.startsWith("https://");
  const requestId = acceptRequestId(request.headers.get(REQUEST_ID_HEADER));
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(REQUEST_ID_HEADER, requestId);

  if (pathname === "/api" || pathname.startsWith("/api/")) {
    // These win over headers the route handler sets itself (Next.js applies them last).
    const response = NextResponse.next({ request: { headers: requestHeaders } });
    const headers = routeHandlerSecurityHeaders({
      bungieOrigin: env.bungie.origin,
      https,
      urlCarriesSecret: request.nextUrl.searchParams.has("token"),
    });
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    response.headers.set(REQUEST_ID_HEADER, requestId);
    return response;
  }

  const signedIn = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (
    signedIn &&
    isPageView(request) &&
    (await withRequestId(requestId, databaseReachable)) === false
  ) {
    const response = databaseOutagePage(`${pathname}${search}`);
    const headers = routeHandlerSecurityHeaders({ bungieOrigin: env.bungie.origin, https });
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    response.headers.set(REQUEST_ID_HEADER, requestId);
    return response;
  }

  const nonce = btoa(crypto.randomUUID());
  const headers = securityHeaders({
    nonce,
    bungieOrigin: env.bungie.origin,
    https,
    dev: process.env.NODE_ENV === "development",
  });

  const isProtected = PROTECTED.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  let response: NextResponse;
  if (isProtected && !signedIn) {
    const signIn = new URL("/signin", request.url);
    signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    response = NextResponse.redirect(signIn);
  } else {
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  // Redirects get the same headers: a referrer policy matters most on the way out.
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

/**
 * A page the browser navigates to, or the router's fetch of one (which falls back to a full
 * navigation when it gets a page instead of its payload). Not a server action, whose caller
 * expects an action result (runPlayerAction answers those), and not a data fetch such as
 * /inventory/view, whose route handler answers 503 JSON itself.
 */
function isPageView(request: NextRequest): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  if (request.headers.has("next-action")) return false;
  return request.headers.has("rsc") || (request.headers.get("accept") ?? "").includes("text/html");
}
