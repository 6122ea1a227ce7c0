import "server-only";
import { withAccessToken } from "@/lib/auth/access-token";

/** Runs a Bungie call with the player's access token (withAccessToken or its page variant). */
export type TokenRunner = <T>(call: (token: string) => Promise<T>) => Promise<T>;

/**
 * For route handlers, actions, scripts and benches: lib/auth's withAccessToken without the
 * page-only sign-in redirect (which pulls in next/navigation). Pages pass
 * withAccessTokenOrSignIn instead.
 */
export function withPlayerToken(userId: string): TokenRunner {
  return (call) => withAccessToken(userId, call);
}
