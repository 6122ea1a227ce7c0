// Helpers for the vendor and digest integration tests: the app's Bungie client pointed at a
// standalone sandbox, players signed in the way the app records a sign-in, and an oracle that
// reads what the sandbox sells straight from its own world.
import { createBungieClient, getMembershipsForCurrentUser, setBungieClient } from "@/lib/bungie";
import { recordSignIn } from "@/lib/auth/record-sign-in";
import { DEMO_BUNGIE_APP } from "@/lib/env-schema";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { SandboxServer } from "../../../sandbox/node-server";
import { getManifestDefinitions } from "../../../sandbox/world/definitions";
import type { VendorDefinition } from "../../../sandbox/world/definitions/vendors";
import { vendorStock } from "../../../sandbox/world/vendor-stock";

/** The app's default Bungie client talks to this sandbox (and lib/db to this database). */
export function useSandboxAndDatabase(server: SandboxServer, db: PrismaClient) {
  setBungieClient(createBungieClient({ origin: server.url, ...DEMO_BUNGIE_APP }));
  (globalThis as { warmindDb?: PrismaClient }).warmindDb = db;
}

export function releaseSandboxAndDatabase() {
  setBungieClient(undefined);
  delete (globalThis as { warmindDb?: PrismaClient }).warmindDb;
}

/**
 * A demo player ("demo", "rival") signed in to Warmind: tokens from the sandbox, stored sealed
 * by the app's own recordSignIn, with their Destiny memberships. Returns the user id.
 */
export async function signInPlayer(
  server: SandboxServer,
  db: PrismaClient,
  key: string,
  secret: string,
): Promise<string> {
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
        data: {
          accounts: { create: { type: "oauth", provider: "bungie", providerAccountId } },
        },
      })
    ).id;
  await recordSignIn({ userId, providerAccountId, tokens, memberships, secret });
  return userId;
}

/** The demo player's Destiny account and characters, as the sandbox's control API lists them. */
export async function sandboxProfile(server: SandboxServer, key: string) {
  const response = await fetch(`${server.url}/__sandbox/users`);
  const { users } = (await response.json()) as {
    users: {
      key: string;
      bungieName: string;
      profiles: {
        membershipId: string;
        membershipType: number;
        isOverridden: boolean;
        characters: { characterId: string; classType: number }[];
      }[];
    }[];
  };
  const user = users.find((u) => u.key === key);
  const profile = user?.profiles.find((p) => !p.isOverridden);
  if (!user || !profile) throw new Error(`sandbox has no playable profile for ${key}`);
  return { bungieName: user.bungieName, ...profile };
}

/** The class of one of the profile's characters (vendors roll armour per class). */
export function classOf(
  profile: { characters: { characterId: string; classType: number }[] },
  characterId: string | null,
): number {
  const character = profile.characters.find((c) => c.characterId === characterId);
  if (!character) throw new Error(`no character ${characterId}`);
  return character.classType;
}

/**
 * What each vendor GetVendors lists sells at `now` to a character of `classType` (armour is
 * rolled per class), by name, read from the sandbox's world (not its API).
 */
export function sandboxStock(
  server: SandboxServer,
  classType: number,
  now = server.sandbox.state.now(),
) {
  const defs = getManifestDefinitions();
  const vendors = defs.tables.DestinyVendorDefinition as Record<string, VendorDefinition>;
  const items = defs.tables.DestinyInventoryItemDefinition as Record<
    string,
    { displayProperties: { name: string; icon?: string } }
  >;
  return defs.vendorSpecs
    .filter((spec) => spec.listed)
    .map((spec) => ({
      spec,
      stock: vendorStock(server.sandbox.state.world.seed, spec, now, classType),
    }))
    .filter(({ stock }) => stock.present)
    .map(({ spec, stock }) => {
      const def = vendors[String(spec.hash)]!;
      return {
        vendorHash: spec.hash,
        name: def.displayProperties.name,
        sales: stock.indexes.map((index) => {
          const entry = def.itemList[index]!;
          return {
            vendorItemIndex: index,
            itemHash: entry.itemHash,
            name: items[String(entry.itemHash)]!.displayProperties.name,
            icon: items[String(entry.itemHash)]!.displayProperties.icon ?? null,
            costs: entry.currencies.map((c) => ({
              name: items[String(c.itemHash)]!.displayProperties.name,
              quantity: c.quantity,
            })),
          };
        }),
      };
    });
}
