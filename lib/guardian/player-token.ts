import "server-only";
import { getBungieAccessToken } from "@/lib/auth/access-token";
import { BungieError } from "@/lib/bungie";

/** Runs a Bungie call with the player's access token (withAccessToken or its page variant). */
export type TokenRunner = <T>(call: (token: string) => Promise<T>) => Promise<T>;

/**
 * lib/auth's withAccessToken for reads, without its page-only sign-in redirect (which pulls in
 * next/navigation): usable from route handlers, actions, scripts and benches. A token Bungie
 * rejects although it looked fresh is refreshed once. Pages pass withAccessTokenOrSignIn instead.
 */
export function withPlayerToken(userId: string): TokenRunner {
  return async (call) => {
    const token = await getBungieAccessToken(userId);
    try {
      return await call(token);
    } catch (error) {
      if (!(error instanceof BungieError && error.isAuth)) throw error;
      return call(await getBungieAccessToken(userId, { rejected: token }));
    }
  };
}
