import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { ClassHashes } from "@/lib/destiny/game-facts";
import { ManifestUnavailableError } from "@/lib/manifest/errors";
import { getDefinitions, type LookupOptions } from "@/lib/manifest/lookup";
import { syncManifest } from "@/lib/manifest/sync";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from "../../support/databases";
import { startFixtureServer, type FixtureServer } from "./support/fixture-server";
import { FIXTURE_ITEM_COUNT, fixtureItemHashes, fixtureTables } from "./support/fixture-world";
import { countingClient, openSecondInstance } from "./support/instances";

const ITEMS = "DestinyInventoryItemDefinition";
const quiet = () => {};

describe.each(DATABASE_KINDS)("manifest lookups on %s", (kind) => {
  let t: TestDatabase;
  let server: FixtureServer;

  const sync = (db: PrismaClient = t.db) =>
    syncManifest({ db, sources: server.sources, log: quiet, lease: { pollMs: 20 } });

  beforeAll(async () => {
    t = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await t?.close();
  });
  beforeEach(async () => {
    server = await startFixtureServer();
    await t.db.$executeRaw`DELETE FROM "ManifestCurrent"`;
    await t.db.$executeRaw`DELETE FROM "ManifestVersion"`;
  });
  afterEach(async () => {
    await server.close();
  });

  it("looks up a batch with one query per table, then answers from the cache", async () => {
    server.publish("A", fixtureTables("A"));
    await sync();
    const counted = countingClient(t.db);
    const options: LookupOptions = { db: counted.db, sources: false };
    const hashes = fixtureItemHashes();

    const items = await getDefinitions(ITEMS, hashes, "en", options);
    expect(counted.count()).toBe(1);
    expect(items.size).toBe(FIXTURE_ITEM_COUNT);
    expect([...items].every((d) => !d.unknown && d.displayProperties.name.endsWith(" A"))).toBe(
      true,
    );
    expect(items.get(hashes[0]!)).toMatchObject({ hash: hashes[0], unknown: false });

    await getDefinitions(ITEMS, hashes, "en", options);
    expect(counted.count()).toBe(1); // warm: no query at all

    // Half cached, half new: still one query, for the new half only.
    await getDefinitions(ITEMS, [...hashes.slice(0, 10), 1, 2, 3], "en", options);
    expect(counted.count()).toBe(2);

    const classes = await getDefinitions(
      "DestinyClassDefinition",
      Object.values(ClassHashes),
      "en",
      options,
    );
    expect(counted.count()).toBe(3); // another table: its own single query
    expect(classes.get(ClassHashes.Hunter).displayProperties.name).toBe("Hunter");
  });

  it("answers unknown hashes with the table's unknown definition, and remembers them", async () => {
    server.publish("A", fixtureTables("A"));
    await sync();
    const counted = countingClient(t.db);
    const options: LookupOptions = { db: counted.db, sources: false };
    const known = fixtureItemHashes(1)[0]!;
    const batch = await getDefinitions(ITEMS, [known, 7, 4294967295, -1, 1.5], "en", options);
    expect(batch.has(known)).toBe(true);
    for (const hash of [7, 4294967295, -1, 1.5]) {
      expect(batch.get(hash)).toMatchObject({
        hash,
        unknown: true,
        displayProperties: { name: "Unknown item", icon: null },
      });
    }
    expect(counted.count()).toBe(1);
    expect((await getDefinitions(ITEMS, [7], "en", options)).get(7).unknown).toBe(true);
    expect(counted.count()).toBe(1); // the unknown answer was cached too
    const vendor = (await getDefinitions("DestinyVendorDefinition", [12345], "en", options)).get(
      12345,
    );
    expect(vendor).toMatchObject({
      unknown: true,
      displayProperties: { name: "Unknown vendor", subtitle: "" },
    });
  });

  it("hands out frozen definitions so no caller can corrupt the cache", async () => {
    server.publish("A", fixtureTables("A"));
    await sync();
    const hash = fixtureItemHashes(1)[0]!;
    const item = (await getDefinitions(ITEMS, [hash], "en", { db: t.db, sources: false })).get(
      hash,
    );
    expect(Object.isFrozen(item)).toBe(true);
    expect(Object.isFrozen(item.displayProperties)).toBe(true);
  });

  it("imports on first need, and refuses clearly when it may not", async () => {
    server.publish("A", fixtureTables("A"));
    await expect(getDefinitions(ITEMS, [1], "en", { db: t.db, sources: false })).rejects.toThrow(
      ManifestUnavailableError,
    );
    const first = await getDefinitions(ITEMS, fixtureItemHashes(5), "en", {
      db: t.db,
      sources: server.sources,
      log: quiet,
    });
    expect([...first].every((d) => !d.unknown)).toBe(true);
    expect(server.contentRequests(ITEMS)).toBe(1);
  });

  it("reports a failed first import as an unavailable manifest", async () => {
    server.publish("A", fixtureTables("A"));
    server.fault(ITEMS, { kind: "status", status: 500 });
    const error = await getDefinitions(ITEMS, [1], "en", {
      db: t.db,
      sources: server.sources,
      log: quiet,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ManifestUnavailableError);
    expect(String(error)).toMatch(/HTTP 500/);
  });

  it("checks Bungie again after the interval and switches readers to a changed manifest", async () => {
    server.publish("A", fixtureTables("A"));
    const hashes = fixtureItemHashes(20);
    const options: LookupOptions = {
      db: t.db,
      sources: server.sources,
      checkIntervalMs: 0,
      versionTtlMs: 0,
      log: quiet,
    };
    const before = await getDefinitions(ITEMS, hashes, "en", options); // imports A on first need
    expect(before.get(hashes[0]!).displayProperties.name).toMatch(/ A$/);
    // Let the check that lookup started finish (it finds A current).
    await syncManifest({ db: t.db, sources: server.sources, log: quiet });

    server.publish("B", fixtureTables("B"));
    // This lookup still answers from A, and starts a background check that imports B alone.
    const during = await getDefinitions(ITEMS, hashes, "en", options);
    expect(during.versionId).toBe(before.versionId);
    await vi.waitFor(() => expect(server.contentRequests(ITEMS)).toBe(2));
    const check = await syncManifest({ db: t.db, sources: server.sources, log: quiet }); // joins it
    expect(check).toMatchObject({ version: "B", status: "imported" });
    expect(server.contentRequests(ITEMS)).toBe(2);

    const after = await getDefinitions(ITEMS, hashes, "en", {
      ...options,
      checkIntervalMs: 60_000,
    });
    expect(after.versionId).not.toBe(before.versionId);
    expect([...after].every((d) => d.displayProperties.name.endsWith(" B"))).toBe(true);
  });

  it("keeps readers on a complete version while a new one imports, then moves them", async () => {
    server.publish("A", fixtureTables("A"));
    const a = await sync();
    const other = await openSecondInstance(t);
    const reader = await openSecondInstance(t);
    try {
      const hashes = fixtureItemHashes();
      // The other instance caches half of the items under A, with the default trust period.
      await getDefinitions(ITEMS, hashes.slice(0, 600), "en", { db: other.db, sources: false });

      server.publish("B", fixtureTables("B"));
      const hold = server.hold(ITEMS);
      const importing = sync();
      await hold.reached;
      // Wait until B's first rows are really in the table, invisible to readers.
      for (;;) {
        const [row] = await t.db.$queryRaw<{ n: bigint }[]>`
          SELECT count(*) AS n FROM "ManifestDefinition" WHERE "versionId" <> ${a.versionId}`;
        if (Number(row?.n) >= 500) break;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      for (let round = 0; round < 5; round++) {
        for (const db of [t.db, reader.db]) {
          const batch = await getDefinitions(ITEMS, hashes, "en", {
            db,
            sources: false,
            versionTtlMs: 0,
          });
          expect(batch.versionId).toBe(a.versionId);
          const names = [...batch].map((d) => d.displayProperties.name);
          expect(names.filter((n) => n.endsWith(" A"))).toHaveLength(FIXTURE_ITEM_COUNT);
        }
      }
      hold.release();
      const b = await importing;

      // This process switched: it knows at once.
      const mine = await getDefinitions(ITEMS, hashes, "en", { db: t.db, sources: false });
      expect(mine.versionId).toBe(b.versionId);
      expect([...mine].every((d) => d.displayProperties.name.endsWith(" B"))).toBe(true);

      // The other instance still trusts A for its 600 cached items, but the query for the rest
      // reveals the switch: it drops A and answers all 1,200 from B, never a mix.
      const theirs = await getDefinitions(ITEMS, hashes, "en", { db: other.db, sources: false });
      expect(theirs.versionId).toBe(b.versionId);
      expect([...theirs].every((d) => d.displayProperties.name.endsWith(" B"))).toBe(true);
    } finally {
      await other.close();
      await reader.close();
    }
  });
});
