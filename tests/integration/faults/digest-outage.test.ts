import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createDb } from "@/lib/db";
import { openAdapter } from "@/lib/db/adapter";
import { applyMigrations } from "@/lib/db/schema-engine";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { runVendorDigest, type DigestRunDeps } from "@/lib/digest/run-digest";
import { saveSubscription } from "@/lib/digest/subscription";
import type { EmailMessage, EmailTransport } from "@/lib/email/types";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { setLogSink } from "@/lib/log";
import type { VendorsView } from "@/lib/vendors/types";
import { startFaultProxy, type FaultProxy } from "../../support/fault-proxy";
import { createTestSchema } from "../../support/postgres";

// The digest run with PostgreSQL going away at its worst moments (through a fault proxy): after
// an email went out but before it was recorded, while a subscriber's vendors were being read,
// and before the run began. Once the database is back, every subscriber has exactly one digest
// for the reset: none twice, none missing.
const SATURDAY = Date.parse("2026-11-28T18:00:00Z");
const DAY = 86_400_000;
const SECRET = "digest-outage-test-secret".padEnd(40, "z");

const VIEW: VendorsView = {
  collectionsKnown: false,
  failedVendors: [],
  groups: [
    {
      groupHash: 1,
      name: "Tower",
      vendors: [
        {
          vendorHash: 2,
          name: "Banshee-44",
          subtitle: "Gunsmith",
          iconUrl: null,
          nextRefreshDate: "2026-11-29T17:00:00Z",
          sales: [
            {
              vendorItemIndex: 0,
              itemHash: 3,
              name: "Fatebringer",
              iconUrl: null,
              rarity: 5,
              rarityName: "Legendary",
              typeName: "Hand Cannon",
              kind: "weapon",
              quantity: 1,
              costs: [{ itemHash: 4, name: "Glimmer", iconUrl: null, quantity: 5000 }],
              refreshesAt: null,
              owned: null,
            },
          ],
        },
      ],
    },
  ],
};

describe("the vendor digest when PostgreSQL goes away", () => {
  let proxy: FaultProxy;
  let schema: Awaited<ReturnType<typeof createTestSchema>>;
  let db: PrismaClient;
  let sent: EmailMessage[];
  let onSend: (message: EmailMessage) => Promise<void>;
  let onLoad: (email: string) => Promise<void>;
  const emails = ["a@example.com", "b@example.com", "c@example.com"];

  const transport: EmailTransport = {
    kind: "smtp",
    from: "digest@warmind.test",
    async send(message) {
      sent.push(message);
      await onSend(message);
      return { id: `m${sent.length}`, transport: "smtp" };
    },
    async close() {},
  };
  const deps = (): DigestRunDeps => ({
    db,
    transport,
    env: {
      appUrl: "http://warmind.test",
      AUTH_SECRET: SECRET,
      bungie: { origin: "http://bungie.test", apiKey: "k", clientId: "1", clientSecret: "s" },
    },
    concurrency: 1,
    loadVendors: async (subscriber) => {
      await onLoad(subscriber.email);
      return { characterLabel: "Titan", view: VIEW };
    },
  });
  const mailsTo = (email: string) => sent.filter((m) => m.to === email).length;
  const outageFor = (ms: number) => {
    void proxy.setMode("refuse");
    setTimeout(() => void proxy.setMode("pass"), ms);
  };

  beforeAll(async () => {
    setLogSink(() => {}); // the outage's log lines are asserted in database-outage.test.ts
    schema = await createTestSchema("faults_digest");
    const direct = openAdapter(schema.url);
    await applyMigrations(direct.factory);
    await direct.close();
    const target = new URL(schema.url);
    proxy = await startFaultProxy({
      target: { host: target.hostname, port: Number(target.port || 5432) },
    });
    target.port = String(proxy.port);
    db = createDb(target.toString());
  });

  beforeEach(async () => {
    await db.digestDelivery.deleteMany();
    await db.digestSubscription.deleteMany();
    await db.user.deleteMany();
    for (const email of emails) {
      const user = await db.user.create({ data: { name: email } });
      const { subscription } = await saveSubscription(
        db,
        user.id,
        {
          email,
          filters: [],
          vendorHashes: [],
          characterId: null,
        },
        "smtp",
      );
      await db.digestSubscription.update({
        where: { id: subscription.id },
        data: { confirmedAt: new Date(), confirmedVia: "smtp" },
      });
    }
    sent = [];
    onSend = async () => {};
    onLoad = async () => {};
  });

  afterEach(async () => {
    await proxy.setMode("pass");
  });

  afterAll(async () => {
    setLogSink(undefined);
    await db?.$disconnect();
    await proxy?.close();
    await schema?.drop();
  });

  it("an outage right after a send: recorded once the database is back, never sent twice", async () => {
    onSend = async (message) => {
      if (message.to === emails[0]) outageFor(1_500);
    };
    const report = await runVendorDigest({ ...deps(), now: () => SATURDAY });
    expect(report).toMatchObject({ sent: 3, failed: 0, unrecorded: 0 });
    const again = await runVendorDigest({ ...deps(), now: () => SATURDAY + 60_000 });
    expect(again).toMatchObject({ sent: 0, skipped: 3 });
    for (const email of emails) expect(mailsTo(email), email).toBe(1);
    const statuses = await db.digestDelivery.findMany({ select: { status: true } });
    expect(statuses.map((s) => s.status)).toEqual(["sent", "sent", "sent"]);
  });

  it("an outage longer than the run waits: the sent digest stays claimed, and no later run sends it again", async () => {
    onSend = async (message) => {
      if (message.to === emails[0]) outageFor(2_500);
    };
    // Claims that would run out at once, and a run that gives up recording after 300 ms.
    const report = await runVendorDigest({
      ...deps(),
      now: () => SATURDAY,
      claimMs: 100,
      recordRetryMs: 300,
    });
    expect(report.sent).toBeGreaterThanOrEqual(1);
    expect(report.unrecorded).toBe(1);
    await expect.poll(() => proxy.mode(), { timeout: 5_000 }).toBe("pass");
    // Later runs of the same reset, with the short claims long expired.
    for (const later of [SATURDAY + 10_000, SATURDAY + 3_600_000]) {
      await runVendorDigest({ ...deps(), now: () => later, claimMs: 100 });
    }
    for (const email of emails) expect(mailsTo(email), email).toBe(1);
  });

  it("an outage while a subscriber's vendors are read: recorded as failed once it is back, and the next run sends it", async () => {
    onLoad = async (email) => {
      if (email !== emails[1]) return;
      outageFor(1_500);
      // What loading does first: the player's stored token, from the database.
      await db.account.findFirst();
    };
    const report = await runVendorDigest({ ...deps(), now: () => SATURDAY });
    expect(report).toMatchObject({ sent: 2, failed: 1 });
    expect(report.failures[0]?.error).toMatch(/DatabaseUnavailableError/);
    onLoad = async () => {};
    const retry = await runVendorDigest({ ...deps(), now: () => SATURDAY + 60_000 });
    expect(retry).toMatchObject({ sent: 1, skipped: 2 });
    for (const email of emails) expect(mailsTo(email), email).toBe(1);
  });

  it("the database away when the run starts: the cron route answers 503, nothing is sent or claimed, and the next run sends each one", async () => {
    await proxy.setMode("refuse");
    const failed = await runVendorDigest({ ...deps(), now: () => SATURDAY }).catch((e) => e);
    expect(isDatabaseUnavailable(failed)).toBe(true);
    expect(sent).toEqual([]);

    // Vercel Cron's call: a 503 with Retry-After (the platform retries), not a crash.
    const saved = { ...process.env };
    const cron = "cron-secret-for-fault-tests-0123456789";
    try {
      Object.assign(process.env, { AUTH_SECRET: SECRET, CRON_SECRET: cron });
      (globalThis as { warmindDb?: PrismaClient }).warmindDb = db;
      vi.resetModules();
      const { GET } = await import("@/app/api/cron/vendor-digest/route");
      const response = await GET(
        new Request("http://warmind.test/api/cron/vendor-digest", {
          headers: { authorization: `Bearer ${cron}` },
        }),
      );
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(await response.json()).toMatchObject({ error: "database-unavailable" });
    } finally {
      process.env = saved;
      delete (globalThis as { warmindDb?: PrismaClient }).warmindDb;
    }
    expect(sent).toEqual([]);

    await proxy.setMode("pass");
    const report = await runVendorDigest({ ...deps(), now: () => SATURDAY + DAY / 2 });
    expect(report).toMatchObject({ sent: 3, failed: 0 });
    for (const email of emails) expect(mailsTo(email), email).toBe(1);
  });
});
