// The cron route as Vercel Cron calls it: `Authorization: Bearer $CRON_SECRET`, fail closed.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { openTestDatabase, type TestDatabase } from "../../support/databases";

const CRON_SECRET = "cron-secret-for-tests-0123456789";
const saved = { ...process.env };

/** The route module with a fresh environment (lib/env caches it per module instance). */
async function routeWith(env: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  return import("@/app/api/cron/vendor-digest/route");
}

function call(handler: (request: Request) => Promise<Response>, authorization?: string) {
  return handler(
    new Request("http://warmind.test/api/cron/vendor-digest", {
      headers: authorization === undefined ? {} : { authorization },
    }),
  );
}

describe("GET /api/cron/vendor-digest", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase("pglite");
    (globalThis as { warmindDb?: PrismaClient }).warmindDb = database.db;
  });
  afterAll(async () => {
    delete (globalThis as { warmindDb?: PrismaClient }).warmindDb;
    process.env = saved;
    await database?.close();
  });

  it("refuses every request when no CRON_SECRET is configured", async () => {
    const { GET, POST } = await routeWith({ AUTH_SECRET: "a".repeat(40), CRON_SECRET: undefined });
    for (const header of [undefined, "Bearer ", "Bearer undefined", `Bearer ${CRON_SECRET}`]) {
      const response = await call(GET, header);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        error: "Unauthorized: CRON_SECRET is not configured, so scheduled routes are disabled",
      });
    }
    expect((await call(POST, "Bearer ")).status).toBe(401);
    expect(await database.db.digestDelivery.count()).toBe(0);
  });

  it("refuses a missing or wrong secret, and runs with the right one", async () => {
    const { GET } = await routeWith({ AUTH_SECRET: "a".repeat(40), CRON_SECRET });
    for (const header of [
      undefined,
      "",
      CRON_SECRET,
      `Bearer ${CRON_SECRET.slice(1)}`,
      `Basic ${CRON_SECRET}`,
    ]) {
      const response = await call(GET, header);
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe("Bearer");
      expect(await response.json()).toEqual({ error: "Unauthorized" });
    }

    // A confirmed subscriber without a Destiny account: the run reports a recorded failure.
    const user = await database.db.user.create({ data: { name: "No Destiny" } });
    await database.db.digestSubscription.create({
      data: {
        userId: user.id,
        email: "nodestiny@example.com",
        filters: [],
        vendorHashes: [],
        confirmedAt: new Date(),
        confirmedVia: "outbox",
      },
    });
    const response = await call(GET, `Bearer ${CRON_SECRET}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const report = (await response.json()) as Record<string, unknown>;
    expect(report).toMatchObject({
      transport: "outbox",
      subscribers: 1,
      sent: 0,
      empty: 0,
      skipped: 0,
      failed: 1,
      deferred: 0,
      failures: [{ error: "NothingToSendError: No Destiny account is linked." }],
    });
    expect(typeof report.resetId).toBe("number");
    expect(await database.db.digestDelivery.count({ where: { status: "failed" } })).toBe(1);
  });

  it("sends the confirmation emails that waited for the hourly limit", async () => {
    const { GET } = await routeWith({
      AUTH_SECRET: "a".repeat(40),
      CRON_SECRET,
      CONFIRMATION_EMAILS_PER_HOUR: "1",
    });
    const waiting = [];
    for (const name of ["first", "second"]) {
      const user = await database.db.user.create({ data: { name, bungieName: `${name}#0001` } });
      waiting.push(
        await database.db.digestSubscription.create({
          data: {
            userId: user.id,
            email: `${name}@example.com`,
            filters: [],
            vendorHashes: [],
            confirmationQueuedAt: new Date(Date.now() - 60_000 * (name === "first" ? 2 : 1)),
          },
        }),
      );
    }
    const response = await call(GET, `Bearer ${CRON_SECRET}`);
    expect(response.status).toBe(200);
    // One an hour here: the oldest goes now, the other keeps its place for a later run.
    expect(((await response.json()) as { confirmations: unknown }).confirmations).toEqual({
      sent: 1,
      waiting: 1,
      dropped: 0,
      failed: 0,
    });
    const mail = await database.db.outboxEmail.findMany({
      where: { subject: "Confirm your Warmind vendor digest" },
    });
    expect(mail.map((m) => m.to)).toEqual(["first@example.com"]);
    const after = await database.db.digestSubscription.findMany({
      where: { id: { in: waiting.map((s) => s.id) } },
      orderBy: { email: "asc" },
    });
    expect(after.map((s) => [s.email, s.confirmationQueuedAt !== null])).toEqual([
      ["first@example.com", false],
      ["second@example.com", true],
    ]);
  });
});
