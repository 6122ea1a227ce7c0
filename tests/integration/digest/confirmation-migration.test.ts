// The migration that records which transport delivered a confirmation, on both databases:
// subscriptions confirmed before it ran are marked as confirmed in the demo outbox exactly when
// the outbox holds their confirmation email; the others came by real email.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openAdapter, type OpenedAdapter } from "@/lib/db/adapter";
import { openSchemaEngine, readMigrations } from "@/lib/db/schema-engine";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { DATABASE_KINDS } from "../../support/databases";
import { createTestSchema } from "../../support/postgres";

const MIGRATION = "20261203191126_confirmation_limits";

async function migrate(adapter: OpenedAdapter, filter: (path: string) => boolean) {
  const engine = await openSchemaEngine(adapter.factory);
  try {
    const list = await readMigrations();
    list.migrationDirectories = list.migrationDirectories.filter((d) => filter(d.path));
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: list,
      filters: { externalTables: [], externalEnums: [] },
    });
    return appliedMigrationNames;
  } finally {
    engine.free();
  }
}

describe.each(DATABASE_KINDS)("confirmation transport migration on %s", (kind) => {
  let adapter: OpenedAdapter;
  let db: PrismaClient;
  let drop = async () => {};

  beforeAll(async () => {
    let url = "pglite:memory";
    if (kind === "postgres") {
      const schema = await createTestSchema("confirm");
      url = schema.url;
      drop = schema.drop;
    }
    adapter = openAdapter(url);
    await migrate(adapter, (path) => path < MIGRATION);
    db = new PrismaClient({ adapter: adapter.factory });
    const sql = (text: string) => db.$executeRawUnsafe(text);
    await sql(`insert into "User" ("id", "createdAt", "updatedAt") values
      ('u-outbox', now(), now()), ('u-mail', now(), now()), ('u-pending', now(), now())`);
    await sql(`insert into "DigestSubscription"
        ("id", "userId", "email", "confirmedAt", "vendorHashes", "filters", "createdAt", "updatedAt")
      values
        ('s-outbox', 'u-outbox', 'a@example.com', now(), '{}', '{}', now(), now()),
        ('s-mail', 'u-mail', 'b@example.com', now(), '{}', '{}', now(), now()),
        ('s-pending', 'u-pending', 'c@example.com', null, '{}', '{}', now(), now())`);
    await sql(`insert into "OutboxEmail" ("id", "userId", "to", "from", "subject", "html", "text", "headers")
      values
        ('o1', 'u-outbox', 'a@example.com', 'w@x', 'Confirm your Warmind vendor digest', '', '', '{}'),
        ('o2', 'u-mail', 'b@example.com', 'w@x', 'Vendors for Aurora Vale', '', '', '{}'),
        ('o3', 'u-pending', 'c@example.com', 'w@x', 'Confirm your Warmind vendor digest', '', '', '{}')`);
    expect(await migrate(adapter, (path) => path <= MIGRATION)).toEqual([MIGRATION]);
    await migrate(adapter, () => true);
  });

  afterAll(async () => {
    await db?.$disconnect();
    await adapter?.close();
    await drop();
  });

  it("marks outbox confirmations, and leaves the others as real email", async () => {
    const rows = await db.digestSubscription.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.id, r.confirmedVia, r.confirmationQueuedAt])).toEqual([
      ["s-mail", null, null],
      ["s-outbox", "outbox", null],
      ["s-pending", null, null],
    ]);
    expect(await db.confirmationEmail.count()).toBe(0);
  });
});
