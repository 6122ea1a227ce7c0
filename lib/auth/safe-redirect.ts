// Callback URLs come from the query string, so they are attacker-controlled: only paths on our
// own origin are honoured. Anything else (other hosts, protocol-relative `//evil`, `/\evil`,
// javascript:) falls back to the default.
export function safeCallbackPath(value: string | null | undefined, fallback = "/account"): string {
  if (!value) return fallback;
  const candidate = value.trim();
  // Callers pass relative paths, so any scheme (https:, javascript:, data:) is refused outright.
  if (/^[a-z][a-z0-9+.-]*:/i.test(candidate)) return fallback;
  if (!candidate.startsWith("/") || candidate.startsWith("//") || candidate.startsWith("/\\")) {
    return fallback;
  }
  if (/[\u0000-\u001f\\]/.test(candidate)) return fallback;
  const url = new URL(candidate, "http://warmind.invalid");
  if (url.origin !== "http://warmind.invalid") return fallback;
  if (url.pathname.startsWith("/api/") || url.pathname === "/signin") return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
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
