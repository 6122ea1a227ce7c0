"use server";

import { signIn } from "@/lib/auth";
import { safeCallbackPath } from "@/lib/auth/safe-redirect";

/** Starts Bungie's OAuth flow; the player comes back to `callbackUrl` (our own paths only). */
export async function signInWithBungie(formData: FormData) {
  const callbackUrl = formData.get("callbackUrl");
  await signIn("bungie", {
    redirectTo: safeCallbackPath(typeof callbackUrl === "string" ? callbackUrl : null),
  });
}
