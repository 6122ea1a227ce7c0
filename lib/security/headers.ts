// Security headers for every page: a nonce-based Content-Security-Policy (Next.js adds the nonce
// to its own scripts when it sees the header on the request), no framing, a strict referrer
// policy, and HSTS when we are served over HTTPS. Route handlers (/api/*) get the same, with a
// CSP that allows no script at all: the pages they render (email-link pages, Auth.js' own sign-out
// and error pages) are plain HTML with inline styles and forms that post to us.

export type SecurityHeaderInput = {
  nonce: string;
  /** Bungie's origin (icons and the sign-in redirect); in demo mode our own origin. */
  bungieOrigin: string;
  https: boolean;
  dev: boolean;
};

export function contentSecurityPolicy({
  nonce,
  bungieOrigin,
  dev,
  https,
}: SecurityHeaderInput): string {
  const bungie = originOf(bungieOrigin);
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React and Next.js set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${bungie ? ` ${bungie}` : ""}`,
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    // Sign-in posts to us, then redirects to Bungie's consent page: form-action covers that hop.
    `form-action 'self'${bungie ? ` ${bungie}` : ""}`,
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** For route handlers' responses: pages without scripts, JSON and redirects. */
export function routeHandlerContentSecurityPolicy({
  bungieOrigin,
  https,
}: Omit<SecurityHeaderInput, "nonce" | "dev">): string {
  const bungie = originOf(bungieOrigin);
  return [
    "default-src 'none'",
    "script-src 'none'",
    "style-src 'unsafe-inline'",
    `img-src 'self' data:${bungie ? ` ${bungie}` : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    `form-action 'self'${bungie ? ` ${bungie}` : ""}`,
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/**
 * `urlCarriesSecret`: the request's URL holds a token (an email link's). A page served there
 * must not hand that URL to the next site as a referrer. The proxy's headers win over a route
 * handler's own, so this cannot be left to the route.
 */
export function routeHandlerSecurityHeaders(
  input: Omit<SecurityHeaderInput, "nonce" | "dev"> & { urlCarriesSecret?: boolean },
): Record<string, string> {
  return {
    ...commonHeaders(input.https),
    "Content-Security-Policy": routeHandlerContentSecurityPolicy(input),
    ...(input.urlCarriesSecret ? { "Referrer-Policy": "no-referrer" } : {}),
  };
}

export function securityHeaders(input: SecurityHeaderInput): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(input),
    ...commonHeaders(input.https),
  };
}

function commonHeaders(https: boolean): Record<string, string> {
  return {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
