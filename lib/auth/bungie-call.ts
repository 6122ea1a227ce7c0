import "server-only";
import { redirect } from "next/navigation";
import { BungieSessionEndedError, withAccessToken } from "./access-token";
import { safeCallbackPath } from "./safe-redirect";

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
