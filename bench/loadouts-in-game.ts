// Figures for the game's loadout slots, against a standalone sandbox at 300 ms latency with the
// demo player's vault full (700 items), through the real loader and action code (lib/loadouts):
//  - the loadouts page right after the inventory page: Bungie calls (goal 0: the inventory's
//    GetProfile carries component 206) and the page data sent to the browser;
//  - equipping an in-game slot: Bungie ACTION calls (goal 1: EquipLoadout), plus the one
//    GetProfile that shows the player what the game did; wall time against the sum of those
//    calls' round trips.
import { performance } from "node:perf_hooks";
import { recordSignIn } from "@/lib/auth/record-sign-in";
import { createBungieClient, getMembershipsForCurrentUser, setBungieClient } from "@/lib/bungie";
import { openAdapter } from "@/lib/db/adapter";
import { applyMigrations } from "@/lib/db/schema-engine";
import { DEMO_BUNGIE_APP } from "@/lib/env-schema";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { loadInventoryView } from "@/lib/guardian/load-inventory-view";
import type { InventoryView } from "@/lib/guardian/view-types";
import { loadLoadoutsView } from "@/lib/loadouts/load-loadouts-view";
import { performLoadoutAction } from "@/lib/loadouts/slot-actions";
import type { LoadoutsView } from "@/lib/loadouts/view-types";
import { startSandboxServer } from "../sandbox/node-server";

const LATENCY_MS = 300;
const RUNS = 5;
/** Bungie's spacing between a player's loadout actions (1 s): waited out between runs. */
const LOADOUT_SPACING_MS = 1_000;
process.env.AUTH_SECRET ??= "bench-secret-bench-secret-bench-secret-0000";

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;
const sleep = (n: number) => new Promise((resolve) => setTimeout(resolve, n));

async function main() {
  const server = await startSandboxServer({ fullVault: true });
  const control = async (path: string, body: unknown = {}) => {
    const response = await fetch(`${server.url}/__sandbox/${path}`, {
      method: path === "stats" ? "GET" : "POST",
      headers: { "content-type": "application/json" },
      body: path === "stats" ? undefined : JSON.stringify(body),
    });
    return response.json() as Promise<{ total: number; operations: Record<string, number> }>;
  };

  // Every Bungie round trip the client makes, by operation (read from the URL).
  const trips: { operation: string; ms: number }[] = [];
  const timedFetch: typeof fetch = async (input, init) => {
    const start = performance.now();
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    try {
      const response = await fetch(input, init);
      const body = await response.arrayBuffer();
      return new Response(body, { status: response.status, headers: response.headers });
    } finally {
      const operation = /EquipLoadout/.test(url)
        ? "EquipLoadout"
        : /\/Profile\//.test(url)
          ? "GetProfile"
          : "other";
      trips.push({ operation, ms: performance.now() - start });
    }
  };
  setBungieClient(
    createBungieClient({ origin: server.url, ...DEMO_BUNGIE_APP, fetch: timedFetch }),
  );

  const adapter = openAdapter("pglite:memory");
  await applyMigrations(adapter.factory);
  const db = new PrismaClient({ adapter: adapter.factory });
  (globalThis as { warmindDb?: PrismaClient }).warmindDb = db;

  const tokens = server.sandbox.issueToken("demo");
  const memberships = await getMembershipsForCurrentUser(tokens.access_token);
  const providerAccountId = String(memberships.bungieNetUser.membershipId);
  const user = await db.user.create({
    data: { accounts: { create: { type: "oauth", provider: "bungie", providerAccountId } } },
  });
  await recordSignIn({
    userId: user.id,
    providerAccountId,
    tokens,
    memberships,
    secret: process.env.AUTH_SECRET!,
  });

  // Warm up: imports the sandbox's manifest, JIT-compiles the code paths.
  for (let n = 0; n < 2; n++) await loadLoadoutsView(user.id, { fresh: true });
  await control("latency", { fixedMs: LATENCY_MS, jitterMs: 0 });

  // The loadouts page right after the inventory page.
  const pageCalls: number[] = [];
  let loadoutBytes = 0;
  let inventoryBytes = 0;
  let view: LoadoutsView | undefined;
  for (let n = 0; n < RUNS; n++) {
    const inventory = (await loadInventoryView(user.id, { fresh: true })) as InventoryView;
    inventoryBytes = JSON.stringify(inventory).length;
    await control("stats/reset");
    view = (await loadLoadoutsView(user.id)) as LoadoutsView;
    pageCalls.push((await control("stats")).total);
    loadoutBytes = JSON.stringify(view).length;
  }
  const titan = view!.characters.find((c) => c.className === "Titan")!;

  // Equipping slots 1 and 2 in turn (both hold gear the Titan carries).
  const wall: number[] = [];
  const ratios: number[] = [];
  const equipTrips: number[] = [];
  const actionCalls: number[] = [];
  let operations: Record<string, number> = {};
  for (let n = 0; n < RUNS; n++) {
    await sleep(LOADOUT_SPACING_MS);
    await control("stats/reset");
    trips.length = 0;
    const start = performance.now();
    const result = await performLoadoutAction(user.id, {
      intent: "equip",
      characterId: titan.characterId,
      loadoutIndex: n % 2,
    });
    const elapsed = performance.now() - start;
    if (result.status !== "ok") throw new Error(result.message);
    operations = (await control("stats")).operations;
    actionCalls.push(operations["Destiny2.EquipLoadout"] ?? 0);
    wall.push(elapsed);
    const sum = trips.reduce((total, t) => total + t.ms, 0);
    ratios.push(elapsed / sum);
    equipTrips.push(trips.find((t) => t.operation === "EquipLoadout")?.ms ?? NaN);
  }

  console.log(
    `Sandbox latency ${LATENCY_MS} ms, demo player with a full vault; medians of ${RUNS} runs.`,
  );
  console.log(
    `  loadouts page after the inventory page: Bungie calls ${median(pageCalls)} (goal 0; runs: ${pageCalls.join(", ")})`,
  );
  console.log(
    `  page data sent to the browser: loadouts ${(loadoutBytes / 1024).toFixed(1)} KiB (the inventory's: ${(inventoryBytes / 1024).toFixed(0)} KiB)`,
  );
  console.log(
    `  equip an in-game slot: Bungie action calls ${median(actionCalls)} (goal 1), all calls ${JSON.stringify(operations)}`,
  );
  console.log(`  EquipLoadout round trip                     ${ms(median(equipTrips))}`);
  console.log(`  equip wall time (action + re-read)          ${ms(median(wall))}`);
  console.log(
    `  ratio to the sum of its calls' round trips  ${median(ratios).toFixed(3)} (runs: ${ratios.map((r) => r.toFixed(2)).join(", ")})`,
  );

  await db.$disconnect();
  await adapter.close();
  await server.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
