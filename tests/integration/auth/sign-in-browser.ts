// A browser without a browser, for the sign-in flow end to end in one process: a cookie jar that
// sends requests for the app's origin to the app's own route handlers (Auth.js, the authorize
// hop) and everything else (the sandbox's consent page and token endpoint) over real HTTP.
import { NextRequest } from "next/server";

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
  readonly cookies = new Map<string, string>();

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  private store(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const eq = pair.indexOf("=");
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === "" || /max-age=0\b|expires=thu, 01 jan 1970/i.test(line))
        this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
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
    if (target.origin === APP_ORIGIN) this.store(response);
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
  async signIn(account: string, callbackUrl = "/account"): Promise<Hop> {
    const csrf = await this.request("/api/auth/csrf");
    const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
    const consent = await this.follow("/api/auth/signin/bungie", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, callbackUrl }).toString(),
    });
    if (!/\/OAuth\/Authorize/i.test(consent.url)) {
      throw new Error(`sign-in did not reach the consent page (${consent.url}): ${consent.body}`);
    }
    const action = /<form[^>]*action="([^"]+)"/.exec(consent.body)?.[1];
    if (!action) throw new Error("no consent form");
    const fields = new URLSearchParams();
    for (const match of consent.body.matchAll(
      /<input type="hidden" name="([^"]+)" value="([^"]*)">/g,
    )) {
      fields.set(match[1]!, unescapeHtml(match[2]!));
    }
    fields.set("account", account);
    fields.set("decision", "approve");
    return this.follow(new URL(unescapeHtml(action), consent.url).toString(), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: fields.toString(),
    });
  }

  /** What the browser gets from /api/auth/session. */
  async session(): Promise<unknown> {
    const hop = await this.request("/api/auth/session");
    return JSON.parse(hop.body) as unknown;
  }
}

function unescapeHtml(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}
