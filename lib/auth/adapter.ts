import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Adapter } from "next-auth/adapters";
import { db } from "@/lib/db";

/**
 * Auth.js' Prisma adapter. The Bungie provider's `account()` already seals the tokens before
 * `linkAccount` stores them (see bungie-provider.ts), so the adapter never sees a plain token.
 */
export function warmindAdapter(): Adapter {
  return PrismaAdapter(db);
}
