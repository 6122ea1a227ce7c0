import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { captureDatabaseOutage } from "@/lib/db/health";
import { auth } from "./index";
import { safeCallbackPath } from "./safe-redirect";

export type CurrentUser = { id: string; bungieName: string | null; image: string | null };

/**
 * The signed-in user of this request, or null. Cached per request.
 *
 * Throws DatabaseUnavailableError when the session could not be looked up: Auth.js logs a
 * failed lookup and answers "no session", which would send a signed-in player to the sign-in
 * page during a database outage (and a second sign-in would fail too). The session is still
 * there; the pages, actions and routes that call this say "try again in a moment" instead.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const { result: session, outage } = await captureDatabaseOutage(() => auth());
  if (outage) throw outage;
  const user = session?.user;
  if (!user?.id) return null;
  return { id: user.id, bungieName: user.bungieName, image: user.image ?? null };
});

/**
 * For pages: the signed-in user, or a redirect to sign-in that comes back to `path` afterwards.
 * proxy.ts already turns away visitors without a session cookie; this re-checks the session
 * itself (the cookie may be stale, or the session ended when Bungie revoked the tokens).
 * A database outage is thrown (DatabaseUnavailableError), never taken for a signed-out player.
 */
export async function requireUser(path: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(safeCallbackPath(path))}`);
  return user;
}
