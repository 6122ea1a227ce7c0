// One simulated player's browser, without the browser: a cookie jar and fetch that follows
// redirects by hand (so every Set-Cookie along an OAuth round trip lands in the jar).

const MAX_REDIRECTS = 10;
const REQUEST_TIMEOUT_MS = 30_000;

export type Timed = { response: Response; body: string; ms: number };

export class HttpSession {
  private readonly cookies = new Map<string, string>();

  constructor(readonly origin: string) {}

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  has(name: string): boolean {
    return this.cookies.has(name);
  }

  private store(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const eq = pair.indexOf("=");
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      // An expired or emptied cookie is the server deleting it.
      if (value === "" || /max-age=0\b|expires=thu, 01 jan 1970/i.test(line))
        this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
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
    this.store(response);
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
