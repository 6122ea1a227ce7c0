import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db";
import {
  databaseHealth,
  databaseReachable,
  probeDatabase,
  registerDatabaseProbe,
} from "@/lib/db/health";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { setLogSink } from "@/lib/log";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { startFaultProxy, type FaultProxy } from "../../support/fault-proxy";
import { POSTGRES_TEST_URL } from "../../support/postgres";

// PostgreSQL going away under the app's own database client, through a fault-injecting proxy:
// every way of failing reaches the app as one DatabaseUnavailableError (never a signed-out
// player or a generic error), the outage and the recovery are logged once each, and the same
// client works again when the database is back: no restart. (No tables needed: a refused
// connection fails before any table is looked up.)
describe("the database going away and coming back", () => {
  let proxy: FaultProxy;
  let db: PrismaClient;
  const events: string[] = [];

  beforeAll(async () => {
    const target = new URL(POSTGRES_TEST_URL);
    proxy = await startFaultProxy({
      target: { host: target.hostname, port: Number(target.port || 5432) },
    });
    target.port = String(proxy.port);
    db = createDb(target.toString());
    registerDatabaseProbe(async () => {
      await db.$queryRaw`SELECT 1`;
    });
    setLogSink((line) => events.push((JSON.parse(line) as { event: string }).event));
  });

  afterEach(async () => {
    await proxy.setMode("pass");
    proxy.setDelay(0);
  });

  afterAll(async () => {
    setLogSink(undefined);
    await db.$disconnect();
    await proxy.close();
  });

  const select = () => db.$queryRaw<{ one: number }[]>`SELECT 1 AS one`;
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => expect.unreachable("the query should have failed"),
      (error: unknown) => error,
    );

  it("refused, cut and reset connections are each a DatabaseUnavailableError, and recovery needs no restart", async () => {
    expect(await select()).toEqual([{ one: 1 }]);
    events.length = 0;

    await proxy.setMode("refuse");
    const queries = [
      () => select(),
      () => db.user.findFirst(),
      () => db.$transaction([db.user.count()]),
    ];
    for (const query of queries) {
      const error = await failure(query());
      expect(isDatabaseUnavailable(error), String(error)).toBe(true);
      expect((error as { digest?: string }).digest).toBe("WARMIND_DATABASE_UNAVAILABLE");
    }
    expect(databaseHealth().down).toBe(true);
    expect(await databaseReachable()).toBe(false);

    await proxy.setMode("pass");
    expect(await select()).toEqual([{ one: 1 }]);
    expect(databaseHealth().down).toBe(false);

    // A connection cut (FIN) or reset (RST) under an open pool.
    for (const drop of [() => proxy.cut(), () => proxy.reset()]) {
      await select();
      const inTransaction = db.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT 1`;
        drop();
        await new Promise((resolve) => setTimeout(resolve, 50));
        return tx.$queryRaw`SELECT 1`;
      });
      expect(isDatabaseUnavailable(await failure(inTransaction))).toBe(true);
      expect(await select()).toEqual([{ one: 1 }]);
    }

    // However many queries failed, one line when it went and one when it came back, per outage.
    expect(events.filter((e) => e === "db.unavailable")).toHaveLength(3);
    expect(events.filter((e) => e === "db.recovered")).toHaveLength(3);
  });

  it("a database that stops answering is reported within the probe's time, not the driver's 10 s", async () => {
    await select();
    await proxy.setMode("hang");
    proxy.cut();
    const started = Date.now();
    expect(await probeDatabase(500)).toBe(false);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(databaseHealth().down).toBe(true);
    // While it is down, the proxy's check answers at once instead of probing again.
    const again = Date.now();
    expect(await databaseReachable()).toBe(false);
    expect(Date.now() - again).toBeLessThan(100);

    await proxy.setMode("pass");
    expect(await probeDatabase()).toBe(true);
    expect(await databaseReachable()).toBe(true);
  });

  it("a slow database is slow, not down", async () => {
    proxy.setDelay(150);
    expect(await select()).toEqual([{ one: 1 }]);
    expect(databaseHealth().down).toBe(false);
  });

  it("other errors stay what they are", async () => {
    const error = await failure(db.$queryRawUnsafe("SELECT * FROM no_such_table_here"));
    expect(isDatabaseUnavailable(error)).toBe(false);
    expect(databaseHealth().down).toBe(false);
  });
});
