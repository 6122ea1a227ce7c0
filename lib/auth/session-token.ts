import "server-only";
import { createHash } from "node:crypto";

/**
 * What the Session table stores instead of the session cookie's value: its SHA-256, hex. A copy
 * of the database then holds no live session (and no way to move a player's items). The cookie
 * is a random UUID (122 bits), so a plain hash needs no salt or key to resist guessing.
 */
export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
