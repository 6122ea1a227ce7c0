// Figures for the vendors page (issue 15), against a standalone real-scale sandbox (231 vendors,
// ~2,900 sales) at 300 ms latency per Bungie call, through the real loader code (lib/vendors):
//  - Bungie calls of a cold view (goal ≤ 2), a warm one (goal 0) and a refresh (1);
//  - server time of a cold view and its ratio to one GetVendors round trip, and of a warm view;
//  - the size of the view the page sends (JSON). The old way (GetVendor per listed vendor, 233
//    calls, 18.8 to 20.3 s at this latency) is gone from the code; its figures are in the README.
import { performance } from "node:perf_hooks";
import {
  createBungieClient,
  getMembershipsForCurrentUser,
  getVendors,
  setBungieClient,
} from "@/lib/bungie";
import { createCache } from "@/lib/cache/cache";
import { openAdapter } from "@/lib/db/adapter";
import { applyMigrations } from "@/lib/db/schema-engine";
import { DEMO_BUNGIE_APP } from "@/lib/env-schema";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getDefinitions } from "@/lib/manifest";
import type { DefinitionsLookup } from "@/lib/vendors/load-vendors";
import { viewOfSnapshot } from "@/lib/vendors/view-of-snapshot";
import { toClientView, toClientVendorSales } from "@/lib/vendors/client-view";
import { gzipSync } from "node:zlib";
import {
  PAGE_VENDOR_COMPONENTS,
  readVendorsSnapshot,
  type SnapshotInput,
} from "@/lib/vendors/vendors-snapshot";
import { startSandboxServer } from "../sandbox/node-server";

const LATENCY_MS = 300;
const RUNS = 7;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
const ms = (value: number) => `${value.toFixed(0)} ms`;

async function main() {
  const server = await startSandboxServer({});
  const control = async (path: string, body: unknown = {}) => {
    const response = await fetch(`${server.url}/__sandbox/${path}`, {
      method: path === "stats" ? "GET" : "POST",
      headers: { "content-type": "application/json" },
      body: path === "stats" ? undefined : JSON.stringify(body),
    });
    return response.json() as Promise<{ operations: Record<string, number> }>;
  };
  const platformCalls = async () =>
    Object.entries((await control("stats")).operations)
      .filter(([op]) => op.startsWith("Destiny2."))
      .reduce((n, [, count]) => n + count, 0);
  setBungieClient(createBungieClient({ origin: server.url, ...DEMO_BUNGIE_APP }));

  const adapter = openAdapter("pglite:memory");
  await applyMigrations(adapter.factory);
  const db = new PrismaClient({ adapter: adapter.factory });
  (globalThis as { warmindDb?: PrismaClient }).warmindDb = db;
  const lookup: DefinitionsLookup = (table, hashes) => getDefinitions(table, hashes, "en", { db });

  const token = () => server.sandbox.issueToken("demo").access_token;
  const memberships = await getMembershipsForCurrentUser(token());
  const membership =
    memberships.destinyMemberships.find(
      (m) => m.membershipId === memberships.primaryMembershipId,
    ) ?? memberships.destinyMemberships[0]!;
  const account = {
    membershipType: membership.membershipType,
    membershipId: membership.membershipId,
  };

  let cache = createCache();
  const input = (): SnapshotInput => ({
    account,
    chosen: [],
    withToken: (call) => call(token()),
    lookup,
    cache,
  });
  const pageView = async (extra: Partial<SnapshotInput> = {}) => {
    const snapshot = await readVendorsSnapshot({ ...input(), ...extra });
    return viewOfSnapshot(snapshot.stock!.stock, {
      lookup,
      collectibles: snapshot.collectibles,
      assetUrl: (p) => p,
    });
  };

  // Warm up: imports the sandbox's manifest into the database, JIT-compiles the code paths.
  await pageView();
  const characterId = (await readVendorsSnapshot(input())).characterId!;
  await control("latency", { fixedMs: LATENCY_MS, jitterMs: 0 });

  const roundTrips: number[] = [];
  const cold: number[] = [];
  const coldUnknown: number[] = [];
  const warm: number[] = [];
  let coldCalls = 0;
  let warmCalls = 0;
  let refreshCalls = 0;
  let viewBytes = 0;
  let subVendorBytes = 0;
  let costBytes = 0;
  let clientBytes = 0;
  let clientGzip = 0;
  let viewGzip = 0;
  let salesBytes: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    let start = performance.now();
    await getVendors({
      ...account,
      characterId,
      accessToken: token(),
      components: PAGE_VENDOR_COMPONENTS,
    });
    roundTrips.push(performance.now() - start);

    // A player's first view, no character chosen yet: GetProfile, then GetVendors.
    cache = createCache();
    start = performance.now();
    await pageView();
    coldUnknown.push(performance.now() - start);

    // The usual cold view: the character is known (URL or chosen in Warmind), both calls at once.
    cache = createCache();
    await control("stats/reset");
    start = performance.now();
    const view = await pageView({ characterId });
    cold.push(performance.now() - start);
    coldCalls = await platformCalls();
    viewBytes = Buffer.byteLength(JSON.stringify(view));
    viewGzip = gzipSync(JSON.stringify(view)).length;
    const clientJson = JSON.stringify(toClientView(view));
    clientBytes = Buffer.byteLength(clientJson);
    clientGzip = gzipSync(clientJson).length;
    salesBytes = view.groups
      .flatMap((g) => g.vendors)
      .map((v) => Buffer.byteLength(JSON.stringify(toClientVendorSales(v))));
    const vendors = view.groups.flatMap((g) => g.vendors);
    subVendorBytes = Buffer.byteLength(JSON.stringify(vendors.map((v) => v.subVendors ?? [])));
    costBytes = Buffer.byteLength(
      JSON.stringify(
        vendors.flatMap(function costs(v): unknown[] {
          return [...v.sales.map((s) => s.costs), ...(v.subVendors ?? []).flatMap(costs)];
        }),
      ),
    );

    await control("stats/reset");
    start = performance.now();
    await pageView({ characterId });
    warm.push(performance.now() - start);
    warmCalls = await platformCalls();

    await control("stats/reset");
    await pageView({ characterId, fresh: true });
    refreshCalls = await platformCalls();
  }

  const trip = median(roundTrips);
  console.log(
    `Vendors page, real-scale sandbox at ${LATENCY_MS} ms per Bungie call, median of ${RUNS} runs\n`,
  );
  console.log(
    `  Bungie calls:     cold ${coldCalls} (goal ≤ 2), warm ${warmCalls} (goal 0), refresh ${refreshCalls}`,
  );
  console.log(`  one GetVendors:   ${ms(trip)} round trip`);
  console.log(
    `  cold view:        ${ms(median(cold))} server time, ${(median(cold) / trip).toFixed(2)}× one GetVendors round trip (character known)`,
  );
  console.log(
    `  first-ever view:  ${ms(median(coldUnknown))} server time, ${(median(coldUnknown) / trip).toFixed(2)}× (no character chosen yet: the two calls in turn)`,
  );
  console.log(`  warm view:        ${ms(median(warm))} server time`);
  console.log(
    `  view sent:        ${(viewBytes / 1024).toFixed(0)} kB of JSON (before compression), of which sub-vendors ${(subVendorBytes / 1024).toFixed(0)} kB, sale costs ${(costBytes / 1024).toFixed(0)} kB`,
  );
  const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;
  console.log(
    `  sent in the page: ${kB(clientBytes)} of JSON (${kB(clientGzip)} gzipped), was ${kB(viewBytes)} (${kB(viewGzip)} gzipped) before the client view`,
  );
  console.log(
    `  sales on opening: ${kB(median(salesBytes))} median per vendor, ${kB(Math.max(...salesBytes))} the largest, ${kB(salesBytes.reduce((a, b) => a + b, 0))} for all ${salesBytes.length} vendors`,
  );

  await db.$disconnect();
  await adapter.close?.();
  await server.close();
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
