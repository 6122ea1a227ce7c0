import "server-only";
import { BungieError, BungieOAuthError, refreshAccessToken } from "@/lib/bungie";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { openToken, sealTokens } from "./stored-tokens";

/** Refresh when the access token has less than this left, so no request starts with a dying token. */
const REFRESH_MARGIN_SECONDS = 60;
/**
 * The most one token call may take, from asking the limiter for a slot to the last byte of the
 * answer: it is aborted then, so it can never outlive the lease below.
 */
export const TOKEN_CALL_BUDGET_MS = 25_000;
/**
 * How long one refresher holds the lease; other requests (any instance) wait for its result. It
 * covers the whole refresh: the token call's budget, plus time to read and write the account row
 * (and clock drift between instances). Were it shorter, a second refresher could take the lease
 * while the first is still waiting for Bungie, and spend the same rotating refresh token.
 */
export const REFRESH_LEASE_MS = TOKEN_CALL_BUDGET_MS + 10_000;
const POLL_MS = 150;

/** The player's Bungie session cannot continue (refresh token expired or revoked): sign in again. */
export class BungieSessionEndedError extends Error {
  constructor(readonly reason: "no-account" | "refresh-failed" | "unreadable") {
    super(
      reason === "refresh-failed"
        ? "Your Bungie.net sign-in has expired or was revoked. Please sign in again."
        : "Your Bungie.net sign-in is missing. Please sign in again.",
    );
    this.name = "BungieSessionEndedError";
  }
}

// Requests of one player in this process share one refresh (the database lease covers the rest).
const inFlight = new Map<string, Promise<string>>();

/**
 * A valid Bungie access token for the user: the stored one, or a refreshed one when it expires
 * within a minute. Concurrent callers, in this and every other app instance, spend the refresh
 * token once: a lease on the Account row picks one refresher, the others wait for its result.
 *
 * `rejected`: a token Bungie just refused although it looked fresh (revoked or expired early).
 * It is refreshed unless another request has already replaced it.
 */
export function getBungieAccessToken(
  userId: string,
  options: { rejected?: string } = {},
): Promise<string> {
  const key = `${userId}:${options.rejected ?? ""}`;
  let pending = inFlight.get(key);
  if (!pending) {
    pending = resolveToken(userId, options.rejected ?? null).finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  return pending;
}

async function resolveToken(userId: string, rejected: string | null): Promise<string> {
  const secret = getEnv().AUTH_SECRET;
  const deadline = Date.now() + REFRESH_LEASE_MS * 2;
  for (;;) {
    // One Bungie account per user (the Account table's unique key): the player's own.
    const account = await db.account.findUnique({
      where: { userId_provider: { userId, provider: "bungie" } },
    });
    if (!account?.access_token) throw new BungieSessionEndedError("no-account");
    const access = openToken(account.access_token, secret);
    if (!access) throw new BungieSessionEndedError("unreadable");
    const expiring = (account.expires_at ?? 0) - REFRESH_MARGIN_SECONDS <= Date.now() / 1000;
    if (!expiring && access !== rejected) return access;

    // The lease's end is also its id: a later holder can only take it after it ended, so its
    // stamp is later. Writes below are conditional on the stamp still being ours.
    const now = Date.now();
    const leaseUntil = new Date(now + REFRESH_LEASE_MS);
    const lease = await db.account.updateMany({
      where: {
        provider: account.provider,
        providerAccountId: account.providerAccountId,
        // Only the token we just read may be refreshed: once it changed, the work is done.
        access_token: account.access_token,
        OR: [{ refreshLockedUntil: null }, { refreshLockedUntil: { lt: new Date(now) } }],
      },
      data: { refreshLockedUntil: leaseUntil },
    });
    if (lease.count === 1) return refreshWithLease(account, secret, leaseUntil);

    // Another request (maybe another instance) holds the lease: wait for its result.
    if (Date.now() > deadline) throw new BungieSessionEndedError("refresh-failed");
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function refreshWithLease(
  account: {
    provider: string;
    providerAccountId: string;
    userId: string;
    access_token: string | null;
    refresh_token: string | null;
  },
  secret: string,
  leaseUntil: Date,
): Promise<string> {
  // Every write while refreshing is conditional on still holding this lease.
  const ours = {
    provider: account.provider,
    providerAccountId: account.providerAccountId,
    refreshLockedUntil: leaseUntil,
  };
  const refreshToken = openToken(account.refresh_token, secret);
  if (!refreshToken) {
    await endSessions(account.userId);
    throw new BungieSessionEndedError("refresh-failed");
  }
  let tokens;
  try {
    // Token calls go first in the limiter's queue ("token" priority), and the budget bounds the
    // wait there and the call itself, well inside the lease.
    tokens = await refreshAccessToken(refreshToken, undefined, {
      signal: AbortSignal.timeout(TOKEN_CALL_BUDGET_MS),
    });
  } catch (error) {
    if (error instanceof BungieOAuthError && error.isRevokedOrExpired) {
      // Refused: but if another refresher stored new tokens meanwhile, the player is fine.
      const replaced = await replacedAccessToken(account, secret);
      if (replaced) return replaced;
      // Waiting requests stop waiting for us: the next one to try finds the token refused too.
      await db.account.updateMany({ where: ours, data: { refreshLockedUntil: null } });
      await endSessions(account.userId);
      throw new BungieSessionEndedError("refresh-failed");
    }
    // Maintenance, a timeout or a network failure: keep the refresh token (it was not spent, or
    // we cannot know) for later.
    await db.account.updateMany({ where: ours, data: { refreshLockedUntil: null } });
    throw error;
  }
  const stored = await db.account.updateMany({
    where: ours,
    data: {
      ...sealTokens(
        {
          access_token: tokens.accessToken,
          refresh_token: tokens.refreshToken,
          expires_at: tokens.accessTokenExpiresAt,
          refresh_expires_in: Math.max(
            0,
            tokens.refreshTokenExpiresAt - Math.floor(Date.now() / 1000),
          ),
        },
        secret,
      ),
      refreshLockedUntil: null,
    },
  });
  if (stored.count === 0) {
    // The lease ended before we could write (the database stalled longer than the lease's
    // margin) and may be someone else's now: never overwrite what its holder stores. The access
    // token in hand is valid for this request.
    console.warn("Bungie token refresh outlived its lease: the new tokens were not stored");
  }
  return tokens.accessToken;
}

/** The stored access token, when it is no longer the one we read (another refresh succeeded). */
async function replacedAccessToken(
  account: { provider: string; providerAccountId: string; access_token: string | null },
  secret: string,
): Promise<string | null> {
  const now = await db.account.findUnique({
    where: {
      provider_providerAccountId: {
        provider: account.provider,
        providerAccountId: account.providerAccountId,
      },
    },
    select: { access_token: true },
  });
  if (!now?.access_token || now.access_token === account.access_token) return null;
  return openToken(now.access_token, secret);
}

/** Signs the player out everywhere: their sessions can no longer reach Bungie. */
async function endSessions(userId: string) {
  await db.session.deleteMany({ where: { userId } });
}

/**
 * Runs a Bungie call with the player's access token. When Bungie refuses a token that looked
 * valid (expired early, or revoked), it refreshes once and tries again; reads only, because the
 * caller decides whether a write may be repeated (see lib/bungie). Usable anywhere: pages that
 * want a sign-in redirect instead of an error use withAccessTokenOrSignIn (bungie-call.ts).
 */
export async function withAccessToken<T>(
  userId: string,
  call: (token: string) => Promise<T>,
): Promise<T> {
  const token = await getBungieAccessToken(userId);
  try {
    return await call(token);
  } catch (error) {
    if (!(error instanceof BungieError && error.isAuth)) throw error;
    return call(await getBungieAccessToken(userId, { rejected: token }));
  }
}
