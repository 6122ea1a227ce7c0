import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Adapter, AdapterAccount, AdapterSession, AdapterUser } from "next-auth/adapters";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { hashSessionToken } from "./session-token";

/**
 * Auth.js' Prisma adapter, with three changes:
 *
 * - Sessions are stored and looked up by the SHA-256 of their token (session-token.ts): the
 *   cookie's value never reaches the database.
 * - One Bungie account per user: linking a second one is refused here as well as by the
 *   database (`@@unique([userId, provider])`). Auth.js would link a new account to whoever is
 *   signed in; route-handlers.ts makes every callback a fresh sign-in, so this never happens
 *   in a working flow.
 * - Two first sign-ins of one Bungie account at the same moment (two tabs, two devices) both
 *   find no user and both create one; the second then breaks the unique Bungie membership id.
 *   Both must end up signed in as the same user, so creating and linking are idempotent.
 *
 * The Bungie provider's `account()` already seals the tokens before `linkAccount` stores them
 * (see bungie-provider.ts), so the adapter never sees a plain Bungie token.
 */
export function warmindAdapter(): Adapter {
  const base = PrismaAdapter(db);
  return {
    ...base,
    async createUser(user) {
      const bungieMembershipId = (user as AdapterUser & { bungieMembershipId?: string })
        .bungieMembershipId;
      try {
        return await base.createUser!(user);
      } catch (error) {
        if (!bungieMembershipId || !isUniqueViolation(error)) throw error;
        return (await db.user.findUniqueOrThrow({ where: { bungieMembershipId } })) as AdapterUser;
      }
    },
    async linkAccount(account: AdapterAccount) {
      const { provider, providerAccountId, userId, ...rest } = account;
      const [own, existing] = await Promise.all([
        db.account.findUnique({ where: { userId_provider: { userId, provider } } }),
        db.account.findUnique({
          where: { provider_providerAccountId: { provider, providerAccountId } },
        }),
      ]);
      if (own && own.providerAccountId !== providerAccountId) {
        throw new Error(`Refusing to link a second ${provider} account to one user`);
      }
      if (existing && existing.userId !== userId) {
        throw new Error(`Refusing to move a ${provider} account to another user`);
      }
      try {
        await db.account.upsert({
          where: { provider_providerAccountId: { provider, providerAccountId } },
          create: account as Prisma.AccountUncheckedCreateInput,
          update: rest as Prisma.AccountUncheckedUpdateInput,
        });
      } catch (error) {
        // The same link made by a concurrent first sign-in is fine, anything else is not.
        if (!isUniqueViolation(error)) throw error;
        const row = await db.account.findUnique({
          where: { provider_providerAccountId: { provider, providerAccountId } },
        });
        if (row?.userId !== userId) throw error;
      }
    },

    async createSession({ sessionToken, userId, expires }) {
      await db.session.create({
        data: { sessionTokenHash: hashSessionToken(sessionToken), userId, expires },
      });
      return { sessionToken, userId, expires };
    },
    async getSessionAndUser(sessionToken) {
      const row = await db.session.findUnique({
        where: { sessionTokenHash: hashSessionToken(sessionToken) },
        include: { user: true },
      });
      if (!row) return null;
      const session: AdapterSession = { sessionToken, userId: row.userId, expires: row.expires };
      return { session, user: row.user as AdapterUser };
    },
    async updateSession({ sessionToken, expires }) {
      // Auth.js only ever moves the expiry forward (session.updateAge).
      const where = { sessionTokenHash: hashSessionToken(sessionToken) };
      const updated = expires
        ? await db.session.updateMany({ where, data: { expires } })
        : { count: 1 };
      const row = updated.count > 0 ? await db.session.findUnique({ where }) : null;
      return row ? { sessionToken, userId: row.userId, expires: row.expires } : null;
    },
    async deleteSession(sessionToken) {
      await endSession(sessionToken);
      return null;
    },
  };
}

/** Deletes the session a cookie value stands for (a no-op when there is none). */
export async function endSession(sessionToken: string): Promise<void> {
  await db.session.deleteMany({ where: { sessionTokenHash: hashSessionToken(sessionToken) } });
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown; cause?: { code?: unknown } })?.code;
  return code === "P2002" || String(error).includes("Unique constraint");
}
