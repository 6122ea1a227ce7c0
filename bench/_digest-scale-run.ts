// The body of bench/digest-scale.ts (which see for how it is started). The vendor digest at scale: DIGEST_SCALE_SUBSCRIBERS (default 10,000) confirmed subscribers
// against the sandbox over HTTP, in PostgreSQL (DIGEST_SCALE_DB=pglite for embedded PGlite).
// The sandbox has two playable Destiny accounts, so subscribers share them: each is their own
// Warmind user with their own sign-in and tokens (scripts/digest/seed-subscribers.ts), stored
// expired as a daily digest finds them. Mix: 50% public vendors only (Banshee-44's weapons),
// 30% "not yet owned" at Banshee-44 (their collections), 20% every vendor (their character).
// Every Bungie call is counted where the limiter sees it, token refreshes included; the run is
// not paced, so the wall time at Bungie's 25 calls/s is projected from the count. Email goes to
// a counting transport. Prints calls per subscriber (mean, max), the projection, the measured
// time, and checks that each subscriber got exactly one digest.
import { setBungieClient } from "../lib/bungie";
import { loadSubscriberVendors } from "../lib/digest/load-subscriber-vendors";
import { runVendorDigest } from "../lib/digest/run-digest";
import type { EmailTransport } from "../lib/email/types";
import { DEMO_BUNGIE_APP } from "../lib/env-schema";
import type { PrismaClient } from "../lib/generated/prisma/client";
import { getDefinitions } from "../lib/manifest";
import { startSandboxServer } from "../sandbox/node-server";
import { createCallCounter } from "../scripts/digest/count-calls";
import { seedSubscribers } from "../scripts/digest/seed-subscribers";
import { openTestDatabase } from "../tests/support/databases";

const COUNT = Number(process.env.DIGEST_SCALE_SUBSCRIBERS ?? 10_000);
const KIND = process.env.DIGEST_SCALE_DB === "pglite" ? "pglite" : "postgres";
const SECRET = "digest-scale-bench-secret".padEnd(40, "z");
const BANSHEE = 672118013;
const RATE = 25;
process.env.AUTH_SECRET = SECRET;

const MIX = [
  {
    name: "public vendors only",
    share: 5,
    choice: { filters: ["weapon"], vendorHashes: [BANSHEE] },
  },
  { name: "collections", share: 3, choice: { filters: ["unowned"], vendorHashes: [BANSHEE] } },
  { name: "every vendor (class stock)", share: 2, choice: { filters: [], vendorHashes: [] } },
];
const slotOf = (i: number) => (i % 10 < 5 ? 0 : i % 10 < 8 ? 1 : 2);

async function main() {
  const server = await startSandboxServer();
  const database = await openTestDatabase(KIND);
  (globalThis as { warmindDb?: PrismaClient }).warmindDb = database.db;
  const env = {
    appUrl: "http://warmind.test",
    AUTH_SECRET: SECRET,
    bungie: { origin: server.url, ...DEMO_BUNGIE_APP },
  };
  const counter = createCallCounter(server.url, { paced: false });
  setBungieClient(counter.client);
  try {
    // The manifest is imported once per deployment, not per digest.
    await counter.as("(manifest)", () => getDefinitions("DestinyVendorDefinition", [BANSHEE]));
    counter.perSubscriber.delete("(manifest)");

    let seeded = Date.now();
    const ids = await seedSubscribers({
      db: database.db,
      issueToken: (key) => server.sandbox.issueToken(key),
      secret: SECRET,
      count: COUNT,
      choice: (i) => MIX[slotOf(i)]!.choice,
      prefix: "scale",
    });
    seeded = Date.now() - seeded;

    const sent = new Map<string, number>();
    const transport: EmailTransport = {
      kind: "outbox",
      from: "Warmind <digest@warmind.test>",
      async send(message) {
        sent.set(message.to, (sent.get(message.to) ?? 0) + 1);
        return { id: `m${sent.size}`, transport: "outbox" };
      },
      async close() {},
    };
    const started = Date.now();
    const report = await runVendorDigest({
      db: database.db,
      transport,
      env,
      concurrency: 8,
      loadVendors: (s, shared) =>
        counter.as(s.id, () =>
          loadSubscriberVendors(env, { ...s, vendorHashes: s.vendorHashes.map(Number) }, shared),
        ),
    });
    const wallMs = Date.now() - started;

    const totals = ids.map((id) => {
      const c = counter.perSubscriber.get(id) ?? { platform: 0, tokenRefreshes: 0 };
      return c.platform + c.tokenRefreshes;
    });
    const refreshes = ids.reduce(
      (n, id) => n + (counter.perSubscriber.get(id)?.tokenRefreshes ?? 0),
      0,
    );
    const all = totals.reduce((a, b) => a + b, 0) + counter.shared();
    const deliveries = await database.db.digestDelivery.groupBy({
      by: ["status"],
      _count: true,
      where: { subscriptionId: { in: ids } },
    });
    const perSub = await database.db.digestDelivery.count({
      where: { subscriptionId: { in: ids } },
    });
    const twice = [...sent.values()].filter((n) => n > 1).length;

    console.log(`subscribers: ${COUNT} on ${KIND} (seeded in ${(seeded / 1000).toFixed(1)} s)`);
    for (const [slot, { name, share }] of MIX.entries()) {
      const mine = totals.filter((_, i) => slotOf(i) === slot);
      const mean = mine.reduce((a, b) => a + b, 0) / Math.max(1, mine.length);
      console.log(
        `  ${share * 10}% ${name}: ${mine.length} subscribers, ${mean.toFixed(2)} calls each (max ${Math.max(...mine)})`,
      );
    }
    console.log(
      `Bungie calls: ${all} in all (GetPublicVendors ${counter.shared()}, token refreshes ${refreshes}); ` +
        `per subscriber mean ${(all / COUNT).toFixed(3)}, max ${Math.max(...totals)}`,
    );
    console.log(
      `wall time at ${RATE} calls/s: ${(all / RATE).toFixed(0)} s projected ` +
        `(${Math.ceil(all / RATE / 270)} cron run(s) of 270 s); measured unpaced: ${(wallMs / 1000).toFixed(1)} s ` +
        `(${((wallMs / COUNT) * 1000).toFixed(0)} µs per subscriber)`,
    );
    console.log(
      `deliveries: ${deliveries.map((d) => `${d.status} ${d._count}`).join(", ")}; rows ${perSub}/${COUNT}; ` +
        `emails ${[...sent.values()].reduce((a, b) => a + b, 0)}, any address mailed twice: ${twice}; ` +
        `report sent ${report.sent} empty ${report.empty} failed ${report.failed} deferred ${report.deferred}`,
    );
    if (report.failures.length) console.log("first failure:", report.failures[0]?.error);
    // The sandbox keeps 25 live sign-ins per Bungie account (sandbox/auth/token-store.ts), and
    // the subscribers share two: those needing a token beyond the 25 newest fail their refresh
    // (the refused refresh is still counted above). Each still has exactly one delivery row.
    const ok = perSub === COUNT && twice === 0 && Math.max(...totals) <= 3;
    console.log(ok ? "exactly one digest each: yes" : "exactly one digest each: NO");
    if (!ok) process.exitCode = 1;
  } finally {
    setBungieClient(undefined);
    await database.close();
    await server.close();
  }
}

await main();
