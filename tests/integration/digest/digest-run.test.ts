// A whole digest run on each database: real players signed in against the sandbox (over HTTP),
// their stored tokens, the manifest imported from the sandbox, and a real SMTP server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBungieClient, setBungieClient, type RequestTicket } from "@/lib/bungie";
import { createMemoryLimiter } from "@/lib/bungie/memory-limit-store";
import { runVendorDigest, type DigestRunDeps } from "@/lib/digest/run-digest";
import { saveSubscription } from "@/lib/digest/subscription";
import { unsubscribeUrl } from "@/lib/email/links";
import { createEmailTransport } from "@/lib/email/transport";
import { DEMO_BUNGIE_APP } from "@/lib/env-schema";
import { DestinyClass } from "@/lib/destiny/game-facts";
import { startSandboxServer, type SandboxServer } from "../../../sandbox/node-server";
import { getManifestDefinitions } from "../../../sandbox/world/definitions";
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from "../../support/databases";
import {
  releaseSandboxAndDatabase,
  sandboxStock,
  signInPlayer,
  useSandboxAndDatabase,
} from "../vendors/sandbox-player";
import { startSmtpServer } from "./local-mail-servers";
import { decodeHeader } from "./mime";

const SECRET = "digest-run-test-secret".padEnd(40, "z");
const SATURDAY = Date.parse("2026-11-28T18:00:00Z");
const DAY = 86_400_000;
const BANSHEE = 672118013;
const savedSecret = process.env.AUTH_SECRET;
// lib/auth reads AUTH_SECRET through getEnv() to open the stored tokens.
process.env.AUTH_SECRET = SECRET;

// Real HTTP, a real database and real SMTP on a busy machine: more than the default 30 s a test.
describe.each(DATABASE_KINDS)("vendor digest run on %s", { timeout: 120_000 }, (kind) => {
  let server: SandboxServer;
  let database: TestDatabase;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let deps: Omit<DigestRunDeps, "now">;
  const users: Record<string, string> = {};
  const subscriptions: Record<string, { id: string; tokenVersion: number; email: string }> = {};
  const started = Date.now();

  beforeAll(async () => {
    server = await startSandboxServer({ now: () => SATURDAY + (Date.now() - started) });
    database = await openTestDatabase(kind);
    smtp = await startSmtpServer();
    useSandboxAndDatabase(server, database.db);
    const env = {
      appUrl: "http://warmind.test",
      AUTH_SECRET: SECRET,
      bungie: { origin: server.url, ...DEMO_BUNGIE_APP },
    };
    deps = {
      db: database.db,
      env,
      transport: createEmailTransport({
        appUrl: env.appUrl,
        EMAIL_FROM: "Warmind <digest@warmind.test>",
        SMTP_URL: smtp.url,
      }),
    };
    for (const [key, choice] of [
      ["demo", { filters: [], vendorHashes: [] }],
      ["rival", { filters: ["weapon"], vendorHashes: [BANSHEE] }],
    ] as const) {
      users[key] = await signInPlayer(server, database.db, key, SECRET);
      const { subscription } = await saveSubscription(
        database.db,
        users[key]!,
        {
          email: `${key}@example.com`,
          filters: [...choice.filters],
          vendorHashes: [...choice.vendorHashes],
          characterId: null,
        },
        "smtp",
      );
      await database.db.digestSubscription.update({
        where: { id: subscription.id },
        data: { confirmedAt: new Date() },
      });
      subscriptions[key] = subscription;
    }
    // Not confirmed yet: never mailed.
    const pending = await database.db.user.create({ data: { name: "Pending" } });
    await saveSubscription(
      database.db,
      pending.id,
      {
        email: "pending@example.com",
        filters: [],
        vendorHashes: [],
        characterId: null,
      },
      "smtp",
    );
  });

  afterAll(async () => {
    await deps?.transport.close();
    releaseSandboxAndDatabase();
    await smtp?.close();
    await database?.close();
    await server?.close();
    process.env.AUTH_SECRET = savedSecret;
  });

  const mailTo = (address: string) => smtp.messages.filter((m) => m.to.includes(address));

  it("mails each confirmed subscriber their vendors, filtered their way, with one-click unsubscribe", async () => {
    const report = await runVendorDigest({ ...deps, now: () => SATURDAY });
    expect(report).toMatchObject({
      subscribers: 2,
      sent: 2,
      empty: 0,
      skipped: 0,
      failed: 0,
      transport: "smtp",
    });
    expect(smtp.messages).toHaveLength(2);
    expect(mailTo("pending@example.com")).toEqual([]);

    // The demo's digest is for the character played last, the Hunter.
    const stock = sandboxStock(server, DestinyClass.Hunter);
    const [demo] = mailTo("demo@example.com");
    expect(demo!.from).toBe("digest@warmind.test");
    const demoSales = stock.reduce((n, v) => n + v.sales.length, 0);
    expect(decodeHeader(demo!.headers.get("subject")!)).toBe(
      `Vendors for Sat 28 Nov: ${demoSales} sales at ${stock.length} vendors`,
    );
    expect(demo!.headers.get("list-unsubscribe")).toBe(
      `<${unsubscribeUrl(deps.env, subscriptions.demo!)}>`,
    );
    expect(demo!.headers.get("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    for (const vendor of stock) {
      expect(demo!.text).toContain(vendor.name.toUpperCase());
      for (const sale of vendor.sales) {
        expect(demo!.text).toContain(sale.name);
        expect(demo!.html).toContain(`src="${server.url}${sale.icon}"`);
        for (const cost of sale.costs) {
          expect(demo!.text).toContain(`${cost.quantity.toLocaleString("en-US")} ${cost.name}`);
        }
      }
    }

    // Rival chose Banshee-44's weapons only.
    const [rival] = mailTo("rival@example.com");
    const banshee = stock.find((v) => v.vendorHash === BANSHEE)!;
    expect(rival!.text).toContain("BANSHEE-44");
    for (const other of stock.filter((v) => v.vendorHash !== BANSHEE)) {
      expect(rival!.text).not.toContain(other.name.toUpperCase());
    }
    expect(rival!.text).not.toContain("Enhancement Core");
    expect(rival!.text).toContain("Weapons, 1 chosen vendor");
    // His weapons, not his Enhancement Core nor the previews of his sub-vendors.
    const isWeapon = (s: { itemHash: number }) =>
      getManifestDefinitions().meta.get(s.itemHash)?.kind === "weapon";
    const weapons = banshee.sales.filter(isWeapon);
    expect(weapons.length).toBeGreaterThan(10);
    expect(banshee.sales.filter((s) => rival!.text.includes(s.name))).toEqual(weapons);

    const deliveries = await database.db.digestDelivery.findMany({
      where: { resetId: report.resetId },
    });
    expect(deliveries.map((d) => d.status)).toEqual(["sent", "sent"]);
  });

  it("sends nothing more in the same reset, whether runs follow or overlap", async () => {
    const again = await runVendorDigest({ ...deps, now: () => SATURDAY + 60_000 });
    expect(again).toMatchObject({ sent: 0, skipped: 2, failed: 0 });
    expect(smtp.messages).toHaveLength(2);

    // The next reset: two runs at the same moment still send one digest per subscriber.
    const [a, b] = await Promise.all([
      runVendorDigest({ ...deps, now: () => SATURDAY + DAY }),
      runVendorDigest({ ...deps, now: () => SATURDAY + DAY }),
    ]);
    expect(a!.sent + b!.sent).toBe(2);
    expect(a!.skipped + b!.skipped).toBe(2);
    expect(smtp.messages).toHaveLength(4);
    expect(mailTo("demo@example.com")).toHaveLength(2);
    expect(mailTo("rival@example.com")).toHaveLength(2);
  });

  it("records a revoked subscriber's failure, mails the others, and retries it next run", async () => {
    // The demo wants every vendor, so needs his token (his character's GetVendors).
    await fetch(`${server.url}/__sandbox/tokens/revoke`, {
      method: "POST",
      body: JSON.stringify({ user: "demo" }),
    });
    // The stored access token still looks fresh: Bungie refuses it, the refresh is refused too.
    const now = SATURDAY + 2 * DAY;
    const report = await runVendorDigest({ ...deps, now: () => now });
    expect(report).toMatchObject({ sent: 1, failed: 1, skipped: 0 });
    expect(report.failures).toEqual([
      {
        subscriptionId: subscriptions.demo!.id,
        error: expect.stringMatching(/^BungieSessionEndedError: /),
      },
    ]);
    // Rival's digest (Banshee-44's weapons) is public data: no token, so he is mailed anyway.
    expect(mailTo("rival@example.com")).toHaveLength(3);
    expect(mailTo("demo@example.com")).toHaveLength(2);
    const failed = await database.db.digestDelivery.findUniqueOrThrow({
      where: {
        subscriptionId_resetId: {
          subscriptionId: subscriptions.demo!.id,
          resetId: report.resetId,
        },
      },
    });
    expect(failed).toMatchObject({ status: "failed", attempts: 1 });
    expect(failed.error).toMatch(/sign-in has expired or was revoked/);

    // The player signs in again; the next run (same reset) retries only them.
    await signInPlayer(server, database.db, "demo", SECRET);
    const retry = await runVendorDigest({ ...deps, now: () => now + 3_600_000 });
    expect(retry).toMatchObject({ sent: 1, failed: 0, skipped: 1 });
    expect(mailTo("demo@example.com")).toHaveLength(3);
    expect(mailTo("rival@example.com")).toHaveLength(3);
    const retried = await database.db.digestDelivery.findUniqueOrThrow({
      where: {
        subscriptionId_resetId: {
          subscriptionId: subscriptions.demo!.id,
          resetId: report.resetId,
        },
      },
    });
    expect(retried).toMatchObject({ status: "sent", attempts: 2, error: null });
  });

  it("sends nothing when nothing matches the subscriber's filters, and says so", async () => {
    // Banshee-44 sells no exotics.
    await database.db.digestSubscription.update({
      where: { id: subscriptions.rival!.id },
      data: { filters: ["exotic"] },
    });
    try {
      const before = smtp.messages.length;
      const report = await runVendorDigest({ ...deps, now: () => SATURDAY + 4 * DAY });
      expect(report).toMatchObject({ sent: 1, empty: 1, failed: 0 });
      expect(smtp.messages.length).toBe(before + 1);
      expect(smtp.messages.at(-1)!.to).toEqual(["demo@example.com"]);
      const empty = await database.db.digestDelivery.findUniqueOrThrow({
        where: {
          subscriptionId_resetId: {
            subscriptionId: subscriptions.rival!.id,
            resetId: report.resetId,
          },
        },
      });
      expect(empty).toMatchObject({ status: "empty", messageId: null });
    } finally {
      await database.db.digestSubscription.update({
        where: { id: subscriptions.rival!.id },
        data: { filters: ["weapon"] },
      });
    }
  });

  it("sends only the sales not yet in the subscriber's collections, with no extra Bungie call", async () => {
    await database.db.digestSubscription.update({
      where: { id: subscriptions.rival!.id },
      data: { filters: ["unowned"] },
    });
    try {
      const now = SATURDAY + 6 * DAY;
      await fetch(`${server.url}/__sandbox/stats/reset`, { method: "POST" });
      const report = await runVendorDigest({ ...deps, now: () => now });
      expect(report).toMatchObject({ sent: 2, empty: 0, failed: 0 });
      // The collections come with the GetProfile the digest makes anyway (one per subscriber).
      const stats = (await (await fetch(`${server.url}/__sandbox/stats`)).json()) as {
        operations: Record<string, number>;
      };
      expect(stats.operations["Destiny2.GetProfile"]).toBe(2);

      const truth = (await (
        await fetch(`${server.url}/__sandbox/collectibles?user=rival`)
      ).json()) as {
        profiles: { collectibles: { itemHash: number; acquired: boolean }[] }[];
      };
      const notAcquired = new Set(
        truth.profiles.flatMap((p) =>
          p.collectibles.filter((c) => !c.acquired).map((c) => c.itemHash),
        ),
      );
      // What Banshee-44 sells on the sandbox's clock (the run's `now` only names the reset).
      // Banshee-44 sells the same to every class.
      const banshee = sandboxStock(server, DestinyClass.Unknown).find(
        (v) => v.vendorHash === BANSHEE,
      )!;
      const expected = banshee.sales.filter((sale) => notAcquired.has(sale.itemHash));
      // New this season: Banshee-44 always has one, and nobody owns it yet.
      expect(expected.length).toBeGreaterThan(0);
      const mail = mailTo("rival@example.com").at(-1)!;
      expect(mail.text).toContain("Not yet owned, 1 chosen vendor");
      // Each sale's name is a line of its own in the text part.
      const lines = new Set(mail.text.split(/\r?\n/).map((line) => line.trim()));
      for (const sale of banshee.sales) {
        expect(lines.has(sale.name), sale.name).toBe(notAcquired.has(sale.itemHash));
      }
      expect(mail.text).toContain("not yet owned");
    } finally {
      await database.db.digestSubscription.update({
        where: { id: subscriptions.rival!.id },
        data: { filters: ["weapon"] },
      });
    }
  });

  it("stops starting subscribers when its time budget runs out; the next run sends them", async () => {
    const now = SATURDAY + 5 * DAY;
    // Out of time from the start, it still serves one subscriber: a chain of runs gets somewhere.
    const out = await runVendorDigest({ ...deps, now: () => now, budgetMs: 0 });
    expect(out).toMatchObject({ subscribers: 2, sent: 1, deferred: 1 });
    expect(await database.db.digestDelivery.count({ where: { resetId: out.resetId } })).toBe(1);
    const next = await runVendorDigest({ ...deps, now: () => now + 60_000 });
    expect(next).toMatchObject({ sent: 1, skipped: 1, deferred: 0 });
  });

  it("reads vendors at background priority, so players' own calls go first", async () => {
    const tickets: RequestTicket[] = [];
    const limiter = createMemoryLimiter();
    setBungieClient(
      createBungieClient({
        origin: server.url,
        ...DEMO_BUNGIE_APP,
        limiter: {
          ...limiter,
          acquireRequest: (ticket) => (tickets.push(ticket!), limiter.acquireRequest(ticket)),
        },
      }),
    );
    try {
      const report = await runVendorDigest({ ...deps, now: () => SATURDAY + 7 * DAY });
      expect(report).toMatchObject({ subscribers: 2, sent: 2 });
    } finally {
      useSandboxAndDatabase(server, database.db);
    }
    const platform = tickets.filter((t) => t.priority !== "token");
    // The demo (every vendor): his GetProfile and GetVendors. Rival (Banshee-44's weapons): the
    // run's one GetPublicVendors, shared, and nothing of his own.
    // Every ticket in the message: a loaded CI run once saw 4 here, and which one was extra is
    // what to look at (a retry, or a call the run should not make).
    expect(platform, JSON.stringify(tickets)).toHaveLength(3);
    expect(new Set(platform.map((t) => t.priority))).toEqual(new Set(["background"]));
    // Each subscriber is their own player in the queue (round-robin between them).
    expect(platform.map((t) => t.player).sort()).toEqual(
      [users.demo!, users.demo!, "digest:public-vendors"].sort(),
    );
  });

  it("keeps going when Bungie is down for maintenance, and records why", async () => {
    await fetch(`${server.url}/__sandbox/maintenance`, {
      method: "POST",
      body: JSON.stringify({ enabled: true }),
    });
    try {
      const report = await runVendorDigest({ ...deps, now: () => SATURDAY + 3 * DAY });
      expect(report).toMatchObject({ subscribers: 2, sent: 0, failed: 2 });
      for (const failure of report.failures) expect(failure.error).toMatch(/SystemDisabled/);
    } finally {
      await fetch(`${server.url}/__sandbox/maintenance`, {
        method: "POST",
        body: JSON.stringify({ enabled: false }),
      });
    }
    const after = await runVendorDigest({ ...deps, now: () => SATURDAY + 3 * DAY + 60_000 });
    expect(after).toMatchObject({ sent: 2, failed: 0 });
  });
});
