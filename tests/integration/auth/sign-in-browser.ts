// A browser without a browser, for the sign-in flow end to end in one process: a cookie jar that
// sends requests for the app's origin to the app's own route handlers (Auth.js, the authorize
// hop) and everything else (the sandbox's consent page and token endpoint) over real HTTP.
import { NextRequest } from "next/server";
import { CookieJar } from "@/scripts/loadtest/cookie-jar";
import { signInRoundTrip } from "@/scripts/loadtest/sign-in";

export const APP_ORIGIN = "http://warmind.test";
export const SESSION_COOKIE = "authjs.session-token";

type Handler = (request: NextRequest) => Promise<Response> | Response;
type Routes = { auth: { GET: Handler; POST: Handler }; authorize: Handler };

async function appRoutes(): Promise<Routes> {
  const auth = await import("@/app/api/auth/[...nextauth]/route");
  const authorize = await import("@/app/api/auth/bungie/authorize/route");
  return { auth: { GET: auth.GET, POST: auth.POST }, authorize: authorize.GET };
}

export type Hop = { url: string; response: Response; body: string };

export class SignInBrowser {
  readonly cookies = new CookieJar();

  cookieHeader(): string {
    return this.cookies.header();
  }

  /** One request, no redirects followed. */
  async request(url: string, init: RequestInit = {}): Promise<Hop> {
    const target = new URL(url, APP_ORIGIN);
    const headers = new Headers(init.headers);
    let response: Response;
    if (target.origin === APP_ORIGIN) {
      const cookie = this.cookieHeader();
      if (cookie) headers.set("cookie", cookie);
      const { signal, ...rest } = init;
      response = await this.dispatch(
        new NextRequest(target, { ...rest, headers, ...(signal ? { signal } : {}) }),
      );
    } else {
      response = await fetch(target, { ...init, headers, redirect: "manual" });
    }
    const body = await response.text();
    if (target.origin === APP_ORIGIN) this.cookies.store(response);
    return { url: target.toString(), response, body };
  }

  /** A request and every redirect after it, as a browser does; returns the last hop. */
  async follow(url: string, init: RequestInit = {}): Promise<Hop> {
    let hop = await this.request(url, init);
    for (let i = 0; i < 10; i++) {
      const location = hop.response.headers.get("location");
      if (hop.response.status < 300 || hop.response.status >= 400 || !location) break;
      hop = await this.request(new URL(location, hop.url).toString());
    }
    return hop;
  }

  private async dispatch(request: NextRequest): Promise<Response> {
    const routes = await appRoutes();
    const { pathname } = request.nextUrl;
    if (pathname === "/api/auth/bungie/authorize") return routes.authorize(request);
    if (pathname.startsWith("/api/auth/")) {
      return request.method === "POST" ? routes.auth.POST(request) : routes.auth.GET(request);
    }
    // Pages are not part of this harness: landing anywhere else ends the flow.
    return new Response(`page ${pathname}`, { status: 200 });
  }

  /** Auth.js' sign-in POST, the authorize hop, the sandbox's consent page, the callback. */
  signIn(account: string, callbackUrl = "/account"): Promise<Hop> {
    return signInRoundTrip(this, account, callbackUrl);
  }

  /** What the browser gets from /api/auth/session. */
  async session(): Promise<unknown> {
    const hop = await this.request("/api/auth/session");
    return JSON.parse(hop.body) as unknown;
  }
}
