import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "./index";
import { safeCallbackPath } from "./safe-redirect";

export type CurrentUser = { id: string; bungieName: string | null; image: string | null };

/** The signed-in user of this request, or null. Cached per request. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const user = session?.user;
  if (!user?.id) return null;
  return { id: user.id, bungieName: user.bungieName, image: user.image ?? null };
});

/**
 * For pages: the signed-in user, or a redirect to sign-in that comes back to `path` afterwards.
 * proxy.ts already turns away visitors without a session cookie; this re-checks the session
 * itself (the cookie may be stale, or the session ended when Bungie revoked the tokens).
 */
export async function requireUser(path: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(safeCallbackPath(path))}`);
  return user;
}
