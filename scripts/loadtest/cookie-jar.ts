// A browser's cookie jar, without the browser: what the load test's players and the sign-in
// integration tests carry along an OAuth round trip (name → value; attributes are not kept).

export class CookieJar extends Map<string, string> {
  /** The Cookie request header. */
  header(): string {
    return [...this].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  /** Takes in a response's Set-Cookie headers. */
  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const eq = pair.indexOf("=");
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      // An expired or emptied cookie is the server deleting it.
      if (value === "" || /max-age=0\b|expires=thu, 01 jan 1970/i.test(line)) this.delete(name);
      else this.set(name, value);
    }
  }
}
