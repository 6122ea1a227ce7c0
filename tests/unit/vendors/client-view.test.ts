import { describe, expect, it } from "vitest";
import {
  countMatching,
  facetSale,
  saleFacet,
  toClientVendorSales,
  toClientView,
} from "@/lib/vendors/client-view";
import {
  filterVendorsView,
  SALE_FILTERS,
  saleMatches,
  type SaleFilter,
} from "@/lib/vendors/filters";
import type { VendorSaleView, VendorView, VendorsView } from "@/lib/vendors/types";

const GLIMMER = { itemHash: 3159615086, name: "Glimmer", iconUrl: "/g.png" };
const SHARDS = { itemHash: 1022552290, name: "Legendary Shards", iconUrl: "/s.png" };

function sale(
  index: number,
  kind: VendorSaleView["kind"],
  rarity: number,
  owned: boolean | null,
  extra: Partial<VendorSaleView> = {},
): VendorSaleView {
  return {
    vendorItemIndex: index,
    itemHash: 1000 + index,
    name: `Item ${index}`,
    iconUrl: `/i${index}.png`,
    rarity,
    rarityName: rarity === 6 ? "Exotic" : "Legendary",
    typeName: "Hand Cannon",
    kind,
    quantity: 1,
    costs: [
      { ...GLIMMER, quantity: 5000 },
      { ...SHARDS, quantity: 10 },
    ],
    refreshesAt: "2026-12-05T17:00:00Z",
    owned,
    ...extra,
  };
}

const sub: VendorView = {
  vendorHash: 2,
  name: "Exotic Engram",
  subtitle: "",
  iconUrl: null,
  nextRefreshDate: "2026-12-05T17:00:00Z",
  sales: [sale(10, "armor", 6, false)],
  subVendors: [],
};
const top: VendorView = {
  vendorHash: 1,
  name: "Xûr",
  subtitle: "Agent of the Nine",
  iconUrl: "/x.png",
  nextRefreshDate: "2026-12-05T17:00:00Z",
  sales: [
    sale(1, "weapon", 6, true),
    sale(2, "mod", 4, null, { quantity: 3 }),
    sale(3, "other", 5, false, { refreshesAt: "2026-12-04T20:00:00Z" }),
  ],
  subVendors: [sub],
};
const view: VendorsView = {
  groups: [{ groupHash: 7, name: "Vendors", vendors: [top] }],
  failedVendors: [],
  collectionsKnown: true,
};

describe("the vendors page's client view", () => {
  it("encodes each sale's kind, exoticness and ownership in one character", () => {
    for (const kind of ["weapon", "armor", "mod", "other"] as const) {
      for (const owned of [true, false, null]) {
        const facet = saleFacet({ kind, rarity: 6, owned });
        expect(facet).toHaveLength(1);
        expect(facetSale(facet)).toEqual({ kind, rarity: 6, owned });
        expect(facetSale(saleFacet({ kind, rarity: 5, owned })).rarity).not.toBe(6);
      }
    }
  });

  it("counts what the server-side filter keeps, for every combination of filters", () => {
    const client = toClientView(view).groups[0]!.vendors[0]!;
    const combos: SaleFilter[][] = [[]];
    for (const f of SALE_FILTERS) combos.push(...combos.map((c) => [...c, f]));
    for (const filters of combos) {
      const kept = filterVendorsView(view, { filters }).groups[0]?.vendors[0];
      const count = (v: VendorView | undefined): number =>
        v ? v.sales.length + (v.subVendors ?? []).reduce((n, s) => n + count(s), 0) : 0;
      expect(countMatching(client, filters), filters.join("+")).toBe(count(kept));
    }
  });

  it("sends no sales in the page, only the vendors and their facets", () => {
    const client = toClientView(view);
    expect(JSON.stringify(client)).not.toContain("Item 1");
    expect(client.groups[0]!.vendors[0]!.subVendors[0]!.facets).toHaveLength(1);
  });

  it("names each currency and rarity once for the vendor's sales, and leaves defaults out", () => {
    const sales = toClientVendorSales(top);
    expect(sales.currencies).toEqual({
      [GLIMMER.itemHash]: { name: "Glimmer", iconUrl: "/g.png" },
      [SHARDS.itemHash]: { name: "Legendary Shards", iconUrl: "/s.png" },
    });
    expect(sales.rarityNames).toEqual({ 6: "Exotic", 4: "Legendary", 5: "Legendary" });
    const [first, second, third] = sales.sales;
    expect(first).not.toHaveProperty("quantity");
    expect(first).not.toHaveProperty("leavesAt");
    expect(first!.costs).toEqual([
      [GLIMMER.itemHash, 5000],
      [SHARDS.itemHash, 10],
    ]);
    expect(second!.quantity).toBe(3);
    expect(third!.leavesAt).toBe("2026-12-04T20:00:00Z");
    expect(sales.subVendors[0]!.sales.map((s) => s.vendorItemIndex)).toEqual([10]);
    expect(saleMatches(sales.subVendors[0]!.sales[0]!, ["exotic", "unowned"])).toBe(true);
  });
});
