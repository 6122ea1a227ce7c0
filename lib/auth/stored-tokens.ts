import "server-only";
import { decryptToken, encryptToken } from "./token-crypto";

/** Bungie's token response, as Auth.js hands it over (expires_at added by oauth4webapi's caller). */
export type BungieTokenSet = {
  access_token: string;
  refresh_token?: string;
  expires_in?: number;
  expires_at?: number;
  refresh_expires_in?: number;
  token_type?: string;
  membership_id?: string;
};

/** The Account columns that hold Bungie tokens, sealed with AES-256-GCM. */
export type SealedTokenColumns = {
  access_token: string;
  refresh_token: string | null;
  expires_at: number | null;
  refresh_expires_at: number | null;
  token_type: "bearer";
};

export function sealTokens(
  tokens: BungieTokenSet,
  secret: string,
  now = Date.now(),
): SealedTokenColumns {
  const nowSeconds = Math.floor(now / 1000);
  return {
    access_token: encryptToken(tokens.access_token, secret),
    refresh_token: tokens.refresh_token ? encryptToken(tokens.refresh_token, secret) : null,
    expires_at:
      tokens.expires_at ??
      (tokens.expires_in !== undefined ? nowSeconds + tokens.expires_in : null),
    refresh_expires_at:
      tokens.refresh_expires_in !== undefined ? nowSeconds + tokens.refresh_expires_in : null,
    token_type: "bearer",
  };
}

export function openToken(sealed: string | null, secret: string): string | null {
  return sealed ? decryptToken(sealed, secret) : null;
}
