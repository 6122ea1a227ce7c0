// Removes what must never reach a log line or an error message: credentials (Bungie's API key
// and client secret, players' tokens, OAuth codes) and email addresses (the digest's
// subscribers). Every line of lib/log passes through it, and so does lib/bungie's text.

export const REDACTED = "[redacted]";
/** What an email address becomes: the domain stays (it helps an operator), the person goes. */
export const REDACTED_EMAIL = "[email]";

// Names whose values are credentials, wherever they appear: query strings, form bodies, JSON,
// header dumps, object keys. `code` is the single-use OAuth authorization code.
const SECRET_NAMES = [
  "x-api-key",
  "api[_-]?key",
  "authorization",
  "access[_-]?token",
  "refresh[_-]?token",
  "client[_-]?secret",
  "code",
  "password",
  "secret",
  "token",
];
const NAME = `(?:${SECRET_NAMES.join("|")})`;

const PATTERNS: readonly [RegExp, string][] = [
  // Bearer / Basic credentials in any header dump or message.
  [/\b(Bearer|Basic)\s+[^\s"',;]+/gi, `$1 ${REDACTED}`],
  // "name": "value" in JSON.
  [new RegExp(`("${NAME}"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, "gi"), `$1"${REDACTED}"`],
  // name=value in query strings and form bodies (stops at & # whitespace or quote).
  [new RegExp(`(^|[?&\\s"'])(${NAME})=([^&#\\s"']*)`, "gi"), `$1$2=${REDACTED}`],
  // name: value in header-like text ("X-API-Key: abc").
  [new RegExp(`(^|[\\s{,;])(${NAME})\\s*:\\s*(?!\\s*")([^\\s,;}]+)`, "gim"), `$1$2: ${REDACTED}`],
];

const SECRET_KEY = new RegExp(`^${NAME}$`, "i");

// An address as a person writes one (RFC 5322's common subset): local part, @, a dotted domain.
const EMAIL = /[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/g;

/**
 * Removes credentials from text bound for a log line or an error message: known secret values
 * (the configured API key and client secret, any token passed in `secrets`) anywhere, plus
 * anything shaped like a credential (`Bearer …`, `code=…`, `"client_secret":"…"`), and email
 * addresses (`[email]@example.com`).
 */
export function redact(text: string, secrets: readonly (string | undefined | null)[] = []): string {
  let out = text;
  for (const secret of secrets) {
    // Very short values would redact ordinary words; real keys and tokens are long.
    if (secret && secret.length >= 6) out = out.split(secret).join(REDACTED);
  }
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out.replace(EMAIL, `${REDACTED_EMAIL}@$1`);
}

/** Deep copy of a log field bag with secret-named keys masked and every string redacted. */
export function redactValue(
  value: unknown,
  secrets: readonly (string | undefined | null)[] = [],
  depth = 0,
): unknown {
  if (typeof value === "string") return redact(value, secrets);
  if (value === null || typeof value !== "object") return value;
  if (depth > 6) return "[…]";
  if (value instanceof Error) {
    // A system or driver error code (ECONNREFUSED, P1001, 57P01) says what happened; keep it.
    const code = (value as { code?: unknown }).code;
    const known = typeof code === "string" && /^[A-Z0-9_]{2,16}$/.test(code) ? { code } : {};
    return { name: value.name, message: redact(value.message, secrets), ...known };
  }
  if (Array.isArray(value)) return value.map((v) => redactValue(v, secrets, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    // Numbers stay: `code: 1642` is an error code, an OAuth code is always a string.
    const secret = SECRET_KEY.test(key) && typeof v !== "number" && typeof v !== "boolean";
    out[key] = secret ? REDACTED : redactValue(v, secrets, depth + 1);
  }
  return out;
}
