import "server-only";
import { NextRequest } from "next/server";
import { captureDatabaseOutage } from "@/lib/db/health";
import { databaseOutageJson } from "@/lib/db/unavailable";
import { log } from "@/lib/log";

import { endSession } from "./adapter";
import { handlers } from "./index";
import { publicSession } from "./public-session";

/**
 * Auth.js' route handlers (/api/auth/*), with two of its defaults changed:
 *
 * - Every OAuth callback is a fresh sign-in. Auth.js links the account a callback brings to
 *   whoever is signed in in that browser, so signing in as Rival after Aurora put Rival's Bungie
 *   account on Aurora's user (and Rival's next sign-in anywhere landed there). The callback
 *   is handled as if signed out. When it signs someone in, the session it replaces ends.
 *   When it does not (the player cancelled at Bungie), the current session stays.
 * - `/api/auth/session` sends only the public part of the session (public-session.ts).
 * - A database outage is said as such. Auth.js catches the adapter's errors and answers as if
 *   there were no session (`null`), or sends a sign-in that could not be recorded to its
 *   generic error page. Here `/api/auth/session` answers 503, and the callback sends the player
 *   to the sign-in page with `error=DatabaseUnavailable`, whose words say to try again soon.
 */
const SESSION_COOKIES = new Set(["authjs.session-token", "__Secure-authjs.session-token"]);

type Handler = (request: NextRequest) => Promise<Response>;

export function GET(request: NextRequest): Promise<Response> {
  return handle(request, handlers.GET);
}

export function POST(request: NextRequest): Promise<Response> {
  return handle(request, handlers.POST);
}

async function handle(request: NextRequest, handler: Handler): Promise<Response> {
  // Auth.js reads the action from the first segment after its base path (/api/auth).
  const action = new URL(request.url).pathname
    .replace(/^\/api\/auth\/?/, "")
    .split("/")
    .find(Boolean);
  const { result, outage } = await captureDatabaseOutage(() =>
    handleAction(action, request, handler),
  );
  if (!outage) return result;
  log.warn("auth.database_unavailable", { action: action ?? null, error: outage });
  if (action === "callback") {
    // Relative, so it stays on the origin the player used (behind any proxy).
    return new Response(null, {
      status: 303,
      headers: { Location: "/signin?error=DatabaseUnavailable", "Cache-Control": "no-store" },
    });
  }
  return databaseOutageJson();
}

async function handleAction(
  action: string | undefined,
  request: NextRequest,
  handler: Handler,
): Promise<Response> {
  if (action === "callback") return freshSignIn(request, handler);
  const response = await handler(request);
  return action === "session" ? withPublicSession(response) : response;
}

async function freshSignIn(request: NextRequest, handler: Handler): Promise<Response> {
  const cookies = (request.headers.get("cookie") ?? "")
    .split(";")
    .map((part) => part.trim())
    .filter(Boolean);
  const isSession = (part: string) => SESSION_COOKIES.has(part.slice(0, part.indexOf("=")));
  const current = cookies.filter(isSession).map((part) => part.slice(part.indexOf("=") + 1));
  if (current.length === 0) return handler(request);

  const headers = new Headers(request.headers);
  const others = cookies.filter((part) => !isSession(part));
  if (others.length > 0) headers.set("cookie", others.join("; "));
  else headers.delete("cookie");
  const response = await handler(new NextRequest(request, { headers }));

  const startsSession = response.headers.getSetCookie().some((line) => {
    const pair = line.split(";", 1)[0] ?? "";
    const eq = pair.indexOf("=");
    return eq > 0 && SESSION_COOKIES.has(pair.slice(0, eq).trim()) && pair.slice(eq + 1) !== "";
  });
  if (startsSession) await Promise.all(current.map((token) => endSession(decode(token))));
  return response;
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

async function withPublicSession(response: Response): Promise<Response> {
  if (!response.ok || !response.headers.get("content-type")?.includes("application/json")) {
    return response;
  }
  const body = publicSession(await response.json().catch(() => null));
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  return new Response(JSON.stringify(body), { status: response.status, headers });
}
