// One simulated player's browser, without the browser: a cookie jar and fetch that follows
// redirects by hand (so every Set-Cookie along an OAuth round trip lands in the jar).
import { CookieJar } from "./cookie-jar";

const MAX_REDIRECTS = 10;
const REQUEST_TIMEOUT_MS = 30_000;

export type Timed = { response: Response; body: string; ms: number };

export class HttpSession {
  private readonly cookies = new CookieJar();

  constructor(readonly origin: string) {}

  cookieHeader(): string {
    return this.cookies.header();
  }

  has(name: string): boolean {
    return this.cookies.has(name);
  }

  /** One request, no redirect following; the body is read whole. Only loopback is allowed. */
  async request(url: string, init: RequestInit = {}): Promise<Timed> {
    const target = new URL(url, this.origin);
    if (target.origin !== this.origin) throw new Error(`refusing to leave ${this.origin}: ${url}`);
    const headers = new Headers(init.headers);
    const cookie = this.cookieHeader();
    if (cookie) headers.set("cookie", cookie);
    const started = performance.now();
    const response = await fetch(target, {
      ...init,
      headers,
      redirect: "manual",
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const body = await response.text();
    this.cookies.store(response);
    return { response, body, ms: performance.now() - started };
  }

  /** A GET (or the given request) then every redirect, as a browser does; returns the last hop. */
  async follow(url: string, init: RequestInit = {}): Promise<Timed & { url: string }> {
    let current = new URL(url, this.origin).toString();
    let hop = await this.request(current, init);
    let total = hop.ms;
    for (let i = 0; i < MAX_REDIRECTS; i++) {
      const location = hop.response.headers.get("location");
      if (hop.response.status < 300 || hop.response.status >= 400 || !location) break;
      current = new URL(location, current).toString();
      hop = await this.request(current);
      total += hop.ms;
    }
    return { ...hop, ms: total, url: current };
  }
}
