import "server-only";
import { redirect } from "next/navigation";
import { BungieError } from "@/lib/bungie";
import { BungieSessionEndedError, getBungieAccessToken } from "./access-token";
import { safeCallbackPath } from "./safe-redirect";

/**
 * Runs a Bungie call with the player's access token. When Bungie refuses a token that looked
 * valid (expired early, or revoked), it refreshes once and tries again; reads only, because the
 * caller decides whether a write may be repeated (see lib/bungie).
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
    const fresh = await getBungieAccessToken(userId, { rejected: token });
    return call(fresh);
  }
}

/** For page loaders: a Bungie session that cannot continue sends the player to sign in again. */
export async function withAccessTokenOrSignIn<T>(
  userId: string,
  path: string,
  call: (token: string) => Promise<T>,
): Promise<T> {
  try {
    return await withAccessToken(userId, call);
  } catch (error) {
    if (error instanceof BungieSessionEndedError) {
      redirect(
        `/signin?error=SessionExpired&callbackUrl=${encodeURIComponent(safeCallbackPath(path))}`,
      );
    }
    throw error;
  }
}
