// The body of bench/digest-scale.ts (which see for how it is started). The vendor digest at
// scale: DIGEST_SCALE_SUBSCRIBERS (default 10,000) confirmed subscribers against the sandbox over
// HTTP, in PostgreSQL (DIGEST_SCALE_DB=pglite for embedded PGlite). Each subscriber is their own
// Warmind user with their own sign-in and tokens (scripts/digest/seed-subscribers.ts), stored
// expired as a daily digest finds them, on one of ceil(N / 25) generated Bungie.net accounts
// (the sandbox's `POST /__sandbox/players`: load-1 … load-N, each its own Destiny profile): the
// sandbox, like Bungie, keeps 25 live sign-ins per account, so no subscriber's sign-in is pushed
// out by another's and every one can really be served. Mix: 50% public vendors only
// (Banshee-44's weapons), 30% "not yet owned" at Banshee-44 (their collections), 20% every vendor
// (their character). Every Bungie call is counted where the limiter sees it, token refreshes
// included; the run is not paced, so the wall time at Bungie's 25 calls/s is projected from the
// count. The runs are the cron route's: a 270 s budget each, carried on while shouldCarryOn says
// so (carry-on.ts; the HTTP self-call is tested in tests/integration/digest). Email goes to a
// counting transport. Prints calls per subscriber (mean, max, per kind), the projection, the
// measured time and runs, and checks that each subscriber got exactly one digest.
import { setBungieClient } from "../lib/bungie";
import { shouldCarryOn } from "../lib/digest/carry-on";
import { loadSubscriberVendors } from "../lib/digest/load-subscriber-vendors";
import { runVendorDigest, type DigestRunReport } from "../lib/digest/run-digest";
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
/** The cron route's budget: maxDuration 300 s less 30 s to start the next run. */
const BUDGET_S = Number(process.env.DIGEST_SCALE_BUDGET_S ?? 270);
/** Live sign-ins the sandbox keeps per Bungie.net account (sandbox/auth/token-store.ts). */
const PER_ACCOUNT = 25;
/** Subscribers at once; the route's default is 3 (run-digest.ts). */
const CONCURRENCY = Number(process.env.DIGEST_SCALE_CONCURRENCY ?? 3);
/**
 * Optional: stop the chain after this many seconds and report on the subscribers served so far
 * (marked partial), for a machine too busy to serve them all in the time there is.
 */
const DEADLINE_S = Number(process.env.DIGEST_SCALE_DEADLINE_S ?? Infinity);
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

    const accountCount = Math.ceil(COUNT / PER_ACCOUNT);
    const players = await fetch(`${server.url}/__sandbox/players`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ count: accountCount }),
    });
    if (!players.ok) throw new Error(`POST /__sandbox/players: ${await players.text()}`);
    const { keys } = (await players.json()) as { keys: string[] };

    let seeded = Date.now();
    const ids = await seedSubscribers({
      accounts: keys,
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
    const runs: DigestRunReport[] = [];
    let cut = false;
    for (let chain = 0; ; chain++) {
      const left = DEADLINE_S * 1000 - (Date.now() - started);
      const report = await runVendorDigest({
        db: database.db,
        transport,
        env,
        budgetMs: Math.min(BUDGET_S * 1000, left),
        concurrency: CONCURRENCY,
        loadVendors: (s, shared) =>
          counter.as(s.id, () =>
            loadSubscriberVendors(env, { ...s, vendorHashes: s.vendorHashes.map(Number) }, shared),
          ),
      });
      runs.push(report);
      console.log(
        `  run ${chain + 1}: ${(report.durationMs / 1000).toFixed(0)} s, sent ${report.sent}, empty ${report.empty}, ` +
          `failed ${report.failed}, deferred ${report.deferred}, skipped ${report.skipped}`,
      );
      if (!shouldCarryOn(report, chain)) break;
      if (Date.now() - started >= DEADLINE_S * 1000) {
        cut = true;
        break;
      }
    }
    const wallMs = Date.now() - started;
    const sum = (pick: (r: DigestRunReport) => number) => runs.reduce((n, r) => n + pick(r), 0);
    const report = {
      sent: sum((r) => r.sent),
      empty: sum((r) => r.empty),
      failed: sum((r) => r.failed),
      deferred: runs.at(-1)?.deferred ?? 0,
      failures: runs.flatMap((r) => r.failures),
    };

    // Subscribers a run got to (a delivery row, whatever its outcome): all of them unless the
    // deadline cut the chain short, in which case the figures are over those served.
    const served = new Set(
      (
        await database.db.digestDelivery.findMany({
          where: { subscriptionId: { in: ids } },
          select: { subscriptionId: true },
        })
      ).map((d) => d.subscriptionId),
    );
    const idx = ids.map((_, i) => i).filter((i) => served.has(ids[i]!));
    const callsOf = (i: number) => {
      const c = counter.perSubscriber.get(ids[i]!) ?? { platform: 0, tokenRefreshes: 0 };
      return c.platform + c.tokenRefreshes;
    };
    const totals = idx.map(callsOf);
    const refreshesOf = (list: number[]) =>
      list.reduce((n, i) => n + (counter.perSubscriber.get(ids[i]!)?.tokenRefreshes ?? 0), 0);
    const refreshes = refreshesOf(idx);
    const all = totals.reduce((a, b) => a + b, 0) + counter.shared();
    const deliveries = await database.db.digestDelivery.groupBy({
      by: ["status"],
      _count: true,
      where: { subscriptionId: { in: ids } },
    });
    const rows = await database.db.digestDelivery.groupBy({
      by: ["subscriptionId"],
      _count: true,
      where: { subscriptionId: { in: ids }, status: { in: ["sent", "empty"] } },
    });
    const perSub = rows.filter((r) => r._count === 1).length;
    const extraRows = rows.filter((r) => r._count > 1).length;
    const twice = [...sent.values()].filter((n) => n > 1).length;
    const n = idx.length;

    const emails = [...sent.values()].reduce((a, b) => a + b, 0);
    const serverS = runs.reduce((n, r) => n + r.durationMs, 0) / 1000;

    console.log(
      `subscribers: ${COUNT} on ${KIND}, on ${keys.length} Bungie.net accounts (load-1…load-${keys.length}, ` +
        `≤ ${PER_ACCOUNT} each; seeded in ${(seeded / 1000).toFixed(1)} s)`,
    );
    if (cut) console.log(`PARTIAL: the deadline stopped the chain; ${n} of ${COUNT} served`);
    for (const [slot, { name, share }] of MIX.entries()) {
      const mine = idx.filter((i) => slotOf(i) === slot);
      const calls = mine.map(callsOf);
      const mineRefreshes = refreshesOf(mine);
      const mean = calls.reduce((a, b) => a + b, 0) / Math.max(1, calls.length);
      console.log(
        `  ${share * 10}% ${name}: ${mine.length} subscribers, ${mean.toFixed(2)} calls each ` +
          `(max ${Math.max(...calls)}; ${mineRefreshes} token refreshes)`,
      );
    }
    console.log(
      `Bungie calls: ${all} in all (GetPublicVendors ${counter.shared()}, token refreshes ${refreshes}); ` +
        `per subscriber served mean ${(all / Math.max(1, n)).toFixed(3)}, max ${Math.max(...totals)}`,
    );
    console.log(
      `wall time at ${RATE} calls/s: ${(all / RATE).toFixed(0)} s projected ` +
        `(${Math.ceil(all / RATE / BUDGET_S)} run(s) of ${BUDGET_S} s if Bungie's pace were the limit)`,
    );
    console.log(
      `measured, unpaced, ${CONCURRENCY} at once: ${runs.length} run(s) of the chain (budget ${BUDGET_S} s each), server time ` +
        `${serverS.toFixed(0)} s (${((serverS / Math.max(1, n)) * 1000).toFixed(1)} ms per subscriber), wall ${(wallMs / 1000).toFixed(0)} s`,
    );
    console.log(
      `deliveries: ${deliveries.map((d) => `${d.status} ${d._count}`).join(", ")}; subscribers with exactly one ` +
        `sent/empty delivery ${perSub}/${COUNT} (${n} reached) (more than one: ${extraRows}); emails ${emails} to ${sent.size} ` +
        `addresses, any address mailed twice: ${twice}; sent ${report.sent} empty ${report.empty} failed ` +
        `${report.failed} deferred ${report.deferred}`,
    );
    if (report.failures.length) console.log("first failure:", report.failures[0]?.error);
    const ok =
      !cut &&
      perSub === COUNT &&
      extraRows === 0 &&
      twice === 0 &&
      emails === report.sent &&
      report.failed === 0 &&
      Math.max(...totals) <= 3;
    console.log(ok ? "exactly one digest each: yes" : "exactly one digest each: NO");
    if (!ok) process.exitCode = 1;
  } finally {
    setBungieClient(undefined);
    await database.close();
    await server.close();
  }
}

await main();
