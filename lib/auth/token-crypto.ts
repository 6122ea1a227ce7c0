import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

// Bungie access and refresh tokens are stored encrypted at rest (AES-256-GCM). The key is derived
// from AUTH_SECRET with HKDF, so a database dump alone reveals no token, and rotating AUTH_SECRET
// makes old ciphertexts unreadable (their owners simply sign in again).
const VERSION = "v1";
const keys = new Map<string, Buffer>();

function keyFor(secret: string): Buffer {
  let key = keys.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secret, "warmind", "bungie-token-encryption", 32));
    keys.set(secret, key);
  }
  return key;
}

export function encryptToken(plain: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFor(secret), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `${VERSION}.${iv.toString("base64url")}.${body.toString("base64url")}`;
}

/** Returns null for anything that is not a token we encrypted with this secret. */
export function decryptToken(sealed: string, secret: string): string | null {
  const [version, ivText, bodyText] = sealed.split(".");
  if (version !== VERSION || !ivText || !bodyText) return null;
  try {
    const body = Buffer.from(bodyText, "base64url");
    const decipher = createDecipheriv(
      "aes-256-gcm",
      keyFor(secret),
      Buffer.from(ivText, "base64url"),
    );
    decipher.setAuthTag(body.subarray(body.length - 16));
    return Buffer.concat([
      decipher.update(body.subarray(0, body.length - 16)),
      decipher.final(),
    ]).toString("utf8");
  } catch {
    return null;
  }
}
