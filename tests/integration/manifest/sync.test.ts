import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { rawExecuteOf } from "@/lib/db/raw-execute";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getPlayerManifestLanguage } from "@/lib/manifest/player-language";
import { getDefinitions } from "@/lib/manifest/lookup";
import { ManifestDownloadError, ManifestLeaseLostError } from "@/lib/manifest/errors";
import { TRIM_VERSION_KEY } from "@/lib/manifest/plan";
import { syncManifest, type SyncOptions } from "@/lib/manifest/sync";
import { MANIFEST_TABLE_NAMES } from "@/lib/manifest/tables";
import type { ImportProgress } from "@/lib/manifest/progress";
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from "../../support/databases";
import { startFixtureServer, type FixtureServer } from "./support/fixture-server";
import { FIXTURE_ITEM_COUNT, fixtureItemHashes, fixtureTables } from "./support/fixture-world";
import { manifestRowCounts, openSecondInstance } from "./support/instances";

const ITEMS = "DestinyInventoryItemDefinition";

describe.each(DATABASE_KINDS)("manifest sync on %s", (kind) => {
  let t: TestDatabase;
  let server: FixtureServer;
  let lines: string[];

  const sync = (options: SyncOptions = {}) =>
    syncManifest({
      db: t.db,
      sources: server.sources,
      log: (line) => lines.push(line),
      lease: { pollMs: 20 },
      ...options,
    });

  const names = async (db = t.db) => {
    const batch = await getDefinitions(ITEMS, fixtureItemHashes(), "en", {
      db,
      sources: false,
      versionTtlMs: 0,
    });
    return [...batch].map((d) => d.displayProperties.name);
  };

  beforeAll(async () => {
    t = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await t?.close();
  });
  beforeEach(async () => {
    lines = [];
    server = await startFixtureServer();
    // Each test starts from an empty manifest.
    await t.db.$executeRaw`DELETE FROM "ManifestCurrent"`;
    await t.db.$executeRaw`DELETE FROM "ManifestVersion"`;
    await t.db.$executeRaw`DELETE FROM "ManifestImportLease"`;
  });
  afterEach(async () => {
    await server.close();
  });

  it("imports every table from Bungie's manifest and makes it current", async () => {
    server.publish("A", fixtureTables("A"));
    const progress: ImportProgress[] = [];
    const result = await sync({ onProgress: (p) => progress.push(p) });

    expect(result).toMatchObject({
      status: "imported",
      language: "en",
      version: "A",
      waited: false,
    });
    expect(result.tables.map((x) => x.table).sort()).toEqual([...MANIFEST_TABLE_NAMES].sort());
    expect(result.tables.find((x) => x.table === ITEMS)?.rows).toBe(FIXTURE_ITEM_COUNT);
    // The big table comes last, so a broken manifest fails before the long download.
    expect(result.tables.at(-1)?.table).toBe(ITEMS);

    const rows = await manifestRowCounts(t.db);
    expect(rows.versions).toEqual([
      { id: result.versionId, status: "ready", version: "A", language: "en" },
    ]);
    expect(rows.current).toEqual([{ language: "en", versionId: result.versionId }]);
    expect(rows.definitions).toEqual([{ versionId: result.versionId, count: result.rows }]);

    const items = progress.filter((p) => p.table === ITEMS);
    expect(items.at(-1)).toMatchObject({ done: true, rows: FIXTURE_ITEM_COUNT, fraction: 1 });
    expect(items.length).toBeGreaterThan(2); // batches report as they go
    expect(lines.some((l) => /DestinyInventoryItemDefinition \(16\/16\): \d+% /.test(l))).toBe(
      true,
    );

    const all = await names();
    expect(all).toHaveLength(FIXTURE_ITEM_COUNT);
    expect(all.every((n) => n.endsWith(" A"))).toBe(true);
  });

  it("imports the same through Prisma when the client has no driver beside it", async () => {
    // The app's client bulk-inserts on the driver (lib/db/raw-execute.ts); a plain client, as
    // some scripts and tests make, must get the same result through $executeRaw.
    const plain = new PrismaClient({ adapter: t.factory });
    try {
      expect(rawExecuteOf(plain)).toBeUndefined();
      expect(rawExecuteOf(t.db)).toBeTypeOf("function");
      server.publish("A", fixtureTables("A"));
      const result = await sync({ db: plain });
      expect(result).toMatchObject({ status: "imported", version: "A" });
      expect(result.tables.find((x) => x.table === ITEMS)?.rows).toBe(FIXTURE_ITEM_COUNT);
      const rows = await manifestRowCounts(t.db);
      expect(rows.definitions).toEqual([{ versionId: result.versionId, count: result.rows }]);
      const all = await names();
      expect(all).toHaveLength(FIXTURE_ITEM_COUNT);
      expect(all.every((n) => n.endsWith(" A"))).toBe(true);
    } finally {
      await plain.$disconnect();
    }
  });

  it("skips the import when the content paths are unchanged, even under a new version string", async () => {
    server.publish("A", fixtureTables("A"), { pathTag: "p1" });
    const first = await sync();
    server.publish("A.2", fixtureTables("A"), { pathTag: "p1" });
    const second = await sync();
    expect(second).toMatchObject({ status: "up-to-date", versionId: first.versionId, rows: 0 });
    expect(server.contentRequests(ITEMS)).toBe(1);
    const rows = await manifestRowCounts(t.db);
    expect(rows.versions).toEqual([
      expect.objectContaining({ id: first.versionId, version: "A.2" }),
    ]);
  });

  it("re-imports a version trimmed to an older shape, though Bungie's paths did not move", async () => {
    server.publish("A", fixtureTables("A"), { pathTag: "p1" });
    const first = await sync();
    // As a database imported before TRIM_VERSION existed stored it: the paths and nothing else.
    await t.db.$executeRaw`
      UPDATE "ManifestVersion" SET "contentPaths" = "contentPaths" - ${TRIM_VERSION_KEY}::text
      WHERE "id" = ${first.versionId}`;
    const second = await sync();
    expect(second.status).toBe("imported");
    expect(second.versionId).not.toBe(first.versionId);
    expect(server.contentRequests(ITEMS)).toBe(2);
    // Stamped now: the next sync has nothing to do.
    expect((await sync()).status).toBe("up-to-date");
  });

  it("re-imports when a table's content path changes, then deletes the old version", async () => {
    server.publish("A", fixtureTables("A"));
    const first = await sync();
    server.publish("B", fixtureTables("B"));
    const second = await sync();
    expect(second.status).toBe("imported");
    expect(second.versionId).not.toBe(first.versionId);
    const rows = await manifestRowCounts(t.db);
    expect(rows.versions.map((v) => v.id)).toEqual([second.versionId]);
    expect(rows.definitions.map((d) => d.versionId)).toEqual([second.versionId]);
    expect((await names()).every((n) => n.endsWith(" B"))).toBe(true);
  });

  it("imports again when forced", async () => {
    server.publish("A", fixtureTables("A"));
    const first = await sync();
    const forced = await sync({ force: true });
    expect(forced.status).toBe("imported");
    expect(forced.versionId).not.toBe(first.versionId);
    expect(server.contentRequests(ITEMS)).toBe(2);
  });

  describe.each([
    ["an HTTP 500", { kind: "status", status: 500 }],
    ["a body cut off mid-stream", { kind: "truncate", atBytes: 1_300_000 }],
  ] as const)("after %s", (_label, fault) => {
    it("keeps the previous version in use and leaves no partial rows", async () => {
      server.publish("A", fixtureTables("A"));
      const a = await sync();
      server.publish("B", fixtureTables("B"));
      server.fault(ITEMS, fault);
      let inserted = 0;
      const failed = await sync({
        onProgress: (p) => (inserted = p.table === ITEMS ? p.rows : inserted),
      }).catch((error: unknown) => error);
      // The cut-off body failed after whole batches had been inserted: they must be gone too.
      expect(inserted).toBe(fault.kind === "truncate" ? 500 : 0);
      expect(failed).toBeInstanceOf(ManifestDownloadError);
      expect((failed as ManifestDownloadError).table).toBe(ITEMS);

      const rows = await manifestRowCounts(t.db);
      expect(rows.current).toEqual([{ language: "en", versionId: a.versionId }]);
      expect(rows.versions.map((v) => v.id)).toEqual([a.versionId]);
      expect(rows.definitions).toEqual([{ versionId: a.versionId, count: a.rows }]);
      expect((await names()).every((n) => n.endsWith(" A"))).toBe(true);

      // The next sync, with the table served whole again, succeeds.
      server.fault(ITEMS, null);
      expect((await sync()).status).toBe("imported");
      expect((await names()).every((n) => n.endsWith(" B"))).toBe(true);
    });
  });

  it("shares one import between concurrent calls of the same process", async () => {
    server.publish("A", fixtureTables("A"));
    const results = await Promise.all([sync(), sync(), sync()]);
    expect(new Set(results)).toHaveLength(1);
    expect(server.contentRequests(ITEMS)).toBe(1);
  });

  it("runs the import once when two app instances sync at the same time", async () => {
    const other = await openSecondInstance(t);
    try {
      server.publish("A", fixtureTables("A"));
      const hold = server.hold(ITEMS);
      const first = sync();
      await hold.reached; // the first import is mid-table; now the second instance asks
      const second = sync({ db: other.db });
      await new Promise((resolve) => setTimeout(resolve, 150));
      hold.release();
      const results = await Promise.all([first, second]);
      expect(results.map((r) => r.status).sort()).toEqual(["imported", "up-to-date"]);
      expect(results.find((r) => r.status === "up-to-date")?.waited).toBe(true);
      expect(results[0]?.versionId).toBe(results[1]?.versionId);
      expect(server.contentRequests(ITEMS)).toBe(1);
      expect(lines).toContain("Another manifest import is running; waiting for it to finish");
    } finally {
      await other.close();
    }
  });

  it("takes over an expired lease and clears what a crashed import left", async () => {
    server.publish("A", fixtureTables("A"));
    // A crashed instance: its lease expired, its half-written version is still there.
    await t.db.manifestImportLease.create({
      data: {
        id: "manifest-import",
        holder: "crashed",
        acquiredAt: new Date(Date.now() - 120_000),
        expiresAt: new Date(Date.now() - 60_000),
      },
    });
    const orphan = await t.db.manifestVersion.create({
      data: { version: "Z", language: "en", status: "importing", contentPaths: {} },
    });
    await t.db.$executeRaw`
      INSERT INTO "ManifestDefinition" ("versionId", "tableName", "hash", "data")
      VALUES (${orphan.id}, ${ITEMS}, 1, '{}'::jsonb)`;

    const result = await sync();
    expect(result.status).toBe("imported");
    const rows = await manifestRowCounts(t.db);
    expect(rows.versions.map((v) => v.id)).toEqual([result.versionId]);
    expect(rows.definitions.map((d) => d.versionId)).toEqual([result.versionId]);
    const lease = await t.db.manifestImportLease.findUnique({ where: { id: "manifest-import" } });
    expect(lease?.holder).toBeNull(); // released after the import
  });

  it("waits for a live lease held by another instance", async () => {
    server.publish("A", fixtureTables("A"));
    await t.db.manifestImportLease.create({
      data: {
        id: "manifest-import",
        holder: "other",
        acquiredAt: new Date(),
        expiresAt: new Date(Date.now() + 60_000),
      },
    });
    let settled = false;
    const waiting = sync().finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(settled).toBe(false);
    expect(server.contentRequests(ITEMS)).toBe(0);
    await t.db.manifestImportLease.update({
      where: { id: "manifest-import" },
      data: { holder: null, expiresAt: null },
    });
    expect(await waiting).toMatchObject({ status: "imported", waited: true });
  });

  it("stops without switching when its lease was taken over mid-import", async () => {
    server.publish("A", fixtureTables("A"));
    const a = await sync();
    server.publish("B", fixtureTables("B"));
    const hold = server.hold(ITEMS);
    const importing = sync({ lease: { ttlMs: 300, pollMs: 20 } }).catch((error: unknown) => error);
    await hold.reached;
    await t.db.manifestImportLease.update({
      where: { id: "manifest-import" },
      data: { holder: "usurper" },
    });
    await new Promise((resolve) => setTimeout(resolve, 250)); // a heartbeat notices
    hold.release();
    expect(await importing).toBeInstanceOf(ManifestLeaseLostError);
    const rows = await manifestRowCounts(t.db);
    expect(rows.current).toEqual([{ language: "en", versionId: a.versionId }]);
    expect(rows.versions.map((v) => v.id)).toEqual([a.versionId]);
  });

  it("falls back to English, saying so, for a language Bungie does not serve", async () => {
    server.publish("A", fixtureTables("A"));
    const result = await sync({ language: "fr" });
    expect(result).toMatchObject({ requestedLanguage: "fr", language: "en", status: "imported" });
    expect(
      lines.some(
        (l) => l.includes('does not offer language "fr"') && l.includes("falling back to en"),
      ),
    ).toBe(true);
    const french = await getDefinitions(ITEMS, fixtureItemHashes(3), "fr", {
      db: t.db,
      sources: false,
      versionTtlMs: 0,
    });
    expect(french.language).toBe("en");
    expect(french.has(fixtureItemHashes(1)[0]!)).toBe(true);
  });

  it("keeps one current version per language", async () => {
    server.publish("A", fixtureTables("A"), { languages: ["en", "fr"] });
    const en = await sync({ language: "en" });
    const fr = await sync({ language: "fr" });
    expect(fr).toMatchObject({ status: "imported", language: "fr" });
    expect(server.contentRequests(ITEMS)).toBe(2);
    const rows = await manifestRowCounts(t.db);
    expect(rows.current.sort((x, y) => x.language.localeCompare(y.language))).toEqual([
      { language: "en", versionId: en.versionId },
      { language: "fr", versionId: fr.versionId },
    ]);
    const french = await getDefinitions(ITEMS, fixtureItemHashes(1), "fr", {
      db: t.db,
      sources: false,
      versionTtlMs: 0,
    });
    expect(french).toMatchObject({ language: "fr", versionId: fr.versionId });
  });

  it("reads the player's language from their settings", async () => {
    const user = await t.db.user.create({
      data: { name: "Guardian", settings: { create: { language: "de" } } },
    });
    const other = await t.db.user.create({ data: { name: "New" } });
    expect(await getPlayerManifestLanguage(user.id, t.db)).toBe("de");
    expect(await getPlayerManifestLanguage(other.id, t.db)).toBe("en");
  });
});
