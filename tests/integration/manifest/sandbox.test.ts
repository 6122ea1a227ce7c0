import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBungieClient, unlimited } from "@/lib/bungie";
import { BucketHashes } from "@/lib/destiny/buckets";
import { ClassHashes } from "@/lib/destiny/game-facts";
import { getDefinitions } from "@/lib/manifest/lookup";
import { defaultManifestSources } from "@/lib/manifest/sources";
import { syncManifest } from "@/lib/manifest/sync";
import { MANIFEST_TABLE_NAMES } from "@/lib/manifest/tables";
import { createSandbox } from "@/sandbox";
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from "../../support/databases";

// The demo mode's real path: the app's Bungie client against the sandbox's manifest endpoint
// (with its API key) and its static content, served in-process through the client's fetch.
describe.each(DATABASE_KINDS)("manifest from the sandbox on %s", (kind) => {
  let t: TestDatabase;
  const sandbox = createSandbox();
  const origin = "http://sandbox.test";
  const client = createBungieClient({
    origin,
    apiKey: "sandbox-api-key",
    limiter: unlimited,
    logger: () => {},
    fetch: async (input, init) => sandbox.handle(new Request(input, init)),
  });

  beforeAll(async () => {
    t = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await client.close();
    await t?.close();
  });

  it("imports every table the app uses and resolves the sandbox's definitions", async () => {
    const result = await syncManifest({
      db: t.db,
      sources: defaultManifestSources(client),
      log: () => {},
    });
    expect(result.status).toBe("imported");
    expect(result.tables.map((x) => x.table).sort()).toEqual([...MANIFEST_TABLE_NAMES].sort());

    const served = (await (
      await sandbox.handle(
        new Request(`${origin}/Platform/Destiny2/Manifest/`, {
          headers: { "X-API-Key": "sandbox-api-key" },
        }),
      )
    ).json()) as {
      Response: { version: string; jsonWorldComponentContentPaths: { en: Record<string, string> } };
    };
    expect(result.version).toBe(served.Response.version);
    const itemsPath =
      served.Response.jsonWorldComponentContentPaths.en.DestinyInventoryItemDefinition!;
    const table = (await (
      await sandbox.handle(new Request(`${origin}${itemsPath}`))
    ).json()) as Record<string, { displayProperties: { name: string } }>;
    const hashes = Object.keys(table).map(Number);
    expect(result.tables.find((x) => x.table === "DestinyInventoryItemDefinition")?.rows).toBe(
      hashes.length,
    );

    const items = await getDefinitions("DestinyInventoryItemDefinition", hashes, "en", {
      db: t.db,
      sources: false,
    });
    for (const hash of hashes) {
      expect(items.get(hash).displayProperties.name).toBe(
        table[String(hash)]!.displayProperties.name,
      );
    }
    const buckets = await getDefinitions(
      "DestinyInventoryBucketDefinition",
      [BucketHashes.KineticWeapons],
      "en",
      { db: t.db, sources: false },
    );
    expect(buckets.has(BucketHashes.KineticWeapons)).toBe(true);
    const classes = await getDefinitions("DestinyClassDefinition", [ClassHashes.Warlock], "en", {
      db: t.db,
      sources: false,
    });
    expect(classes.get(ClassHashes.Warlock).classType).toBe(2);

    // Asked again, the sandbox's unchanged manifest needs no import.
    const again = await syncManifest({
      db: t.db,
      sources: defaultManifestSources(client),
      log: () => {},
    });
    expect(again).toMatchObject({ status: "up-to-date", versionId: result.versionId });
  });
});
