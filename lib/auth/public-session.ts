/** What `/api/auth/session` tells the browser: what the UI shows, and nothing to steal. */
export type PublicSession = {
  user: { bungieName: string | null; image: string | null };
  expires: string;
};

/**
 * Reduces the session Auth.js would send to the browser to its public part. The server-side
 * session (`auth()`) also carries the user's id; the browser never needs it, and the session
 * token must stay in its HttpOnly cookie.
 */
export function publicSession(session: unknown): PublicSession | null {
  if (!session || typeof session !== "object") return null;
  const { user, expires } = session as { user?: unknown; expires?: unknown };
  if (!user || typeof user !== "object" || typeof expires !== "string") return null;
  const { bungieName, image } = user as { bungieName?: unknown; image?: unknown };
  return {
    user: {
      bungieName: typeof bungieName === "string" ? bungieName : null,
      image: typeof image === "string" ? image : null,
    },
    expires,
  };
}
