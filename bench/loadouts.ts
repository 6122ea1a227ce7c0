// Figures for equipping Warmind's saved loadouts, against a standalone sandbox at 300 ms latency
// with the demo player's world, through the real executor (lib/loadouts):
//  - an 8-item loadout (3 weapons, 5 armour pieces) whose items all sit in the vault, plus the
//    Titan's subclass with one ability, one aspect and one fragment other than it wears (other
//    plugs of those sockets' sets in the manifest): Bungie calls per kind
//    (goal: 8 TransferItem + 1 EquipItems + 1 InsertSocketPlugFree per changed subclass plug);
//  - the same 8 items held by another character (goal: 2 transfers per item);
//  - wall time against the sum of its calls' round trips plus the pacing Bungie requires between a
//    player's actions (limits.ts: an item action ≥ 100 ms, a plug ≥ 500 ms after the previous
//    answer of its kind), goal ratio ≤ 1.2.
// Each run starts from a reset world (the items back in the vault) with a fresh profile cache.
import { performance } from "node:perf_hooks";
import type {
  DestinyInventoryItemDefinition,
  DestinyPlugSetDefinition,
} from "bungie-api-ts/destiny2";
import { recordSignIn } from "@/lib/auth/record-sign-in";
import {
  createBungieClient,
  getMembershipsForCurrentUser,
  setBungieClient,
  transferItem,
} from "@/lib/bungie";
import { BUNGIE_LIMITS } from "@/lib/bungie/limits";
import { createCache } from "@/lib/cache/cache";
import {
  ARMOR_BUCKETS,
  BucketHashes,
  CHARACTER_BUCKET_CAPACITY,
  WEAPON_BUCKETS,
} from "@/lib/destiny/buckets";
import { openAdapter } from "@/lib/db/adapter";
import { applyMigrations } from "@/lib/db/schema-engine";
import { DEMO_BUNGIE_APP } from "@/lib/env-schema";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { loadInventoryView } from "@/lib/guardian/load-inventory-view";
import { setProfileCache } from "@/lib/guardian/profile-store";
import type { InventoryView } from "@/lib/guardian/view-types";
import { equipSavedLoadout } from "@/lib/loadouts/equip-loadout";
import type { LoadoutItem } from "@/lib/loadouts/loadout-items";
import { createLoadout, getOwnLoadout } from "@/lib/loadouts/loadout-store";
import { saveCurrentGear } from "@/lib/loadouts/saved-loadout-actions";
import { startSandboxServer } from "../sandbox/node-server";
import { getManifestDefinitions } from "../sandbox/world/definitions";
import { SocketCategoryHashes } from "../sandbox/world/definitions/static-tables";

const LATENCY_MS = 300;
const RUNS = 3;
const TITAN = 0;
process.env.AUTH_SECRET ??= "bench-secret-bench-secret-bench-secret-0000";

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
const ms = (value: number) => `${value.toFixed(0)} ms`;

type Trip = { operation: string; kind: "item" | "plug" | null; ms: number };
const OPERATIONS: [RegExp, string, Trip["kind"]][] = [
  [/TransferItem/, "TransferItem", "item"],
  [/EquipItems/, "EquipItems", "item"],
  [/EquipItem\//, "EquipItem", "item"],
  [/PullFromPostmaster/, "PullFromPostmaster", "item"],
  [/InsertSocketPlugFree/, "InsertSocketPlugFree", "plug"],
  [/\/Profile\//, "GetProfile", null],
];

/** The least time Bungie's pacing adds: a kind's spacing counts from its previous answer. */
function pacingOwed(trips: Trip[]): number {
  let owed = 0;
  const sinceAnswer = new Map<string, number>();
  for (const trip of trips) {
    if (trip.kind) {
      const since = sinceAnswer.get(trip.kind);
      if (since !== undefined)
        owed += Math.max(0, BUNGIE_LIMITS.actionSpacingMs[trip.kind] - since);
    }
    for (const [kind, since] of sinceAnswer) sinceAnswer.set(kind, since + trip.ms);
    if (trip.kind) sinceAnswer.set(trip.kind, 0);
  }
  return owed;
}

/**
 * The subclass's plugs with one ability, one aspect and one fragment socket given another plug of
 * its set (the socket's `reusablePlugSetHash` in DestinyPlugSetDefinition), never one the
 * subclass already holds (the game refuses a second copy). As in
 * tests/integration/loadouts/saved-loadouts.test.ts.
 */
function otherConfiguration(
  subclassHash: number,
  plugs: Record<string, number>,
): Record<string, number> {
  const { tables } = getManifestDefinitions();
  const item = tables.DestinyInventoryItemDefinition![
    String(subclassHash)
  ] as DestinyInventoryItemDefinition;
  const next = { ...plugs };
  const held = new Set(Object.values(plugs));
  const categories = [
    SocketCategoryHashes.Abilities,
    SocketCategoryHashes.Aspects,
    SocketCategoryHashes.Fragments,
  ];
  for (const category of categories) {
    const sockets = item.sockets!.socketCategories.find(
      (c) => c.socketCategoryHash === category,
    )!.socketIndexes;
    const swap = sockets
      .map((socket) => {
        const setHash = item.sockets!.socketEntries[socket]!.reusablePlugSetHash!;
        const set = tables.DestinyPlugSetDefinition![String(setHash)] as DestinyPlugSetDefinition;
        const other = set.reusablePlugItems.map((p) => p.plugItemHash).find((h) => !held.has(h));
        return other === undefined ? null : { socket, other };
      })
      .find((s) => s !== null);
    if (!swap) throw new Error(`no other plug for socket category ${category}`);
    next[String(swap.socket)] = swap.other;
    held.add(swap.other);
  }
  return next;
}

async function main() {
  // The vault at its usual size, not full: the second case sends items from the other character
  // to the vault to make room for the pieces.
  const server = await startSandboxServer();
  const control = async (path: string, body: unknown = {}) => {
    const response = await fetch(`${server.url}/__sandbox/${path}`, {
      method: path === "stats" ? "GET" : "POST",
      headers: { "content-type": "application/json" },
      body: path === "stats" ? undefined : JSON.stringify(body),
    });
    return response.json() as Promise<{ total: number; operations: Record<string, number> }>;
  };

  const trips: Trip[] = [];
  const timedFetch: typeof fetch = async (input, init) => {
    const start = performance.now();
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    try {
      const response = await fetch(input, init);
      const body = await response.arrayBuffer();
      return new Response(body, { status: response.status, headers: response.headers });
    } finally {
      const [, operation, kind] = OPERATIONS.find(([re]) => re.test(url)) ?? [null, "other", null];
      trips.push({ operation, kind, ms: performance.now() - start });
    }
  };
  setBungieClient(
    createBungieClient({ origin: server.url, ...DEMO_BUNGIE_APP, fetch: timedFetch }),
  );

  const adapter = openAdapter("pglite:memory");
  await applyMigrations(adapter.factory);
  const db = new PrismaClient({ adapter: adapter.factory });
  (globalThis as { warmindDb?: PrismaClient }).warmindDb = db;

  let user: { id: string } | null = null;
  let token = "";
  let membership = { bungieMembershipId: "", membershipType: 0 };
  /** A reset world issues new tokens: sign in again (the same user row). */
  async function signIn() {
    const tokens = server.sandbox.issueToken("demo");
    const memberships = await getMembershipsForCurrentUser(tokens.access_token);
    const providerAccountId = String(memberships.bungieNetUser.membershipId);
    user ??= await db.user.create({
      data: { accounts: { create: { type: "oauth", provider: "bungie", providerAccountId } } },
    });
    await recordSignIn({
      userId: user.id,
      providerAccountId,
      tokens,
      memberships,
      secret: process.env.AUTH_SECRET!,
    });
    token = tokens.access_token;
    const profile = memberships.destinyMemberships[0]!;
    membership = { bungieMembershipId: providerAccountId, membershipType: profile.membershipType };
    return user.id;
  }
  async function freshWorld(): Promise<InventoryView> {
    await control("reset");
    setProfileCache(createCache());
    const view = (await loadInventoryView(await signIn(), { fresh: true })) as InventoryView;
    await control("latency", { fixedMs: LATENCY_MS, jitterMs: 0 });
    return view;
  }

  // Warm up (imports the sandbox's manifest), then choose the pieces once: the world's seed is
  // fixed, so every reset puts them back in the vault under the same ids.
  const view = await freshWorld();
  const userId = user!.id;
  const titan = view.characters.find((c) => c.classType === TITAN)!;
  const hunter = view.characters.find((c) => c.classType !== TITAN)!;
  const pieces = [...WEAPON_BUCKETS, ...ARMOR_BUCKETS].map((bucket) => {
    const item = view.items.find(
      (i) =>
        i.location === "vault" &&
        i.bucketHash === bucket &&
        i.equippable &&
        i.uniqueLabel === null &&
        i.rarity === 5 &&
        (i.classType === TITAN || i.classType === 3),
    );
    if (!item) throw new Error(`no legendary Titan piece for bucket ${bucket} in the vault`);
    return item;
  });
  // The Titan's subclass as it wears it, with one ability, one aspect and one fragment changed.
  const worn = await saveCurrentGear(userId, { characterId: titan.characterId, name: "Worn" });
  const wornSubclass = (await getOwnLoadout(userId, worn.loadoutId ?? ""))?.items.find(
    (i) => i.bucketHash === BucketHashes.Subclass,
  );
  if (!wornSubclass) throw new Error("the Titan wears no subclass");
  const subclass: LoadoutItem = {
    ...wornSubclass,
    plugs: otherConfiguration(wornSubclass.itemHash, wornSubclass.plugs),
  };
  const items: LoadoutItem[] = [
    ...pieces.map((p) => ({
      itemHash: p.itemHash,
      itemInstanceId: p.itemInstanceId!,
      bucketHash: p.bucketHash,
      plugs: {},
    })),
    subclass,
  ];
  const created = await createLoadout(userId, { name: "Bench", classType: TITAN, items });
  if (!created.ok) throw new Error("could not save the bench loadout");
  const loadoutId = created.loadout.id;

  async function measure(fromCharacter: string | null) {
    const wall: number[] = [];
    const ratios: number[] = [];
    const sums: number[] = [];
    let operations: Record<string, number> = {};
    let plugs = 0;
    for (let n = 0; n < RUNS; n++) {
      const before = await freshWorld();
      if (fromCharacter) {
        // Put the 8 pieces on the other character first (not measured), making room in its full
        // buckets by sending one of its unequipped items to the vault.
        for (const p of pieces) {
          const held = before.items.filter(
            (i) =>
              i.location === "inventory" &&
              i.ownerCharacterId === fromCharacter &&
              i.bucketHash === p.bucketHash,
          );
          if (held.length >= CHARACTER_BUCKET_CAPACITY) {
            await transferItem({
              accessToken: token,
              ...membership,
              characterId: fromCharacter,
              itemId: held[0]!.itemInstanceId,
              itemReferenceHash: held[0]!.itemHash,
              stackSize: 1,
              transferToVault: true,
            });
          }
          await transferItem({
            accessToken: token,
            ...membership,
            characterId: fromCharacter,
            itemId: p.itemInstanceId,
            itemReferenceHash: p.itemHash,
            stackSize: 1,
            transferToVault: false,
          });
        }
        setProfileCache(createCache());
        await loadInventoryView(userId, { fresh: true });
      }
      const current = before.items.find((i) => i.itemInstanceId === subclass!.itemInstanceId);
      plugs = Object.entries(subclass!.plugs).filter(
        ([socket, hash]) => current?.plugs[Number(socket)] !== hash,
      ).length;
      await control("stats/reset");
      trips.length = 0;
      const start = performance.now();
      const result = await equipSavedLoadout(userId, {
        loadoutId,
        characterId: titan.characterId,
        clearOthers: false,
      });
      const elapsed = performance.now() - start;
      if (result.status !== "ok") throw new Error(`${result.message} ${result.notices.join(" ")}`);
      operations = (await control("stats")).operations;
      const floor = trips.reduce((total, t) => total + t.ms, 0) + pacingOwed(trips);
      wall.push(elapsed);
      sums.push(floor);
      ratios.push(elapsed / floor);
    }
    return { wall, sums, ratios, operations, plugs };
  }

  const report = (label: string, goal: string, r: Awaited<ReturnType<typeof measure>>) => {
    console.log(`  ${label}`);
    console.log(`    Bungie calls: ${JSON.stringify(r.operations)}`);
    console.log(`    goal: ${goal} (${r.plugs} subclass plugs differ)`);
    console.log(`    wall time                                   ${ms(median(r.wall))}`);
    console.log(`    sum of round trips + Bungie's pacing        ${ms(median(r.sums))}`);
    console.log(
      `    ratio (goal ≤ 1.2)                          ${median(r.ratios).toFixed(3)} (runs: ${r.ratios.map((x) => x.toFixed(2)).join(", ")})`,
    );
  };

  const fromVault = await measure(null);
  const fromOther = await measure(hunter.characterId);
  console.log(`Sandbox latency ${LATENCY_MS} ms, demo player; medians of ${RUNS} runs.`);
  report(
    "8 pieces in the vault → the Titan",
    `8 TransferItem + 1 EquipItems + ${fromVault.plugs} InsertSocketPlugFree`,
    fromVault,
  );
  report(
    `8 pieces on the ${hunter.className} → the Titan`,
    `16 TransferItem + 1 EquipItems + ${fromOther.plugs} InsertSocketPlugFree`,
    fromOther,
  );

  await db.$disconnect();
  await adapter.close();
  await server.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
