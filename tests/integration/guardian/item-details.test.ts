import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCache } from "@/lib/cache/cache";
import { loadInventoryView } from "@/lib/guardian/load-inventory-view";
import { loadItemDetails } from "@/lib/guardian/load-item-details";
import { ITEM_DETAILS_TTL_MS, setItemDetailsCache } from "@/lib/guardian/item-details-store";
import { PROFILE_TTL_MS, setProfileCache } from "@/lib/guardian/profile-store";
import type { InventoryView } from "@/lib/guardian/view-types";
import { startSandboxServer, type SandboxServer } from "../../../sandbox/node-server";
import { openTestDatabase, type TestDatabase } from "../../support/databases";
import {
  counting,
  releaseSandboxAndDatabase,
  signInPlayer,
  useSandboxAndDatabase,
} from "./guardian-harness";

// The item sheet's details on demand (GET /inventory/item): the page no longer sends them.
let server: SandboxServer;
let database: TestDatabase;
let demo: string;
let rival: string;
/** The caches' clock: a sheet opened "minutes later" without waiting minutes. */
let clock = Date.now();

beforeAll(async () => {
  server = await startSandboxServer();
  database = await openTestDatabase("pglite");
  useSandboxAndDatabase(server, database.db);
  setProfileCache(createCache({ now: () => clock }));
  setItemDetailsCache(createCache({ now: () => clock }));
  demo = await signInPlayer(server, database.db, "demo");
  rival = await signInPlayer(server, database.db, "rival");
});

afterAll(async () => {
  releaseSandboxAndDatabase();
  setProfileCache(undefined);
  setItemDetailsCache(undefined);
  await database?.close();
  await server?.close();
});

async function view(userId: string): Promise<InventoryView> {
  const loaded = await loadInventoryView(userId);
  if (loaded?.kind !== "inventory") throw new Error(`no inventory: ${JSON.stringify(loaded)}`);
  return loaded;
}

describe("an item's details for its sheet", () => {
  it("names the stats and perks Bungie has for it, without a Bungie call after the page", async () => {
    const page = await view(demo);
    const weapon = page.items.find(
      (i) => i.location === "equipped" && i.power !== null && i.plugs.length > 0,
    )!;
    const { value: details, calls } = await counting(server, () =>
      loadItemDetails(demo, weapon.key),
    );
    expect(calls).toBe(0);
    if (!details || "kind" in details) throw new Error(`no details: ${JSON.stringify(details)}`);
    expect(details.key).toBe(weapon.key);
    expect(details.stats.map((s) => [s.statHash, s.value]).sort()).toEqual(
      Object.entries(weapon.stats)
        .map(([hash, value]) => [Number(hash), value])
        .sort(),
    );
    expect(details.stats.every((s) => s.name === page.statNames[s.statHash])).toBe(true);
    expect(details.plugs.map((p) => p.name)).toEqual(
      weapon.plugs.map((hash) => page.plugs[hash]!.name),
    );
  });

  it("costs no GetProfile for a sheet opened after the profile cache expired, until the details expire", async () => {
    const page = await view(demo);
    const weapon = page.items.find((i) => i.location === "vault" && i.plugs.length > 0)!;
    clock += PROFILE_TTL_MS + 1_000;
    const later = await counting(server, () => loadItemDetails(demo, weapon.key));
    expect(later.calls).toBe(0);
    expect(later.value).toMatchObject({ key: weapon.key });
    // The profile itself did expire: the page read again costs its GetProfile.
    expect((await counting(server, () => view(demo))).calls).toBe(1);

    clock += ITEM_DETAILS_TTL_MS + 1_000;
    const expired = await counting(server, () => loadItemDetails(demo, weapon.key));
    expect(expired.calls).toBe(1);
    expect(expired.value).toMatchObject({ key: weapon.key });
  });

  it("finds nothing for another player's item", async () => {
    const theirs = (await view(demo)).items.find((i) => i.itemInstanceId !== null)!;
    expect(await loadItemDetails(rival, theirs.key)).toBeNull();
  });
});
