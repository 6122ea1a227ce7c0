// Figures for the Guardian pages, against a standalone sandbox at 300 ms latency with the demo
// player's vault full (700 items), through the real loader and action code (lib/guardian):
//  - inventory page server time (cold profile cache) and its ratio to one GetProfile round trip
//    (goal ≤ 1.15), and our own server time without the upstream waits;
//  - Bungie calls per page load (goal 1) and per kind of move (vault → character 1, character →
//    character 2, equip from the vault 2).
// The page's session lookup is included (one database read, as Auth.js does per request).
import { performance } from "node:perf_hooks";
import { recordSignIn } from "@/lib/auth/record-sign-in";
import { hashSessionToken } from "@/lib/auth/session-token";
import {
  createBungieClient,
  getMembershipsForCurrentUser,
  getProfile,
  setBungieClient,
} from "@/lib/bungie";
import { openAdapter } from "@/lib/db/adapter";
import { applyMigrations } from "@/lib/db/schema-engine";
import { DEMO_BUNGIE_APP } from "@/lib/env-schema";
import { PrismaClient } from "@/lib/generated/prisma/client";
import type { ItemActionRequest } from "@/lib/guardian/action-schema";
import { performItemAction } from "@/lib/guardian/item-actions";
import { loadAccountView } from "@/lib/guardian/load-account-view";
import { loadInventoryView } from "@/lib/guardian/load-inventory-view";
import { invalidateProfile } from "@/lib/guardian/profile-store";
import type { InventoryView, ItemView } from "@/lib/guardian/view-types";
import { startSandboxServer } from "../sandbox/node-server";

const LATENCY_MS = 300;
const RUNS = 7;
process.env.AUTH_SECRET ??= "bench-secret-bench-secret-bench-secret-0000";

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;

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

  // Time spent waiting on Bungie (the sandbox): measured around every fetch the client makes.
  let upstreamMs = 0;
  const timedFetch: typeof fetch = async (input, init) => {
    const start = performance.now();
    try {
      const response = await fetch(input, init);
      // The body is part of the wait: read it here, hand back an equivalent response.
      const body = await response.arrayBuffer();
      return new Response(body, { status: response.status, headers: response.headers });
    } finally {
      upstreamMs += performance.now() - start;
    }
  };
  setBungieClient(
    createBungieClient({ origin: server.url, ...DEMO_BUNGIE_APP, fetch: timedFetch }),
  );

  const adapter = openAdapter("pglite:memory");
  await applyMigrations(adapter.factory);
  const db = new PrismaClient({ adapter: adapter.factory });
  (globalThis as { warmindDb?: PrismaClient }).warmindDb = db;

  // The demo player signed in as the app records it, with a session as Auth.js stores it.
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
  const sessionToken = "bench-session";
  await db.session.create({
    data: {
      sessionTokenHash: hashSessionToken(sessionToken),
      userId: user.id,
      expires: new Date(Date.now() + 864e5),
    },
  });

  // What the page does per request: the session (Auth.js), then the one loader.
  const inventoryPage = async (fresh: boolean) => {
    const found = await db.session.findUnique({
      where: { sessionTokenHash: hashSessionToken(sessionToken) },
      include: { user: true },
    });
    const view = (await loadInventoryView(found!.userId, { fresh })) as InventoryView;
    // The view crosses to the browser as the client component's props (RSC payload).
    const payload = JSON.stringify(view);
    return { view, bytes: payload.length };
  };

  // Warm up: imports the sandbox's manifest into the database, JIT-compiles the code paths.
  for (let n = 0; n < 3; n++) await inventoryPage(true);
  await control("latency", { fixedMs: LATENCY_MS, jitterMs: 0 });

  const account = (await inventoryPage(false)).view;
  const membership = memberships.destinyMemberships.find(
    (m) => String(m.membershipId) === (memberships.primaryMembershipId ?? ""),
  )!;

  // One GetProfile round trip (every inventory component), as the client makes it.
  const roundTrips: number[] = [];
  for (let n = 0; n < RUNS; n++) {
    const start = performance.now();
    await getProfile({
      membershipType: membership.membershipType,
      membershipId: String(membership.membershipId),
      accessToken: tokens.access_token,
    });
    roundTrips.push(performance.now() - start);
  }

  // The inventory page with a cold profile cache (a fresh GetProfile each time).
  const pageTimes: number[] = [];
  const ownTimes: number[] = [];
  const callsPerLoad: number[] = [];
  let bytes = 0;
  for (let n = 0; n < RUNS; n++) {
    await control("stats/reset");
    upstreamMs = 0;
    const start = performance.now();
    const result = await inventoryPage(true);
    const elapsed = performance.now() - start;
    pageTimes.push(elapsed);
    ownTimes.push(elapsed - upstreamMs);
    bytes = result.bytes;
    callsPerLoad.push((await control("stats")).total);
  }
  // And within the cache's 15 s (a revisit, or the page right after an action's re-read).
  const warmTimes: number[] = [];
  for (let n = 0; n < RUNS; n++) {
    const start = performance.now();
    await inventoryPage(false);
    warmTimes.push(performance.now() - start);
  }

  // The account page: one GetProfile (shared through the cache) and the clan, in parallel.
  await control("stats/reset");
  await invalidateProfile(membership);
  const accountStart = performance.now();
  await loadAccountView({ id: user.id, bungieName: "Aurora Vale#4821", image: null });
  const accountMs = performance.now() - accountStart;
  const accountCalls = await control("stats");

  // Moves, each right after the page loaded (as a player does): calls and time per kind.
  const moveFigures: { kind: string; calls: Record<string, number>; ms: number }[] = [];
  const move = async (kind: string, request: (view: InventoryView) => ItemActionRequest) => {
    const { view } = await inventoryPage(false);
    const action = request(view);
    await control("stats/reset");
    const start = performance.now();
    const result = await performItemAction(user.id, action);
    const elapsed = performance.now() - start;
    if (result.status !== "ok") throw new Error(`${kind}: ${result.message}`);
    moveFigures.push({ kind, calls: (await control("stats")).operations, ms: elapsed });
    await inventoryPage(true);
  };
  const hunter = account.characters.find((c) => c.className === "Hunter")!;
  const warlock = account.characters.find((c) => c.className === "Warlock")!;
  const roomFor = (view: InventoryView, characterId: string, item: ItemView) =>
    view.items.filter(
      (i) =>
        i.ownerCharacterId === characterId &&
        i.location === "inventory" &&
        i.bucketHash === item.bucketHash,
    ).length < view.capacity.bucket;
  const plainVaulted = (view: InventoryView, characterId: string) =>
    view.items.find(
      (i) =>
        i.location === "vault" &&
        i.rarity === 5 &&
        i.uniqueLabel === null &&
        i.equippable &&
        [1498876634, 2465295065, 953998645].includes(i.bucketHash) &&
        roomFor(view, characterId, i),
    )!;
  // The vault is full: the character → character move needs a free vault slot on its way.
  await move("vault → character (frees a vault slot)", (view) => ({
    intent: "move",
    itemKey: plainVaulted(view, hunter.characterId).key,
    to: { characterId: hunter.characterId },
  }));
  await move("vault → character", (view) => ({
    intent: "move",
    itemKey: plainVaulted(view, hunter.characterId).key,
    to: { characterId: hunter.characterId },
  }));
  await move("character → character", (view) => {
    const item = view.items.find(
      (i) =>
        i.ownerCharacterId === hunter.characterId &&
        i.location === "inventory" &&
        i.rarity === 5 &&
        [1498876634, 2465295065, 953998645].includes(i.bucketHash) &&
        roomFor(view, warlock.characterId, i),
    )!;
    return { intent: "move", itemKey: item.key, to: { characterId: warlock.characterId } };
  });
  await move("equip from the vault", (view) => ({
    intent: "equip",
    itemKey: plainVaulted(view, hunter.characterId).key,
    characterId: hunter.characterId,
  }));

  const profileRtt = median(roundTrips);
  const page = median(pageTimes);
  console.log(
    `Sandbox latency ${LATENCY_MS} ms, demo player with a full vault (${account.items.filter((i) => i.location === "vault").length} items in the vault, ${account.items.length} items in all); medians of ${RUNS} runs.`,
  );
  console.log(`  GetProfile round trip (all inventory components) ${ms(profileRtt)}`);
  console.log(`  inventory page server time, cold cache          ${ms(page)}`);
  console.log(
    `  ratio to one GetProfile round trip              ${(page / profileRtt).toFixed(3)} (goal ≤ 1.15)`,
  );
  console.log(`  our own server time (without upstream waits)    ${ms(median(ownTimes))}`);
  console.log(`  inventory page server time, cached profile      ${ms(median(warmTimes))}`);
  console.log(`  page data sent to the browser                   ${(bytes / 1024).toFixed(0)} KiB`);
  console.log(
    `  Bungie calls per inventory page load            ${median(callsPerLoad)} (goal 1; runs: ${callsPerLoad.join(", ")})`,
  );
  console.log(
    `  account page: ${ms(accountMs)}, Bungie calls ${JSON.stringify(accountCalls.operations)}`,
  );
  for (const figure of moveFigures) {
    const total = Object.values(figure.calls).reduce((sum, n) => sum + n, 0);
    console.log(
      `  move: ${figure.kind.padEnd(40)} ${total} Bungie call${total === 1 ? "" : "s"} ${JSON.stringify(figure.calls)}, ${ms(figure.ms)}`,
    );
  }

  await db.$disconnect();
  await adapter.close();
  await server.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
