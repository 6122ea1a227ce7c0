// The digest's Bungie budget and its carry-on runs, against the sandbox over HTTP and a real
// database (PGlite and PostgreSQL): subscribers with a stated mix of choices (seed-subscribers.ts, sharing the sandbox's
// two Destiny accounts), every call counted where the limiter sees it, token refreshes included.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setBungieClient } from "@/lib/bungie";
import { setAppCache } from "@/lib/cache/app-cache";
import { createCache } from "@/lib/cache/cache";
import { CHAIN_HEADER } from "@/lib/digest/carry-on";
import { handleDigestCron } from "@/lib/digest/cron-handler";
import { loadSubscriberVendors } from "@/lib/digest/load-subscriber-vendors";
import { runVendorDigest, type DigestRunDeps } from "@/lib/digest/run-digest";
import type { EmailMessage, EmailTransport } from "@/lib/email/types";
import { DEMO_BUNGIE_APP } from "@/lib/env-schema";
import { getDefinitions } from "@/lib/manifest";
import { createCallCounter } from "../../../scripts/digest/count-calls";
import { seedSubscribers } from "../../../scripts/digest/seed-subscribers";
import { startSandboxServer, type SandboxServer } from "../../../sandbox/node-server";
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from "../../support/databases";
import { releaseSandboxAndDatabase, useSandboxAndDatabase } from "../vendors/sandbox-player";

const SECRET = "digest-budget-test-secret".padEnd(40, "z");
const CRON_SECRET = "cron-secret-for-budget-tests-0123";
const SATURDAY = Date.parse("2026-11-28T18:00:00Z");
const DAY = 86_400_000;
const BANSHEE = 672118013;
const savedSecret = process.env.AUTH_SECRET;
process.env.AUTH_SECRET = SECRET;

/** 50% public vendors only, 30% their collections ("not yet owned"), 20% every vendor. */
function mixChoice(i: number) {
  const slot = i % 10;
  if (slot < 5) return { filters: ["weapon"], vendorHashes: [BANSHEE] };
  if (slot < 8) return { filters: ["unowned"], vendorHashes: [BANSHEE] };
  return { filters: [], vendorHashes: [] };
}

function countingTransport() {
  const sent: EmailMessage[] = [];
  const transport: EmailTransport = {
    kind: "outbox",
    from: "Warmind <digest@warmind.test>",
    async send(message) {
      sent.push(message);
      return { id: `m${sent.length}`, transport: "outbox" };
    },
    async close() {},
  };
  return { sent, transport };
}

// Real HTTP and a real database on a busy machine: minutes, not the default 30 s, per test.
describe.each(DATABASE_KINDS)(
  "digest call budget and carry-on runs on %s",
  { timeout: 180_000 },
  (kind) => {
    let server: SandboxServer;
    let database: TestDatabase;
    const env = {
      appUrl: "http://warmind.test",
      AUTH_SECRET: SECRET,
      bungie: { origin: "", ...DEMO_BUNGIE_APP },
    };

    beforeAll(async () => {
      // On the real clock: the public vendors are cached until the refresh the sandbox announces.
      server = await startSandboxServer();
      database = await openTestDatabase(kind);
      // Each database kind counts its own GetPublicVendors: not the one the other kind cached.
      setAppCache("public-vendors", createCache({ name: "public-vendors", maxEntries: 4 }));
      useSandboxAndDatabase(server, database.db);
      env.bungie.origin = server.url;
    });

    afterAll(async () => {
      setAppCache("public-vendors", undefined);
      releaseSandboxAndDatabase();
      await database?.close();
      await server?.close();
      process.env.AUTH_SECRET = savedSecret;
    });

    it("costs each subscriber only the calls their choices need: mean ≤ 1.5, none more than 3", async () => {
      const ids = await seedSubscribers({
        db: database.db,
        issueToken: (key) => server.sandbox.issueToken(key),
        secret: SECRET,
        count: 20,
        choice: mixChoice,
        prefix: "mix",
      });
      // The manifest is imported once per deployment, not per digest: before we count.
      await getDefinitions("DestinyVendorDefinition", [BANSHEE]);
      const counter = createCallCounter(server.url, {
        // Exact counts: a read the busy machine's sandbox answers late must not be sent twice.
        timeoutMs: 120_000,
      });
      setBungieClient(counter.client);
      const { sent, transport } = countingTransport();
      const deps: DigestRunDeps = {
        db: database.db,
        transport,
        env,
        loadVendors: (s, shared) =>
          counter.as(s.id, () =>
            loadSubscriberVendors(env, { ...s, vendorHashes: s.vendorHashes.map(Number) }, shared),
          ),
      };
      try {
        const report = await runVendorDigest(deps);
        expect(report).toMatchObject({ subscribers: 20, failed: 0, deferred: 0 });
        expect(report.sent + report.empty).toBe(20);
        expect(report.sent).toBeGreaterThan(0);
        expect(counter.shared()).toBe(1);
        expect(report.bungieCalls.publicVendors).toBe(1);

        const totals = ids.map((id, i) => {
          const calls = counter.perSubscriber.get(id) ?? { platform: 0, tokenRefreshes: 0 };
          return { slot: i % 10, total: calls.platform + calls.tokenRefreshes, calls };
        });
        expect(counter.perSubscriber.has("(outside a subscriber)")).toBe(false);
        // Public vendors only: nothing of their own. Collections: one GetProfile, no token.
        // Every vendor: the token's refresh, GetProfile and GetVendors.
        for (const { slot, total, calls } of totals) {
          if (slot < 5) expect(total).toBe(0);
          else if (slot < 8) expect(calls).toEqual({ platform: 1, tokenRefreshes: 0 });
          else expect(calls).toEqual({ platform: 2, tokenRefreshes: 1 });
        }
        const all = totals.reduce((n, t) => n + t.total, 0) + counter.shared();
        expect(all / ids.length).toBeLessThanOrEqual(1.5);
        expect(Math.max(...totals.map((t) => t.total))).toBeLessThanOrEqual(3);
        // The report counts the same platform calls (not the refreshes, which lib/auth makes).
        expect(report.bungieCalls.profile + report.bungieCalls.vendors).toBe(
          totals.reduce((n, t) => n + t.calls.platform, 0),
        );
        expect(new Set(sent.map((m) => m.to)).size).toBe(sent.length);

        // The same reset again (another run, another instance): the public vendors are cached.
        const before = counter.shared();
        await database.db.digestDelivery.deleteMany({ where: { subscriptionId: { in: ids } } });
        const again = await runVendorDigest(deps);
        expect(again.bungieCalls.publicVendors).toBe(0);
        expect(counter.shared()).toBe(before);
      } finally {
        useSandboxAndDatabase(server, database.db);
        await database.db.digestSubscription.deleteMany({ where: { id: { in: ids } } });
      }
    });

    it("a run out of time calls the cron route again until everyone has exactly one digest", async () => {
      const ids = await seedSubscribers({
        db: database.db,
        issueToken: (key) => server.sandbox.issueToken(key),
        secret: SECRET,
        count: 6,
        choice: mixChoice,
        prefix: "chain",
      });
      const { sent, transport } = countingTransport();
      const runs: { chain: string | null; status: number }[] = [];
      const pending: Promise<void>[] = [];
      let app: Server | undefined;
      try {
        // The app's cron route, served over HTTP at APP_URL: a budget of 0 serves one subscriber
        // per run, so six subscribers take a chain of six runs.
        app = createServer((req, res) => {
          const chunks: Buffer[] = [];
          req.on("data", (c: Buffer) => chunks.push(c));
          req.on("end", async () => {
            const request = new Request(`http://${req.headers.host}${req.url}`, {
              method: req.method,
              headers: req.headers as Record<string, string>,
            });
            runs.push({ chain: request.headers.get(CHAIN_HEADER), status: 0 });
            const run = runs.at(-1)!;
            const response = await handleDigestCron(request, {
              db: database.db,
              transport,
              env: { ...cronEnv, confirmationEmailsPerHour: 10 },
              budgetMs: 0,
              defer: (task) => void pending.push(task()),
              log: { info: () => {}, warn: () => {} },
              run: { now: () => SATURDAY + DAY },
            });
            run.status = response.status;
            res.writeHead(response.status, { "content-type": "application/json" });
            res.end(await response.text());
          });
        });
        await new Promise<void>((resolve) => app!.listen(0, "127.0.0.1", resolve));
        const cronEnv = {
          ...env,
          appUrl: `http://127.0.0.1:${(app.address() as AddressInfo).port}`,
          CRON_SECRET,
        };

        // Only the scheduled call is ours; every later run is started by the one before it.
        const first = await fetch(`${cronEnv.appUrl}/api/cron/vendor-digest`, {
          headers: { authorization: `Bearer ${CRON_SECRET}` },
        });
        expect(first.status).toBe(200);
        const report = (await first.json()) as { sent: number; empty: number; deferred: number };
        expect(report.sent + report.empty).toBe(1);
        expect(report.deferred).toBe(5);

        const done = () =>
          database.db.digestDelivery.count({
            where: { subscriptionId: { in: ids }, status: { in: ["sent", "empty"] } },
          });
        await expect.poll(done, { timeout: 60_000, interval: 200 }).toBe(6);
        await expect
          .poll(() => runs.filter((r) => r.status > 0).length, { timeout: 10_000 })
          .toBe(6);
        await Promise.all(pending);

        expect(runs.map((r) => r.chain)).toEqual([null, "1", "2", "3", "4", "5"]);
        expect(runs.map((r) => r.status)).toEqual([200, 202, 202, 202, 202, 202]);
        const deliveries = await database.db.digestDelivery.findMany({
          where: { subscriptionId: { in: ids } },
        });
        expect(deliveries).toHaveLength(6);
        expect(deliveries.every((d) => d.attempts === 1)).toBe(true);
        // Exactly one email per subscriber with something to send, and none twice.
        const to = sent.map((m) => m.to);
        expect(new Set(to).size).toBe(to.length);
        expect(to.length).toBe(deliveries.filter((d) => d.status === "sent").length);

        // The chain ended by itself: a last run found nobody left and called no one.
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(runs).toHaveLength(6);
      } finally {
        await Promise.allSettled(pending);
        await new Promise((resolve) => (app ? app.close(resolve) : resolve(undefined)));
        await database.db.digestSubscription.deleteMany({ where: { id: { in: ids } } });
      }
    });
  },
);
