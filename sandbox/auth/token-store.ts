// Authorization codes, access tokens and refresh tokens, with Bungie's lifetimes: codes are
// single-use and short-lived, refresh tokens rotate (the old one dies when used) and live
// 90 days.

export const REFRESH_TOKEN_TTL_SECONDS = 7_776_000;
export const AUTH_CODE_TTL_MS = 60_000;

interface AuthCode {
  bnetId: string;
  clientId: string;
  expiresAt: number;
  used: boolean;
}

interface Grant {
  bnetId: string;
  expiresAt: number;
  revoked: boolean;
}

export interface TokenResponse {
  access_token: string;
  token_type: "Bearer";
  expires_in: number;
  refresh_token: string;
  refresh_expires_in: number;
  membership_id: string;
}

export type AccessCheck =
  | { status: "ok"; bnetId: string }
  | { status: "expired"; bnetId: string }
  | { status: "revoked"; bnetId: string }
  | { status: "invalid" };

export type RedeemResult = { ok: true; bnetId: string } | { ok: false; description: string };

/** Bungie's tokens are standard base64 (with + / =): clients must not URL-encode the bearer. */
function randomToken(bytes: number): string {
  const buffer = new Uint8Array(bytes);
  crypto.getRandomValues(buffer);
  return Buffer.from(buffer).toString("base64");
}

export class TokenStore {
  private readonly codes = new Map<string, AuthCode>();
  private readonly access = new Map<string, Grant>();
  private readonly refresh = new Map<string, Grant & { used: boolean }>();

  issueCode(bnetId: string, clientId: string, now: number): string {
    const code = randomToken(24).replace(/[+/=]/g, "").slice(0, 32);
    this.codes.set(code, { bnetId, clientId, expiresAt: now + AUTH_CODE_TTL_MS, used: false });
    return code;
  }

  redeemCode(code: string, clientId: string, now: number): RedeemResult {
    const entry = this.codes.get(code);
    if (!entry || entry.used || entry.clientId !== clientId) {
      return { ok: false, description: "AuthorizationCodeInvalid" };
    }
    entry.used = true;
    if (now > entry.expiresAt) return { ok: false, description: "AuthorizationCodeStale" };
    return { ok: true, bnetId: entry.bnetId };
  }

  issueTokens(bnetId: string, now: number, accessTtlSeconds: number): TokenResponse {
    const accessToken = randomToken(96);
    const refreshToken = randomToken(96);
    this.access.set(accessToken, {
      bnetId,
      expiresAt: now + accessTtlSeconds * 1000,
      revoked: false,
    });
    this.refresh.set(refreshToken, {
      bnetId,
      expiresAt: now + REFRESH_TOKEN_TTL_SECONDS * 1000,
      revoked: false,
      used: false,
    });
    return {
      access_token: accessToken,
      token_type: "Bearer",
      expires_in: accessTtlSeconds,
      refresh_token: refreshToken,
      refresh_expires_in: REFRESH_TOKEN_TTL_SECONDS,
      membership_id: bnetId,
    };
  }

  /** Rotation: a refresh token works once; using it again is an invalid grant. */
  useRefreshToken(token: string, now: number): RedeemResult {
    const entry = this.refresh.get(token);
    if (!entry || entry.used)
      return { ok: false, description: "ProvidedTokenNotValidRefreshToken" };
    if (entry.revoked) return { ok: false, description: "AuthorizationRecordRevoked" };
    if (now > entry.expiresAt) return { ok: false, description: "RefreshTokenExpired" };
    entry.used = true;
    return { ok: true, bnetId: entry.bnetId };
  }

  checkAccess(token: string, now: number): AccessCheck {
    const entry = this.access.get(token);
    if (!entry) return { status: "invalid" };
    if (entry.revoked) return { status: "revoked", bnetId: entry.bnetId };
    if (now >= entry.expiresAt) return { status: "expired", bnetId: entry.bnetId };
    return { status: "ok", bnetId: entry.bnetId };
  }

  /** Every access and refresh token issued to a user: tests look for them where they must not be. */
  issuedTo(bnetId: string): string[] {
    return [...this.access, ...this.refresh].filter(([, g]) => g.bnetId === bnetId).map(([t]) => t);
  }

  /** Every current access token (of one user, or everyone's) expires now. */
  expireAccess(now: number, bnetId?: string): number {
    let count = 0;
    for (const entry of this.access.values()) {
      if ((bnetId === undefined || entry.bnetId === bnetId) && entry.expiresAt > now) {
        entry.expiresAt = now;
        count++;
      }
    }
    return count;
  }

  /** Revoke access AND refresh tokens (the user removed the app's authorization). */
  revoke(bnetId?: string): number {
    let count = 0;
    for (const entry of [...this.access.values(), ...this.refresh.values()]) {
      if (bnetId === undefined || entry.bnetId === bnetId) {
        if (!entry.revoked) count++;
        entry.revoked = true;
      }
    }
    return count;
  }
}
