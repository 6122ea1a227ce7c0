// The vendors at the real game's size and shape (../shared/bungie-api/REAL-VENDORS.md): about 230
// listed, the vendors screen's ten groups, sales for every listed vendor and two unlisted ones,
// sub-vendors behind free preview items, Eververse in pieces, never/weekly/daily refreshes,
// class-bound stock, today's currencies, and GetVendor's instances with gear tiers.
import { describe, expect, it } from "vitest";
import { CurrencyHashes, VendorHashes } from "@/lib/destiny/game-facts";
import { getManifestDefinitions } from "@/sandbox/world/definitions";
import type { VendorDefinition } from "@/sandbox/world/definitions/vendors";
import { call, demo, testSandbox } from "./helpers";

const defs = getManifestDefinitions();
const vendorDefs = defs.tables.DestinyVendorDefinition as Record<string, VendorDefinition>;
const itemDefs = defs.tables.DestinyInventoryItemDefinition as Record<
  string,
  { preview?: { previewVendorHash: number }; classType: number; itemType: number }
>;
// Saturday 5 December 2026, 18:00 UTC: Xûr is in.
const SATURDAY = Date.UTC(2026, 11, 5, 18);
const WEDNESDAY = Date.UTC(2026, 11, 9, 12);
const LEGENDARY_SHARDS = 1022552290;

type Sale = {
  vendorItemIndex: number;
  itemHash: number;
  costs: { itemHash: number; quantity: number }[];
  overrideNextRefreshDate?: string;
};
type Vendors = {
  vendorGroups: { data: { groups: { vendorGroupHash: number; vendorHashes: number[] }[] } };
  vendors: { data: Record<string, { vendorHash: number; nextRefreshDate: string }> };
  sales: { data: Record<string, { saleItems: Record<string, Sale> }> };
  itemComponents: Record<string, unknown>;
};

async function vendorsOf(start: number, character: "titan" | "hunter" | "warlock" = "hunter") {
  const { sandbox } = testSandbox({ start });
  const d = await demo(sandbox);
  const base = `/Platform/Destiny2/3/Profile/${d.profile.membershipId}/Character/${d[character].characterId}/Vendors/`;
  const body = (await call<Vendors>(sandbox, `${base}?components=400,401,402,600`, d)).body;
  expect(body.ErrorCode).toBe(1);
  return { sandbox, d, base, response: body.Response as Vendors };
}

function quartiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.floor(p * (sorted.length - 1))] ?? 0;
  return { min: sorted[0], q1: at(0.25), median: at(0.5), q3: at(0.75), max: sorted.at(-1) };
}

describe("GetVendors at real scale", () => {
  it("lists ~230 vendors, sends sales for every one of them and two more, ~3,000 sale items", async () => {
    const { response } = await vendorsOf(SATURDAY);
    const listed = Object.keys(response.vendors.data);
    const withSales = Object.keys(response.sales.data);
    expect(listed.length).toBe(231);
    // Every listed vendor has sales; Bungie also sends sales for two vendors it does not list.
    expect(listed.every((hash) => withSales.includes(hash))).toBe(true);
    expect(withSales.length).toBe(233);
    const counts = withSales.map(
      (hash) => Object.keys(response.sales.data[hash]!.saleItems).length,
    );
    const total = counts.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(2_600);
    expect(total).toBeLessThan(3_200);
    const q = quartiles(counts);
    expect(q.min).toBe(1);
    expect(q.q1).toBeGreaterThanOrEqual(2);
    expect(q.q1).toBeLessThanOrEqual(4);
    expect(q.median).toBeGreaterThanOrEqual(6);
    expect(q.median).toBeLessThanOrEqual(9);
    expect(q.q3).toBeGreaterThanOrEqual(13);
    expect(q.q3).toBeLessThanOrEqual(20);
    expect(q.max).toBeGreaterThanOrEqual(200);
    // Like Bungie since 2024: no item components from GetVendors.
    expect(response.itemComponents).toEqual({});
  });

  it("names 38 of them in the vendors screen's ten groups, in the game's order", async () => {
    const { response } = await vendorsOf(SATURDAY);
    const groups = response.vendorGroups.data.groups;
    expect(groups.map((g) => g.vendorHashes.length)).toEqual([1, 4, 4, 1, 14, 1, 2, 1, 2, 8]);
    expect(groups[0]?.vendorHashes).toEqual([VendorHashes.Xur]);
    const onScreen = groups.flatMap((g) => g.vendorHashes);
    for (const hash of [VendorHashes.Banshee, VendorHashes.Ada, VendorHashes.TessEveris])
      expect(onScreen).toContain(hash);
    const names = groups.map(
      (g) =>
        (defs.tables.DestinyVendorGroupDefinition as Record<string, { categoryName: string }>)[
          String(g.vendorGroupHash)
        ]?.categoryName,
    );
    expect(names[0]).toBe("Limited Time");
    expect(names).toContain("The Last City");
  });

  it("leaves Xûr out on weekdays, from the list and his group", async () => {
    const { response } = await vendorsOf(WEDNESDAY);
    expect(Object.keys(response.vendors.data)).toHaveLength(230);
    expect(response.vendors.data[String(VendorHashes.Xur)]).toBeUndefined();
    expect(response.vendorGroups.data.groups.map((g) => g.vendorHashes.length)).toEqual([
      4, 4, 1, 14, 1, 2, 1, 2, 8,
    ]);
  });

  it("prices sales in today's currencies, never in Legendary Shards", async () => {
    const { response } = await vendorsOf(SATURDAY);
    const byCurrency = new Map<number, number>();
    let free = 0;
    for (const vendor of Object.values(response.sales.data)) {
      for (const sale of Object.values(vendor.saleItems)) {
        if (sale.costs.length === 0) free++;
        for (const cost of sale.costs)
          byCurrency.set(cost.itemHash, (byCurrency.get(cost.itemHash) ?? 0) + 1);
      }
    }
    expect(byCurrency.has(LEGENDARY_SHARDS)).toBe(false);
    const today = new Set<number>(Object.values(CurrencyHashes));
    expect([...byCurrency.keys()].every((hash) => today.has(hash))).toBe(true);
    const ranked = [...byCurrency].sort((a, b) => b[1] - a[1]).map(([hash]) => hash);
    expect(ranked[0]).toBe(CurrencyHashes.Glimmer);
    expect(ranked.slice(0, 3)).toContain(CurrencyHashes.Silver);
    for (const hash of [
      CurrencyHashes.Chronologs,
      CurrencyHashes.EnhancementCore,
      CurrencyHashes.LegendaryMark,
      CurrencyHashes.VanguardInsignia,
      CurrencyHashes.ExoticEngram,
      CurrencyHashes.ExoticCipher,
      CurrencyHashes.BrightDust,
      CurrencyHashes.AscendantShard,
      CurrencyHashes.StrangeCoin,
    ])
      expect(byCurrency.get(hash) ?? 0, String(hash)).toBeGreaterThan(0);
    // Hundreds of sales cost nothing: previews and links to sub-vendors among them.
    expect(free).toBeGreaterThan(400);
  });

  it("refreshes most vendors daily, some weekly, some never; some sales on their own schedule", async () => {
    const { response } = await vendorsOf(SATURDAY);
    const dates = Object.values(response.vendors.data).map((v) => v.nextRefreshDate);
    const never = dates.filter((d) => d === "9999-12-31T23:59:59Z").length;
    const daily = dates.filter((d) => d === "2026-12-06T17:00:00Z").length;
    const weekly = dates.filter((d) => d === "2026-12-08T17:00:00Z").length;
    expect(never).toBeGreaterThanOrEqual(20);
    expect(daily).toBeGreaterThan(180);
    expect(weekly).toBeGreaterThan(0);
    expect(never + daily + weekly).toBe(dates.length);
    const overrides = Object.entries(response.sales.data).flatMap(([hash, v]) =>
      Object.values(v.saleItems)
        .filter((s) => s.overrideNextRefreshDate !== undefined)
        .map((s) => [response.vendors.data[hash]?.nextRefreshDate, s.overrideNextRefreshDate]),
    );
    expect(overrides.length).toBeGreaterThan(400);
    expect(overrides.every(([vendor, own]) => vendor !== own)).toBe(true);
  });

  it("reaches sub-vendors through free sales whose item previews them (previewVendorHash)", async () => {
    const { response } = await vendorsOf(SATURDAY);
    const subVendors = new Set<number>();
    for (const [hash, vendor] of Object.entries(response.sales.data)) {
      for (const sale of Object.values(vendor.saleItems)) {
        const preview = itemDefs[String(sale.itemHash)]?.preview;
        if (!preview) continue;
        expect(sale.costs, `${hash} ${sale.itemHash}`).toEqual([]);
        subVendors.add(preview.previewVendorHash);
      }
    }
    expect(subVendors.size).toBeGreaterThanOrEqual(50);
    for (const hash of subVendors) {
      expect(vendorDefs[String(hash)], String(hash)).toBeDefined();
      // Each is a vendor in its own right, with stock of its own.
      expect(
        Object.keys(response.sales.data[String(hash)]?.saleItems ?? {}).length,
      ).toBeGreaterThan(0);
    }
    // Banshee-44 links to his focusing screen.
    const banshee = Object.values(response.sales.data[String(VendorHashes.Banshee)]!.saleItems);
    expect(banshee.some((s) => itemDefs[String(s.itemHash)]?.preview)).toBe(true);
  });

  it("splits Eververse into many definitions, only Tess Everis on the screen", async () => {
    const { response } = await vendorsOf(SATURDAY);
    const eververseGroup = vendorDefs[String(VendorHashes.TessEveris)]!.groups[0]!.vendorGroupHash;
    const pieces = Object.values(vendorDefs).filter((v) =>
      v.groups.some((g) => g.vendorGroupHash === eververseGroup),
    );
    expect(pieces.length).toBeGreaterThanOrEqual(20);
    expect(pieces.filter((v) => v.displayProperties.name === "Eververse").length).toBe(
      pieces.length - 1,
    );
    const group = response.vendorGroups.data.groups.find(
      (g) => g.vendorGroupHash === eververseGroup,
    );
    expect(group?.vendorHashes).toEqual([VendorHashes.TessEveris]);
    for (const piece of pieces)
      expect(response.vendors.data[String(piece.hash)], piece.vendorIdentifier).toBeDefined();
  });

  it("rolls class-bound stock per character and leaves it out of GetPublicVendors", async () => {
    const hunter = await vendorsOf(SATURDAY, "hunter");
    const titan = await vendorsOf(SATURDAY, "titan");
    const ada = (r: Vendors) =>
      Object.values(r.sales.data[String(VendorHashes.Ada)]!.saleItems).map((s) => s.itemHash);
    expect(ada(hunter.response)).not.toEqual(ada(titan.response));
    for (const [r, classType] of [
      [hunter.response, 1],
      [titan.response, 0],
    ] as const) {
      for (const hash of ada(r))
        expect([3, classType]).toContain(itemDefs[String(hash)]?.classType);
    }
    // Banshee-44's stock is the same for everybody, and so in GetPublicVendors.
    const banshee = (r: Vendors) => r.sales.data[String(VendorHashes.Banshee)]!.saleItems;
    expect(Object.keys(banshee(hunter.response))).toEqual(Object.keys(banshee(titan.response)));
    const publicVendors = (
      await call<Vendors>(hunter.sandbox, "/Platform/Destiny2/Vendors/?components=400,402")
    ).body.Response as Vendors;
    expect(Object.keys(publicVendors.sales.data[String(VendorHashes.Banshee)]!.saleItems)).toEqual(
      Object.keys(banshee(hunter.response)),
    );
    expect(publicVendors.vendors.data[String(VendorHashes.Ada)]).toBeUndefined();
    expect(publicVendors.vendors.data[String(VendorHashes.Xur)]).toBeUndefined();
    const listed = Object.keys(publicVendors.vendors.data).length;
    expect(listed).toBeGreaterThan(150);
    expect(listed).toBeLessThan(231);
  });

  it("GetVendor gives rolled gear on sale an instance with the character's power and a gear tier", async () => {
    const { sandbox, d, base } = await vendorsOf(SATURDAY);
    const profile = (
      await call<{ characters: { data: Record<string, { light: number }> } }>(
        sandbox,
        `/Platform/Destiny2/3/Profile/${d.profile.membershipId}/?components=200`,
        d,
      )
    ).body.Response!;
    const light = profile.characters.data[d.hunter.characterId]!.light;
    const banshee = (
      await call<{
        sales: { data: Record<string, Sale> };
        itemComponents: {
          instances: {
            data: Record<string, { primaryStat?: { value: number }; gearTier?: number }>;
          };
        };
      }>(sandbox, `${base}${VendorHashes.Banshee}/?components=400,402,300`, d)
    ).body.Response!;
    const instances = Object.entries(banshee.itemComponents.instances.data);
    expect(instances.length).toBeGreaterThan(10);
    for (const [index, instance] of instances) {
      const sale = banshee.sales.data[index]!;
      expect(itemDefs[String(sale.itemHash)]?.itemType).toBe(3);
      expect(instance.gearTier).toBeGreaterThanOrEqual(1);
      expect(instance.gearTier).toBeLessThanOrEqual(5);
      expect(instance.primaryStat?.value).toBeGreaterThanOrEqual(light - 10);
      expect(instance.primaryStat?.value).toBeLessThanOrEqual(light);
    }
  });
});
