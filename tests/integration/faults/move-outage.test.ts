import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBungieClient } from "@/lib/bungie";
import { createDb } from "@/lib/db";
import { openAdapter } from "@/lib/db/adapter";
import { applyMigrations } from "@/lib/db/schema-engine";
import { DEMO_BUNGIE_APP } from "@/lib/env-schema";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { performItemAction } from "@/lib/guardian/item-actions";
import { loadInventoryView } from "@/lib/guardian/load-inventory-view";
import { setLogSink } from "@/lib/log";
import { startSandboxServer, type SandboxServer } from "../../../sandbox/node-server";
import { startFaultProxy, type FaultProxy } from "../../support/fault-proxy";
import { createTestSchema } from "../../support/postgres";
import {
  releaseSandboxAndDatabase,
  signInPlayer,
  snapshot,
  useSandboxAndDatabase,
} from "../guardian/guardian-harness";

// PostgreSQL going away in the middle of a two-step move (character → vault → character). The
// move reads what it needs from the database before its first Bungie write, so it finishes in
// game; what the app shows afterwards is exactly the sandbox's state: nothing half-recorded.
describe("a database outage in the middle of a move", () => {
  let server: SandboxServer;
  let proxy: FaultProxy;
  let schema: Awaited<ReturnType<typeof createTestSchema>>;
  let db: PrismaClient;
  let demo: string;

  beforeAll(async () => {
    setLogSink(() => {});
    server = await startSandboxServer();
    schema = await createTestSchema("faults_move");
    const direct = openAdapter(schema.url);
    await applyMigrations(direct.factory);
    await direct.close();
    const target = new URL(schema.url);
    proxy = await startFaultProxy({
      target: { host: target.hostname, port: Number(target.port || 5432) },
    });
    target.port = String(proxy.port);
    db = createDb(target.toString());
    useSandboxAndDatabase(server, db);
    demo = await signInPlayer(server, db, "demo");
    await loadInventoryView(demo); // imports the manifest once
  }, 120_000);

  afterAll(async () => {
    setLogSink(undefined);
    releaseSandboxAndDatabase();
    await db?.$disconnect();
    await proxy?.close();
    await schema?.drop();
    await server?.close();
  });

  it("finishes in game, and after recovery the app shows where the sandbox has every item", async () => {
    const view = await loadInventoryView(demo, { fresh: true });
    if (view?.kind !== "inventory") throw new Error("no inventory");
    const warlock = view.characters.find((c) => c.className === "Warlock")!;
    const hunter = view.characters.find((c) => c.className === "Hunter")!;
    const item = view.items.find(
      (i) =>
        i.location === "inventory" &&
        i.ownerCharacterId === hunter.characterId &&
        i.rarity === 5 &&
        i.uniqueLabel === null &&
        i.itemInstanceId,
    )!;

    let transfers = 0;
    const client = createBungieClient({
      origin: server.url,
      ...DEMO_BUNGIE_APP,
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        // The database goes away right after the first of the two transfers.
        if (String(input).includes("/Actions/Items/TransferItem/") && ++transfers === 1) {
          await proxy.setMode("refuse");
        }
        return response;
      },
    });
    const result = await performItemAction(
      demo,
      { intent: "move", itemKey: item.key, to: { characterId: warlock.characterId } },
      { client },
    );
    // Two transfers through the vault (three when the warlock's bucket needed room first).
    expect(transfers).toBeGreaterThanOrEqual(2);
    expect(result).toMatchObject({ status: "ok", writes: transfers });
    const state = await snapshot(server);
    expect(state.items.find((i) => i.itemInstanceId === item.itemInstanceId)?.where).toBe(
      `inventory:${warlock.characterId}`,
    );

    await proxy.setMode("pass");
    const after = await loadInventoryView(demo, { fresh: true });
    if (after?.kind !== "inventory") throw new Error("no inventory after recovery");
    const shown = new Map(
      after.items
        .filter((i) => i.itemInstanceId)
        .map((i) => [
          i.itemInstanceId!,
          i.ownerCharacterId ? `inventory:${i.ownerCharacterId}` : i.location,
        ]),
    );
    for (const real of state.items.filter(
      (i) => i.itemInstanceId && i.where.startsWith("inventory:"),
    )) {
      expect(shown.get(real.itemInstanceId!), real.itemInstanceId).toBe(real.where);
    }
  }, 60_000);
});
