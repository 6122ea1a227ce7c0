// The Guardian loaders and actions against a standalone sandbox over real HTTP and a real
// database: the app's default Bungie client points at the sandbox, lib/db at the test database,
// and players sign in the way the app records a sign-in (sealed tokens, memberships).
import { recordSignIn } from "@/lib/auth/record-sign-in";
import { createBungieClient, getMembershipsForCurrentUser, setBungieClient } from "@/lib/bungie";
import { createCache } from "@/lib/cache/cache";
import { DEMO_BUNGIE_APP } from "@/lib/env-schema";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { setProfileCache } from "@/lib/guardian/profile-store";
import type { SandboxServer } from "../../../sandbox/node-server";

export const TEST_SECRET = "guardian-integration-secret-0123456789abcdef";

export function useSandboxAndDatabase(server: SandboxServer, db: PrismaClient) {
  process.env.AUTH_SECRET ??= TEST_SECRET;
  setBungieClient(createBungieClient({ origin: server.url, ...DEMO_BUNGIE_APP }));
  (globalThis as { warmindDb?: PrismaClient }).warmindDb = db;
  setProfileCache(createCache());
}

export function releaseSandboxAndDatabase() {
  setBungieClient(undefined);
  setProfileCache(undefined);
  delete (globalThis as { warmindDb?: PrismaClient }).warmindDb;
}

/** Signs a demo player ("demo", "rival") in to Warmind; returns the user id. */
export async function signInPlayer(server: SandboxServer, db: PrismaClient, key: string) {
  const tokens = server.sandbox.issueToken(key);
  const memberships = await getMembershipsForCurrentUser(tokens.access_token);
  const providerAccountId = String(memberships.bungieNetUser.membershipId);
  const existing = await db.account.findUnique({
    where: { provider_providerAccountId: { provider: "bungie", providerAccountId } },
  });
  const userId =
    existing?.userId ??
    (
      await db.user.create({
        data: { accounts: { create: { type: "oauth", provider: "bungie", providerAccountId } } },
      })
    ).id;
  await recordSignIn({
    userId,
    providerAccountId,
    tokens,
    memberships,
    secret: process.env.AUTH_SECRET!,
  });
  return userId;
}

export type SnapshotItem = {
  itemInstanceId?: string;
  itemHash: number;
  quantity: number;
  where: string;
  bucketHash: number;
  locked: boolean;
};
export type Snapshot = {
  membershipId: string;
  characters: { characterId: string; classType: number; activity: string }[];
  counts: { instanced: number; vault: number; postmaster: Record<string, number> };
  stackTotals: Record<string, number>;
  items: SnapshotItem[];
};

/** Where every item of a player's playable profile is, straight from the sandbox's world. */
export async function snapshot(server: SandboxServer, user = "demo"): Promise<Snapshot> {
  const response = await fetch(`${server.url}/__sandbox/state?user=${user}`);
  const { profiles } = (await response.json()) as { profiles: Snapshot[] };
  // The cross-save primary is the one with characters.
  const playable = profiles.find((p) => p.characters.length > 0);
  if (!playable) throw new Error(`no playable profile for ${user}`);
  return playable;
}

export async function control(server: SandboxServer, path: string, body: unknown = {}) {
  const response = await fetch(`${server.url}/__sandbox/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`control ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** Bungie API calls by operation since the last reset (content downloads excluded). */
export async function stats(server: SandboxServer) {
  const response = await fetch(`${server.url}/__sandbox/stats`);
  return (await response.json()) as { total: number; operations: Record<string, number> };
}

export async function resetStats(server: SandboxServer) {
  await control(server, "stats/reset");
}

/** Counts the Bungie calls `run` makes, by operation. */
export async function counting<T>(server: SandboxServer, run: () => Promise<T>) {
  await resetStats(server);
  const value = await run();
  const after = await stats(server);
  return { value, calls: after.total, operations: after.operations };
}
