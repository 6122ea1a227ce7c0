// Authorization codes, access tokens and refresh tokens, with Bungie's lifetimes: codes are
// single-use and short-lived, refresh tokens rotate (the old one dies when used) and live
// 90 days. Bounded, since a public demo issues tokens to anyone: spent codes and refresh tokens
// are forgotten at once, expired ones within a minute or so (access tokens a day after they
// expire, so a late caller still gets 2111 AccessTokenHasExpired), and a user holds at most
// MAX_GRANTS_PER_USER grants (signing in again and again drops the oldest).

export const REFRESH_TOKEN_TTL_SECONDS = 7_776_000;
export const AUTH_CODE_TTL_MS = 60_000;
/** Access (and refresh) tokens one user may hold at once; the oldest go first. */
export const MAX_GRANTS_PER_USER = 25;
/** Expired access tokens are remembered this long, to answer 2111 rather than 99. */
const EXPIRED_ACCESS_KEPT_MS = 86_400_000;
const PRUNE_EVERY_MS = 60_000;
/** Tokens per user remembered for issuedTo (leak tests). */
const HISTORY_PER_USER = 100;

interface AuthCode {
  bnetId: string;
  clientId: string;
  expiresAt: number;
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
  private readonly refresh = new Map<string, Grant>();
  /** Per user, their live access and refresh tokens in the order issued. */
  private readonly byUser = new Map<string, { access: string[]; refresh: string[] }>();
  /** Per user, the last tokens issued, spent or not: what leak tests look for. */
  private readonly history = new Map<string, string[]>();
  private lastPrune = 0;

  issueCode(bnetId: string, clientId: string, now: number): string {
    this.prune(now);
    const code = randomToken(24).replace(/[+/=]/g, "").slice(0, 32);
    this.codes.set(code, { bnetId, clientId, expiresAt: now + AUTH_CODE_TTL_MS });
    return code;
  }

  redeemCode(code: string, clientId: string, now: number): RedeemResult {
    const entry = this.codes.get(code);
    if (!entry || entry.clientId !== clientId) {
      return { ok: false, description: "AuthorizationCodeInvalid" };
    }
    // Single use: a second redemption finds nothing, which answers the same.
    this.codes.delete(code);
    if (now > entry.expiresAt) return { ok: false, description: "AuthorizationCodeStale" };
    return { ok: true, bnetId: entry.bnetId };
  }

  issueTokens(bnetId: string, now: number, accessTtlSeconds: number): TokenResponse {
    this.prune(now);
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
    });
    const mine = this.byUser.get(bnetId) ?? { access: [], refresh: [] };
    this.byUser.set(bnetId, mine);
    mine.access.push(accessToken);
    mine.refresh.push(refreshToken);
    while (mine.access.length > MAX_GRANTS_PER_USER) this.access.delete(mine.access.shift()!);
    while (mine.refresh.length > MAX_GRANTS_PER_USER) this.refresh.delete(mine.refresh.shift()!);
    const issued = this.history.get(bnetId) ?? [];
    issued.push(accessToken, refreshToken);
    this.history.set(bnetId, issued.slice(-HISTORY_PER_USER));
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
    if (!entry) return { ok: false, description: "ProvidedTokenNotValidRefreshToken" };
    if (entry.revoked) return { ok: false, description: "AuthorizationRecordRevoked" };
    if (now > entry.expiresAt) return { ok: false, description: "RefreshTokenExpired" };
    // Rotation: spent now, and a spent token answers like an unknown one.
    this.refresh.delete(token);
    const mine = this.byUser.get(entry.bnetId);
    if (mine) mine.refresh = mine.refresh.filter((t) => t !== token);
    return { ok: true, bnetId: entry.bnetId };
  }

  checkAccess(token: string, now: number): AccessCheck {
    const entry = this.access.get(token);
    if (!entry) return { status: "invalid" };
    if (entry.revoked) return { status: "revoked", bnetId: entry.bnetId };
    if (now >= entry.expiresAt) return { status: "expired", bnetId: entry.bnetId };
    return { status: "ok", bnetId: entry.bnetId };
  }

  /**
   * The access and refresh tokens issued to a user (the last HISTORY_PER_USER, spent ones
   * included): tests look for them where they must not be.
   */
  issuedTo(bnetId: string): string[] {
    return [...(this.history.get(bnetId) ?? [])];
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

  /** Forgets every code and token of a user (their account is gone). */
  forget(bnetId: string): void {
    const mine = this.byUser.get(bnetId);
    for (const token of mine?.access ?? []) this.access.delete(token);
    for (const token of mine?.refresh ?? []) this.refresh.delete(token);
    this.byUser.delete(bnetId);
    this.history.delete(bnetId);
    for (const [code, entry] of this.codes) if (entry.bnetId === bnetId) this.codes.delete(code);
  }

  /** How many codes and tokens are remembered (tests check that it stays bounded). */
  get size(): number {
    return this.codes.size + this.access.size + this.refresh.size;
  }

  /** Forgets what can no longer be used (at most once a minute). */
  private prune(now: number): void {
    if (now - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = now;
    for (const [code, entry] of this.codes) if (now > entry.expiresAt) this.codes.delete(code);
    for (const [token, entry] of this.access)
      if (now - entry.expiresAt > EXPIRED_ACCESS_KEPT_MS) this.access.delete(token);
    for (const [token, entry] of this.refresh)
      if (now > entry.expiresAt) this.refresh.delete(token);
    for (const [bnetId, mine] of this.byUser) {
      mine.access = mine.access.filter((t) => this.access.has(t));
      mine.refresh = mine.refresh.filter((t) => this.refresh.has(t));
      if (mine.access.length === 0 && mine.refresh.length === 0) this.byUser.delete(bnetId);
    }
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
