// Many confirmed digest subscribers at once, straight into the database, for the digest's scale
// benchmark and its call-budget tests. Each is their own Warmind user with their own Bungie
// sign-in (an Account row with its own sealed tokens, issued by the sandbox), linked to one of
// `accounts` (sandbox account keys, in turn; default the two demo accounts "demo" and "rival").
// The sandbox, like Bungie, keeps a bounded number of live sign-ins per Bungie.net account
// (sandbox/auth/token-store.ts, 25): callers who need every subscriber's token to work give at
// most that many subscribers per account (the scale bench uses generated `load-N` accounts).
// Their access tokens are stored already expired, as a daily digest finds them (Bungie's live
// an hour): whoever needs one refreshes it first.
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
  /** Sandbox account keys the subscribers are spread over, in turn (default demo, rival). */
  accounts?: readonly string[];
};

const DEFAULT_ACCOUNTS = ["demo", "rival"] as const;

export async function seedSubscribers(options: SeedOptions): Promise<string[]> {
  const { db, secret, count } = options;
  const prefix = options.prefix ?? "seed";
  const batch = options.batch ?? 500;
  const keys = options.accounts ?? DEFAULT_ACCOUNTS;
  if (keys.length === 0) throw new Error("seedSubscribers: no accounts");
  // Looked up first, so these grants are each account's oldest: the subscribers' own come after
  // and push them out, never the other way round.
  const memberships = new Map<string, ReturnType<typeof signInIdentity>["destinyMemberships"]>();
  for (const key of keys) {
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
      const key = keys[i % keys.length]!;
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
