// Many confirmed digest subscribers at once, straight into the database, for the digest's scale
// benchmark and its call-budget tests. The sandbox has two playable Destiny accounts ("demo",
// "rival"), so subscribers share them: each is their own Warmind user with their own Bungie
// sign-in (an Account row with its own sealed tokens, issued by the sandbox), linked to one of
// the two Destiny accounts. Their access tokens are stored already expired, as a daily digest
// finds them (Bungie's live an hour): whoever needs one refreshes it first.
import { getMembershipsForCurrentUser } from "@/lib/bungie";
import { signInIdentity } from "@/lib/auth/sign-in-identity";
import { sealTokens } from "@/lib/auth/stored-tokens";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export type SeedChoice = { filters: string[]; vendorHashes: number[] };

export type SeedOptions = {
  db: PrismaClient;
  /** Issues a token set for a sandbox user ("demo", "rival"), as its OAuth would. */
  issueToken: (key: string) => {
    access_token: string;
    refresh_token: string;
    expires_in: number;
    refresh_expires_in: number;
  };
  secret: string;
  count: number;
  /** The i-th subscriber's choice. */
  choice: (index: number) => SeedChoice;
  /** Id prefix, so several seeds can share a database. */
  prefix?: string;
  batch?: number;
};

const KEYS = ["demo", "rival"] as const;

export async function seedSubscribers(options: SeedOptions): Promise<string[]> {
  const { db, secret, count } = options;
  const prefix = options.prefix ?? "seed";
  const batch = options.batch ?? 500;
  const memberships = new Map<string, ReturnType<typeof signInIdentity>["destinyMemberships"]>();
  for (const key of KEYS) {
    const tokens = options.issueToken(key);
    const data = await getMembershipsForCurrentUser(tokens.access_token);
    memberships.set(key, signInIdentity(data).destinyMemberships);
  }
  const expired = Math.floor(Date.now() / 1000) - 3_600;
  const ids: string[] = [];
  for (let start = 0; start < count; start += batch) {
    const users = [];
    const accounts = [];
    const links = [];
    const subscriptions = [];
    for (let i = start; i < Math.min(count, start + batch); i++) {
      const userId = `${prefix}-user-${i}`;
      const key = KEYS[i % KEYS.length]!;
      const tokens = options.issueToken(key);
      users.push({ id: userId, name: `${prefix} ${i}` });
      accounts.push({
        userId,
        type: "oauth",
        provider: "bungie",
        providerAccountId: `${prefix}-${i}`,
        ...sealTokens({ ...tokens, expires_at: expired }, secret),
      });
      for (const m of memberships.get(key)!) {
        links.push({
          userId,
          membershipType: m.membershipType,
          membershipId: m.membershipId,
          displayName: m.displayName,
          crossSaveOverride: m.crossSaveOverride,
          applicableMembershipTypes: m.applicableMembershipTypes,
          isPrimary: m.isPrimary,
        });
      }
      const choice = options.choice(i);
      const id = `${prefix}-sub-${String(i).padStart(6, "0")}`;
      ids.push(id);
      subscriptions.push({
        id,
        userId,
        email: `${prefix}-${i}@example.com`,
        filters: choice.filters,
        vendorHashes: choice.vendorHashes.map(BigInt),
        confirmedAt: new Date(),
        confirmedVia: "outbox",
        // In subscription order, which is the order a run serves them.
        createdAt: new Date(Date.UTC(2026, 0, 1) + i),
      });
    }
    await db.user.createMany({ data: users });
    await db.account.createMany({ data: accounts });
    await db.destinyMembership.createMany({ data: links });
    await db.digestSubscription.createMany({ data: subscriptions });
  }
  return ids;
}
