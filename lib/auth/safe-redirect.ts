// Callback URLs come from the query string, so they are attacker-controlled: only paths on our
// own origin are honoured. Anything else (other hosts, protocol-relative `//evil`, `/\evil`,
// javascript:) falls back to the default.
const BASE = "http://warmind.invalid";
/** How many rounds of percent-decoding a path is checked through (`%252f` is `/` after two). */
const DECODE_ROUNDS = 3;

export function safeCallbackPath(value: string | null | undefined, fallback = "/account"): string {
  if (!value) return fallback;
  const candidate = value.trim();
  // Callers pass relative paths, so any scheme (https:, javascript:, data:) is refused outright.
  if (/^[a-z][a-z0-9+.-]*:/i.test(candidate)) return fallback;
  if (!candidate.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(candidate)) return fallback;
  const url = parse(candidate);
  if (!url) return fallback;
  // The path must stay ours as the URL parser normalises it (`/.//evil` is `//evil`, `%2e` is a
  // dot) and also after a consumer down the line percent-decodes it again (`/%2f%2fevil`,
  // `/%5cevil`, `/%09/evil`, which parsers strip to `//evil`).
  let layer = candidate;
  for (let round = 0; round <= DECODE_ROUNDS; round++) {
    if (!staysOnOrigin(layer)) return fallback;
    let decoded: string;
    try {
      decoded = decodeURIComponent(layer);
    } catch {
      return fallback; // a malformed escape: not a link Warmind made
    }
    if (decoded === layer) break;
    if (round === DECODE_ROUNDS) return fallback;
    layer = decoded;
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  return /^\/(?![/\\])/.test(path) ? path : fallback;
}

/** Parsed against a placeholder origin; null when it is no URL at all (e.g. `//%host`). */
function parse(path: string): URL | null {
  try {
    return new URL(path, BASE);
  } catch {
    return null;
  }
}

function staysOnOrigin(path: string): boolean {
  if (!path.startsWith("/")) return false;
  const url = parse(path);
  if (!url || url.origin !== BASE) return false;
  if (url.pathname.startsWith("//")) return false;
  return !(url.pathname.startsWith("/api/") || url.pathname === "/signin");
}

/** For Auth.js' redirect callback: same-origin absolute URLs are allowed too. */
export function safeRedirectUrl(url: string, baseUrl: string): string {
  if (url.startsWith("/")) return `${baseUrl}${safeCallbackPath(url, "/account")}`;
  try {
    const parsed = new URL(url);
    if (parsed.origin === new URL(baseUrl).origin) {
      return `${baseUrl}${safeCallbackPath(`${parsed.pathname}${parsed.search}`, "/account")}`;
    }
  } catch {
    // fall through
  }
  return `${baseUrl}/account`;
}
