import "server-only";
import { db as appDb } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * The client manifest functions run on. Every function takes one (tests pass their own
 * database) and defaults to the app's.
 */
export type ManifestDb = PrismaClient;

/** What a statement needs: a client or an interactive transaction. */
export type RawDb = Pick<PrismaClient, "$queryRaw" | "$executeRaw">;

export function manifestDb(db?: ManifestDb): ManifestDb {
  return db ?? appDb;
}
