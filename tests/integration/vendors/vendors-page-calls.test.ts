// The vendors page's Bungie budget against the real-scale sandbox over real HTTP, with the
// manifest imported from it into a real database: a cold view costs GetProfile + GetVendors and
// never a GetVendor, a warm one nothing (in this process, and in another app instance through
// Redis), a refresh one GetVendors, and the cache lets go exactly at the vendors' next refresh.
import { randomUUID } from "node:crypto";
import type { DestinyVendorsResponse } from "bungie-api-ts/destiny2";
import { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createBungieClient } from "@/lib/bungie";
import { createCache, type Cache } from "@/lib/cache/cache";
import { VendorHashes } from "@/lib/destiny/game-facts";
import { DEMO_BUNGIE_APP } from "@/lib/env-schema";
import { getDefinitions } from "@/lib/manifest";
import type { DefinitionsLookup } from "@/lib/vendors/load-vendors";
import { stockExpiry } from "@/lib/vendors/screen-stock";
import { loadVendorDetails } from "@/lib/vendors/vendor-details";
import { viewOfSnapshot } from "@/lib/vendors/view-of-snapshot";
import { readVendorsSnapshot, type SnapshotInput } from "@/lib/vendors/vendors-snapshot";
import { startSandboxServer, type SandboxServer } from "../../../sandbox/node-server";
import { openTestDatabase, type TestDatabase } from "../../support/databases";
import { releaseSandboxAndDatabase, sandboxProfile, useSandboxAndDatabase } from "./sandbox-player";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
// A Saturday evening: Xûr is in, so all ten groups of the game's screen have vendors.
const SATURDAY = Date.parse("2026-11-28T18:00:00Z");

describe("the vendors page's Bungie calls", () => {
  let server: SandboxServer;
  let database: TestDatabase;
  let lookup: DefinitionsLookup;
  let clock = SATURDAY;
  let cache: Cache;
  let profile: Awaited<ReturnType<typeof sandboxProfile>>;
  const prefix = `warmind:test:vendors:${randomUUID()}`;

  beforeAll(async () => {
    server = await startSandboxServer({ now: () => clock });
    database = await openTestDatabase("pglite");
    useSandboxAndDatabase(server, database.db);
    lookup = (table, hashes) => getDefinitions(table, hashes, "en", { db: database.db });
    profile = await sandboxProfile(server, "demo");
    // The manifest is imported once per deployment, not per view: import it before counting.
    await lookup("DestinyVendorDefinition", [VendorHashes.Banshee]);
  });
  afterAll(async () => {
    releaseSandboxAndDatabase();
    const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await database?.close();
    await server?.close();
  });
  beforeEach(() => {
    clock = SATURDAY;
    cache = createCache({ now: () => clock });
  });

  async function calls<T>(run: () => Promise<T>): Promise<[T, Record<string, number>]> {
    await fetch(`${server.url}/__sandbox/stats/reset`, { method: "POST" });
    const value = await run();
    const stats = (await (await fetch(`${server.url}/__sandbox/stats`)).json()) as {
      operations: Record<string, number>;
    };
    const bungie = Object.fromEntries(
      Object.entries(stats.operations).filter(([op]) => op.startsWith("Destiny2.")),
    );
    return [value, bungie];
  }

  const view = (input: Partial<SnapshotInput> = {}) =>
    readVendorsSnapshot({
      account: profile,
      chosen: [],
      // A fresh token each time: the sandbox's clock moves by days in these tests.
      withToken: (call) => call(server.sandbox.issueToken("demo").access_token),
      lookup,
      cache,
      now: () => clock,
      ...input,
    });

  it("costs GetProfile + GetVendors cold, and shows the game's screen from them", async () => {
    const [snapshot, cold] = await calls(() => view());
    expect(cold).toEqual({ "Destiny2.GetProfile": 1, "Destiny2.GetVendors": 1 });
    const stock = snapshot.stock!.stock;
    // The sandbox's screen: 38 vendors in 10 groups (REAL-VENDORS.md), none failed.
    expect(stock.groups).toHaveLength(10);
    expect(stock.groups.flatMap((g) => g.vendorHashes)).toHaveLength(38);
    expect(stock.failedVendorHashes).toEqual([]);

    const built = await viewOfSnapshot(stock, {
      lookup,
      collectibles: snapshot.collectibles,
      assetUrl: (p) => p,
    });
    expect(built.groups.map((g) => g.name)).toEqual([
      "Limited Time",
      "This Season",
      "Vanguard",
      "Eververse",
      "The Last City",
      "Kepler",
      "The Pale Heart",
      "Neomuna",
      "Europa",
      "Rituals",
    ]);
    const vendors = built.groups.flatMap((g) => g.vendors);
    expect(vendors).toHaveLength(38);
    expect(JSON.stringify(built)).not.toContain("Unknown");
    // Eververse is one card: Tess Everis with her ~24 pieces and her engram previews inside.
    const tess = vendors.find((v) => v.vendorHash === VendorHashes.TessEveris)!;
    expect(vendors.filter((v) => v.name === "Eververse")).toEqual([]);
    expect(tess.subVendors!.length).toBeGreaterThanOrEqual(20);
    // Sub-vendors are reached through previews: Xûr's engram, among others.
    const withSubs = vendors.filter((v) => v.subVendors!.some((s) => s.sales.length > 0));
    expect(withSubs.length).toBeGreaterThanOrEqual(5);
    expect(built.collectionsKnown).toBe(true);
  });

  it("costs nothing warm, and a refresh costs one GetVendors", async () => {
    const [first] = await calls(() => view());
    const [again, warm] = await calls(() => view());
    expect(warm).toEqual({});
    expect(again.stock).toEqual(first.stock);

    clock += 60_000;
    const [refreshed, refresh] = await calls(() => view({ fresh: true }));
    expect(refresh).toEqual({ "Destiny2.GetVendors": 1 });
    expect(Date.parse(refreshed.stock!.readAt)).toBe(clock);
    // The refreshed sales are the ones kept.
    const [, after] = await calls(() => view());
    expect(after).toEqual({});
  });

  it("lets go of a character's sales exactly at the shown vendors' next refresh", async () => {
    const [snapshot] = await calls(() => view());
    const expiry = stockExpiry(snapshot.stock!.stock, clock)!;
    // The daily reset at 17:00 UTC, the day after.
    expect(new Date(expiry).toISOString()).toBe("2026-11-29T17:00:00.000Z");
    clock = expiry - 1_000;
    const [, before] = await calls(() => view());
    expect(before).toEqual({});
    clock = expiry + 1_000;
    const [, after] = await calls(() => view());
    // The sales again; the characters and collections also turn over at the daily reset.
    expect(after["Destiny2.GetVendors"]).toBe(1);
    expect(after["Destiny2.GetVendor"]).toBeUndefined();
  });

  it("another character costs one GetVendors (the characters are cached)", async () => {
    const [first] = await calls(() => view());
    const other = first.characters.find((c) => c.characterId !== first.characterId)!;
    const [second, cost] = await calls(() => view({ characterId: other.characterId }));
    expect(second.characterId).toBe(other.characterId);
    expect(cost).toEqual({ "Destiny2.GetVendors": 1 });
  });

  it("reads a known character's vendors alongside the profile, and never another player's", async () => {
    const rival = await sandboxProfile(server, "rival");
    const [first] = await calls(() => view());
    cache = createCache({ now: () => clock });
    const [mine, cold] = await calls(() => view({ characterId: first.characterId }));
    expect(mine.characterId).toBe(first.characterId);
    expect(cold).toEqual({ "Destiny2.GetProfile": 1, "Destiny2.GetVendors": 1 });

    // Someone else's character: Bungie refuses it, the page shows the player's own instead.
    cache = createCache({ now: () => clock });
    const foreign = rival.characters[0]!.characterId;
    const [fallback, cost] = await calls(() => view({ characterId: foreign }));
    expect(fallback.characterId).toBe(first.characterId);
    expect(fallback.stock!.stock.groups).toHaveLength(10);
    expect(cost).toEqual({ "Destiny2.GetProfile": 1, "Destiny2.GetVendors": 2 });
    // The refusal was not kept: nothing is cached under the foreign character.
    const [, again] = await calls(() => view({ characterId: foreign }));
    expect(again).toEqual({ "Destiny2.GetVendors": 1 });
  });

  it("reads a vendor's power and gear tiers with one GetVendor when asked, then keeps them", async () => {
    const [snapshot] = await calls(() => view());
    const banshee = snapshot.stock!.stock.vendors.find(
      (v) => v.vendorHash === VendorHashes.Banshee,
    )!;
    const details = () =>
      loadVendorDetails({
        account: profile,
        characterId: snapshot.characterId!,
        vendorHash: VendorHashes.Banshee,
        withToken: (call) => call(server.sandbox.issueToken("demo").access_token),
        cache,
        now: () => clock,
      });
    const [first, cost] = await calls(details);
    expect(cost).toEqual({ "Destiny2.GetVendor": 1 });
    // Every weapon on sale comes with its power and a tier of 1-5; the page's sales line up.
    const weapons = (
      await viewOfSnapshot(snapshot.stock!.stock, {
        lookup,
        collectibles: null,
        assetUrl: (p) => p,
      })
    ).groups
      .flatMap((g) => g.vendors)
      .find((v) => v.vendorHash === VendorHashes.Banshee)!
      .sales.filter((s) => s.kind === "weapon");
    expect(weapons.length).toBeGreaterThan(5);
    for (const sale of weapons) {
      const detail = first[String(sale.vendorItemIndex)];
      expect(detail?.gearTier, sale.name).toBeGreaterThanOrEqual(1);
      expect(detail?.gearTier).toBeLessThanOrEqual(5);
      expect(detail?.power).toBeGreaterThan(0);
    }
    expect(
      Object.keys(first).every((i) => banshee.sales.some((s) => String(s.vendorItemIndex) === i)),
    ).toBe(true);
    const [again, warm] = await calls(details);
    expect(warm).toEqual({});
    expect(again).toEqual(first);
  });

  it("shares the cache between app instances through Redis", async () => {
    const one = createCache({ redis: REDIS_URL, prefix, now: () => clock });
    const two = createCache({ redis: REDIS_URL, prefix, now: () => clock });
    try {
      const [, cold] = await calls(() => view({ cache: one }));
      expect(cold).toEqual({ "Destiny2.GetProfile": 1, "Destiny2.GetVendors": 1 });
      const [, warm] = await calls(() => view({ cache: two }));
      expect(warm).toEqual({});
    } finally {
      await one.close();
      await two.close();
    }
  });

  it("names a screen vendor Bungie sent no sales for, once, and shows the others", async () => {
    const banshee = VendorHashes.Banshee;
    const client = createBungieClient({
      origin: server.url,
      ...DEMO_BUNGIE_APP,
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        const url = String(input instanceof Request ? input.url : input);
        if (!/\/Vendors\/(\?|$)/.test(url)) return response;
        const body = (await response.json()) as { Response: DestinyVendorsResponse };
        delete body.Response.sales?.data?.[banshee];
        return new Response(JSON.stringify(body), {
          status: response.status,
          headers: { "Content-Type": "application/json" },
        });
      },
    });
    const snapshot = await view({ call: { client } });
    const stock = snapshot.stock!.stock;
    expect(stock.failedVendorHashes).toEqual([banshee]);
    const built = await viewOfSnapshot(stock, { lookup, collectibles: null, assetUrl: (p) => p });
    expect(built.failedVendors).toEqual([{ vendorHash: banshee, name: "Banshee-44" }]);
    const names = built.groups.flatMap((g) => g.vendors.map((v) => v.name));
    expect(names).not.toContain("Banshee-44");
    expect(names).toHaveLength(37);
    // Kept only a few minutes, so the gap closes without the player doing anything.
    clock += 5 * 60_000 - 1_000;
    const [, kept] = await calls(() => view({ call: { client } }));
    expect(kept).toEqual({});
    clock += 2_000;
    const [healed, reread] = await calls(() => view());
    expect(reread).toEqual({ "Destiny2.GetVendors": 1 });
    expect(healed.stock!.stock.failedVendorHashes).toEqual([]);
  });

  it("shows a vendor chosen for the digest that is not on the game's screen", async () => {
    const [first] = await calls(() => view());
    const onScreen = new Set(first.stock!.stock.vendors.map((v) => v.vendorHash));
    const list = (await (
      await fetch(
        `${server.url}/Platform/Destiny2/${profile.membershipType}/Profile/${profile.membershipId}/Character/${first.characterId}/Vendors/?components=400`,
        {
          headers: {
            "X-API-Key": DEMO_BUNGIE_APP.apiKey,
            Authorization: `Bearer ${server.sandbox.issueToken("demo").access_token}`,
          },
        },
      )
    ).json()) as { Response: DestinyVendorsResponse };
    const beyond = Object.keys(list.Response.vendors!.data!)
      .map(Number)
      .find((hash) => !onScreen.has(hash))!;
    const [chosen, cost] = await calls(() => view({ chosen: [beyond] }));
    // A different choice is a different entry: one GetVendors, the characters still cached.
    expect(cost).toEqual({ "Destiny2.GetVendors": 1 });
    expect(chosen.stock!.stock.chosen).toEqual([beyond]);
  });
});
