import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Whether a request carries `Authorization: Bearer $CRON_SECRET` (how Vercel Cron calls).
 * Fails closed: with no secret configured nothing is authorized. Compared as SHA-256 digests
 * in constant time, so neither the secret nor its length leaks through timing.
 */
export function isCronAuthorized(header: string | null, secret: string | undefined): boolean {
  if (!secret || !header) return false;
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(header), digest(`Bearer ${secret}`));
}
