import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Adapter, AdapterAccount, AdapterUser } from "next-auth/adapters";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Auth.js' Prisma adapter. The Bungie provider's `account()` already seals the tokens before
 * `linkAccount` stores them (see bungie-provider.ts), so the adapter never sees a plain token.
 *
 * Two first sign-ins of one Bungie account at the same moment (two tabs, two devices) both find
 * no user and both create one; the second then breaks the unique Bungie membership id. Both
 * must end up signed in as the same user, so creating and linking are made idempotent.
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
      const { provider, providerAccountId, ...rest } = account;
      await db.account.upsert({
        where: { provider_providerAccountId: { provider, providerAccountId } },
        create: account as Prisma.AccountUncheckedCreateInput,
        update: rest as Prisma.AccountUncheckedUpdateInput,
      });
    },
  };
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown; cause?: { code?: unknown } })?.code;
  return code === "P2002" || String(error).includes("Unique constraint");
}
