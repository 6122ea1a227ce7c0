// The real OAuth round trip, as a browser makes it: Auth.js's CSRF token, its sign-in POST,
// our /api/auth/bungie/authorize hop, the sandbox's consent page (approved as <account>), and
// back through the callback, which sets the session cookie. The load test's players and the
// sign-in integration tests (their own in-process browser) both go through here.
import { approveConsent } from "./consent-form";
import type { HttpSession } from "./http-session";

type Hop = { url: string; body: string; response: Response };

/** A browser without the browser: one request, or one request and every redirect after it. */
export type SignInClient<H extends Hop> = {
  request(url: string, init?: RequestInit): Promise<{ body: string }>;
  follow(url: string, init?: RequestInit): Promise<H>;
};

/** Signs `account` in; returns the last hop, where the callback sent the browser. */
export async function signInRoundTrip<H extends Hop>(
  client: SignInClient<H>,
  account: string,
  callbackUrl = "/account",
): Promise<H> {
  const csrf = await client.request("/api/auth/csrf");
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const consent = await client.follow("/api/auth/signin/bungie", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl }).toString(),
  });
  if (!/\/OAuth\/Authorize/i.test(consent.url)) {
    throw new Error(
      `sign-in did not reach the consent page (${consent.url}): ${consent.body.slice(0, 500)}`,
    );
  }
  const approval = approveConsent(consent.body, account);
  return client.follow(new URL(approval.action, consent.url).toString(), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: approval.body,
  });
}

/** A load-test player's sign-in, landing on /account; returns how long it took (ms). */
export async function signIn(session: HttpSession, account: string): Promise<number> {
  const started = performance.now();
  const landed = await signInRoundTrip(session, account);
  if (!landed.url.endsWith("/account") || landed.response.status !== 200) {
    throw new Error(`sign-in ended at ${landed.url} (${landed.response.status})`);
  }
  return performance.now() - started;
}
