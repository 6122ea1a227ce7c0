import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import type { EmailTransportKind } from "./types";

// Links in emails (confirm the address, unsubscribe) carry a token signed with HMAC-SHA256 from
// AUTH_SECRET: whoever holds the link may act on that one subscription, and nobody can forge one
// for another. A version number inside lets the app void every older link at once (new address,
// or after unsubscribing) without storing tokens.

export type EmailLinkPurpose = "confirm" | "unsubscribe";

const TRANSPORT_KINDS: readonly EmailTransportKind[] = ["outbox", "resend", "smtp"];

export type EmailLinkClaims = {
  purpose: EmailLinkPurpose;
  subscriptionId: string;
  /** DigestSubscription.tokenVersion when the link was made. */
  version: number;
  /** Epoch seconds after which the link no longer works; null for no expiry. */
  expiresAt: number | null;
  /**
   * The transport that delivered the link (confirmation links): what the link proves depends on
   * it, since one read in the demo outbox proves nothing about the mailbox.
   */
  via?: EmailTransportKind;
};

/** Separates these signatures from any other use of AUTH_SECRET. */
const CONTEXT = "warmind:email-link:v1";

function key(secret: string): Buffer {
  return createHmac("sha256", secret).update(CONTEXT).digest();
}

function sign(payload: string, secret: string): string {
  return createHmac("sha256", key(secret)).update(payload).digest("base64url");
}

export function createEmailLinkToken(claims: EmailLinkClaims, secret: string): string {
  const fields: unknown[] = [
    claims.purpose,
    claims.subscriptionId,
    claims.version,
    claims.expiresAt,
  ];
  if (claims.via) fields.push(claims.via);
  const payload = Buffer.from(JSON.stringify(fields)).toString("base64url");
  return `${payload}.${sign(payload, secret)}`;
}

/**
 * The claims of a token made by createEmailLinkToken with the same secret and purpose, or null
 * (tampered, truncated, signed with another secret, for another purpose, or expired).
 */
export function readEmailLinkToken(
  token: string,
  purpose: EmailLinkPurpose,
  secret: string,
  nowMs = Date.now(),
): EmailLinkClaims | null {
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(payload, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || (parsed.length !== 4 && parsed.length !== 5)) return null;
  const [p, subscriptionId, version, expiresAt, via] = parsed as unknown[];
  if (p !== purpose || typeof subscriptionId !== "string" || subscriptionId === "") return null;
  if (typeof version !== "number" || !Number.isInteger(version)) return null;
  if (expiresAt !== null && typeof expiresAt !== "number") return null;
  if (expiresAt !== null && expiresAt * 1000 < nowMs) return null;
  if (via === undefined) return { purpose, subscriptionId, version, expiresAt };
  if (!TRANSPORT_KINDS.includes(via as EmailTransportKind)) return null;
  return { purpose, subscriptionId, version, expiresAt, via: via as EmailTransportKind };
}
