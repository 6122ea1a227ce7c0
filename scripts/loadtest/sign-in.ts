// The real OAuth round trip, as a browser makes it: Auth.js's CSRF token, its sign-in POST,
// our /api/auth/bungie/authorize hop, the sandbox's consent page (approve as <account>: the
// form takes any account key, including the generated `load-N` players it does not list), and
// back through the callback, which sets the session cookie.
import type { HttpSession } from "./http-session";

export async function signIn(session: HttpSession, account: string): Promise<number> {
  const started = performance.now();
  const csrf = await session.request("/api/auth/csrf");
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const consent = await session.follow("/api/auth/signin/bungie", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl: "/account" }).toString(),
  });
  if (!/\/OAuth\/Authorize/i.test(consent.url)) {
    throw new Error(`sign-in did not reach the consent page (${consent.url})`);
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
  const landed = await session.follow(unescapeHtml(action), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: fields.toString(),
  });
  if (!landed.url.endsWith("/account") || landed.response.status !== 200) {
    throw new Error(`sign-in ended at ${landed.url} (${landed.response.status})`);
  }
  return performance.now() - started;
}

function unescapeHtml(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}
