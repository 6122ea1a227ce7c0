import "server-only";
import NextAuth from "next-auth";
import type { UserMembershipData } from "bungie-api-ts/user";
import { warmindAdapter } from "./adapter";
import { bungieProvider } from "./bungie-provider";
import { recordSignIn } from "./record-sign-in";
import { safeRedirectUrl } from "./safe-redirect";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";
import type { BungieTokenSet } from "./stored-tokens";

declare module "next-auth" {
  interface Session {
    user: { id: string; image: string | null; bungieName: string | null };
  }
}

// Configured lazily (per request) so `next build` needs no environment and no database.
export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const env = getEnv();
  return {
    adapter: warmindAdapter(),
    providers: [bungieProvider(env)],
    secret: env.AUTH_SECRET,
    trustHost: true,
    session: { strategy: "database", maxAge: 30 * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
    pages: { signIn: "/signin", error: "/signin" },
    useSecureCookies: env.appUrl.startsWith("https://"),
    callbacks: {
      redirect: ({ url, baseUrl }) => safeRedirectUrl(url, baseUrl),
      // The session `auth()` returns on the server. Never the adapter's session (it carries the
      // session token): /api/auth/session sends the browser only its public part
      // (route-handlers.ts).
      session({ session, user }) {
        const u = user as typeof user & { bungieName?: string | null };
        return {
          expires: session.expires,
          user: { id: u.id, image: u.image ?? null, bungieName: u.bungieName ?? u.name ?? null },
        } as typeof session;
      },
    },
    events: {
      async signIn({ user, account, profile }) {
        if (!user.id || !account || account.provider !== "bungie") return;
        await recordSignIn({
          userId: user.id,
          providerAccountId: account.providerAccountId,
          tokens: account as unknown as BungieTokenSet,
          memberships: profile as unknown as UserMembershipData,
          secret: env.AUTH_SECRET,
        });
      },
    },
    logger: {
      // Auth.js logs provider responses on some errors: lib/log redacts tokens and codes (and
      // email addresses) from every line. A database outage is logged once by lib/db, not on
      // every request that Auth.js could not look a session up for.
      error(error) {
        const cause = (error as { cause?: { err?: unknown } }).cause?.err;
        if (isDatabaseUnavailable(cause)) return;
        log.error("auth.error", {
          type: (error as { type?: string }).type ?? error.name,
          ...(cause instanceof Error ? { cause } : {}),
        });
      },
      warn(code) {
        log.warn("auth.warning", { code: String(code) });
      },
      debug() {},
    },
  };
});
