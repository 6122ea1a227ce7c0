import { describe, expect, it } from "vitest";
import { VendorHashes } from "@/lib/destiny/game-facts";
import { buildScreenView, CHOSEN_GROUP_NAME } from "@/lib/vendors/build-screen-view";
import { filterVendorsView } from "@/lib/vendors/filters";
import { selectScreenStock, stockExpiry, type ScreenInput } from "@/lib/vendors/screen-stock";
import { GLIMMER, groupDef, item, lookupOf, vendor, vendorDef } from "./fixtures";

const TOWER = 100;
const ROTATING = 200;
const EVERVERSE_GROUP = 300;
const { Banshee: BANSHEE, Ada: ADA, Xur: XUR, TessEveris: TESS } = VendorHashes;
const ENGRAMS = 5001; // Xûr's "Exotic Engram" preview screen
const ENGRAM_LINK = 40; // the sale item that opens it
const NESTED = 5002; // a preview inside the preview
const NESTED_LINK = 41;
const PIECE_A = 6001; // Eververse's pieces: definitions in Tess's group, not on the screen
const PIECE_B = 6002;
const KIOSK = 7001; // one of the ~190 vendors beyond the screen
const BROKEN = 7002; // on the screen, but Bungie sent no sales entry

const previews: Record<number, number> = { [ENGRAM_LINK]: ENGRAMS, [NESTED_LINK]: NESTED };
const defGroups: Record<number, number[]> = {
  [BANSHEE]: [TOWER],
  [ADA]: [TOWER],
  [XUR]: [ROTATING],
  [TESS]: [EVERVERSE_GROUP],
  [PIECE_A]: [EVERVERSE_GROUP],
  [PIECE_B]: [EVERVERSE_GROUP],
};

function input(overrides: Partial<ScreenInput> = {}): ScreenInput {
  return {
    groups: [
      { vendorGroupHash: ROTATING, vendorHashes: [XUR] },
      { vendorGroupHash: EVERVERSE_GROUP, vendorHashes: [TESS] },
      { vendorGroupHash: TOWER, vendorHashes: [BANSHEE, ADA, BROKEN] },
    ],
    vendors: [
      vendor(BANSHEE, [{ index: 0, itemHash: 1, costs: [[GLIMMER, 5000]] }]),
      vendor(ADA, [{ index: 0, itemHash: 3 }]),
      vendor(XUR, [
        { index: 0, itemHash: 2 },
        { index: 1, itemHash: ENGRAM_LINK },
      ]),
      vendor(ENGRAMS, [
        { index: 0, itemHash: 2 },
        { index: 1, itemHash: NESTED_LINK },
      ]),
      vendor(NESTED, [{ index: 0, itemHash: 3 }]),
      vendor(TESS, [{ index: 0, itemHash: 10 }]),
      vendor(PIECE_A, [{ index: 0, itemHash: 11 }]),
      vendor(PIECE_B, [{ index: 0, itemHash: 12 }]),
      vendor(KIOSK, [{ index: 0, itemHash: 1 }]),
      vendor(BROKEN, []),
    ],
    withoutSales: [BROKEN],
    chosen: [],
    previewVendorOf: (itemHash) => previews[itemHash] ?? null,
    groupsOf: (hash) => defGroups[hash] ?? [],
    ...overrides,
  };
}

describe("selectScreenStock", () => {
  it("keeps the game's screen in its order and leaves the vendors beyond it out", () => {
    const stock = selectScreenStock(input());
    expect(stock.groups).toEqual([
      { vendorGroupHash: ROTATING, vendorHashes: [XUR] },
      { vendorGroupHash: EVERVERSE_GROUP, vendorHashes: [TESS] },
      { vendorGroupHash: TOWER, vendorHashes: [BANSHEE, ADA] },
    ]);
    expect(stock.vendors.map((v) => v.vendorHash)).not.toContain(KIOSK);
    expect(stock.failedVendorHashes).toEqual([BROKEN]);
  });

  it("nests sub-vendors under the sale that opens them, two levels deep", () => {
    const stock = selectScreenStock(input());
    expect(stock.children[String(XUR)]).toEqual([
      { vendorHash: ENGRAMS, via: { itemHash: ENGRAM_LINK } },
    ]);
    expect(stock.children[String(ENGRAMS)]).toEqual([
      { vendorHash: NESTED, via: { itemHash: NESTED_LINK } },
    ]);
  });

  it("folds Eververse's pieces into Tess Everis", () => {
    const stock = selectScreenStock(input());
    expect(stock.children[String(TESS)]).toEqual([
      { vendorHash: PIECE_A, via: null },
      { vendorHash: PIECE_B, via: null },
    ]);
    // Without Tess on the screen her pieces stay out too.
    const without = selectScreenStock(
      input({ groups: [{ vendorGroupHash: TOWER, vendorHashes: [BANSHEE] }] }),
    );
    expect(without.vendors.map((v) => v.vendorHash)).toEqual([BANSHEE]);
  });

  it("adds the vendors chosen for the digest, once, and skips chosen ones not in the game now", () => {
    const stock = selectScreenStock(input({ chosen: [KIOSK, BANSHEE, KIOSK, 999] }));
    expect(stock.chosen).toEqual([KIOSK]);
    // 999 is not listed at all (Xûr on a weekday): not in the game, not a failure.
    expect(stock.failedVendorHashes).toEqual([BROKEN]);
  });

  it("does not nest a screen vendor under another that links to it", () => {
    const stock = selectScreenStock(input({ previewVendorOf: (h) => (h === 1 ? ADA : null) }));
    expect(stock.children[String(BANSHEE)]).toBeUndefined();
    expect(stock.groups.at(-1)!.vendorHashes).toEqual([BANSHEE, ADA]);
  });
});

describe("stockExpiry", () => {
  const now = Date.parse("2026-11-28T18:00:00Z");
  it("is the earliest future refresh of a vendor or of one of its sales", () => {
    const weekly = vendor(BANSHEE, [{ index: 0, itemHash: 1, refresh: "2026-11-29T17:00:00Z" }], {
      nextRefreshDate: "2026-12-01T17:00:00Z",
    });
    const never = vendor(ADA, [], { nextRefreshDate: "9999-12-31T23:59:59Z" });
    expect(stockExpiry({ vendors: [weekly, never] }, now)).toBe(Date.parse("2026-11-29T17:00:00Z"));
  });
  it("ignores dates already past, and is null when no vendor names a future one", () => {
    const past = vendor(BANSHEE, [], { nextRefreshDate: "2026-11-27T17:00:00Z" });
    expect(stockExpiry({ vendors: [past] }, now)).toBeNull();
  });
});

describe("buildScreenView", () => {
  const definitions = lookupOf({
    items: [
      item(1, { name: "Fatebringer", itemType: 3, itemTypeDisplayName: "Hand Cannon" }),
      item(2, { name: "Gjallarhorn", itemType: 3, rarity: 6, itemTypeDisplayName: "Rocket" }),
      item(3, { name: "Helm of Saint-14", itemType: 2, rarity: 6 }),
      item(ENGRAM_LINK, { name: "Exotic Engram", previewVendorHash: ENGRAMS }),
      item(NESTED_LINK, { name: "Focused Decoding", previewVendorHash: NESTED }),
      item(10, { name: "Ornament" }),
      item(11, { name: "Ghost Shell" }),
      item(12, { name: "Sparrow" }),
      item(GLIMMER, { name: "Glimmer" }),
    ],
    vendors: [
      vendorDef(BANSHEE, "Banshee-44", [TOWER]),
      vendorDef(ADA, "Ada-1", [TOWER]),
      vendorDef(XUR, "Xûr", [ROTATING]),
      vendorDef(TESS, "Tess Everis", [EVERVERSE_GROUP]),
      vendorDef(ENGRAMS, "Exotic Engram Preview", []),
      vendorDef(NESTED, "Decoding Preview", []),
      { ...vendorDef(PIECE_A, "Eververse", [EVERVERSE_GROUP]) },
      vendorDef(KIOSK, "Kiosk", []),
      vendorDef(BROKEN, "Saint-14", [TOWER]),
    ].map((d) =>
      d.hash === PIECE_A
        ? { ...d, displayProperties: { ...d.displayProperties, subtitle: "Featured" } }
        : d,
    ),
    groups: [
      groupDef(TOWER, "The Last City", 1),
      groupDef(ROTATING, "Limited Time", 2),
      groupDef(EVERVERSE_GROUP, "Eververse", 3),
    ],
  });
  const options = { definitions, collectibles: null, assetUrl: (p: string | null) => p };

  it("shows the screen's groups in order, sub-vendors nested and named by the sale opening them", () => {
    const view = buildScreenView(selectScreenStock(input({ chosen: [KIOSK] })), options);
    expect(view.groups.map((g) => [g.name, g.vendors.map((v) => v.name)])).toEqual([
      ["Limited Time", ["Xûr"]],
      ["Eververse", ["Tess Everis"]],
      ["The Last City", ["Banshee-44", "Ada-1"]],
      [CHOSEN_GROUP_NAME, ["Kiosk"]],
    ]);
    const xur = view.groups[0]!.vendors[0]!;
    // The engram link is the sub-vendor's heading, not a sale of its own.
    expect(xur.sales.map((s) => s.name)).toEqual(["Gjallarhorn"]);
    expect(xur.subVendors!.map((s) => s.name)).toEqual(["Exotic Engram"]);
    expect(xur.subVendors![0]!.subVendors!.map((s) => [s.name, s.sales.length])).toEqual([
      ["Focused Decoding", 1],
    ]);
    const tess = view.groups[1]!.vendors[0]!;
    // One Eververse: her pieces inside her card, by their page ("Featured"); a piece the
    // manifest does not know (PIECE_B) is left out rather than shown as "Unknown vendor".
    expect(tess.subVendors!.map((s) => s.name)).toEqual(["Featured"]);
  });

  it("names a vendor that failed once, and only counts vendors the manifest does not name", () => {
    const stock = selectScreenStock(
      input({
        groups: [{ vendorGroupHash: TOWER, vendorHashes: [BANSHEE, BROKEN, 8001, 8002] }],
        vendors: [...input().vendors, vendor(8001, [{ index: 0, itemHash: 1 }]), vendor(8002, [])],
        withoutSales: [BROKEN, 8002],
      }),
    );
    const view = buildScreenView(stock, options);
    expect(view.failedVendors).toEqual([{ vendorHash: BROKEN, name: "Saint-14" }]);
    expect(view.unnamedVendorCount).toBe(2);
    expect(JSON.stringify(view)).not.toContain("Unknown vendor");
  });

  it("filters into sub-vendors: a vendor stays while one of its previews matches", () => {
    const view = buildScreenView(selectScreenStock(input()), options);
    const exotic = filterVendorsView(view, { filters: ["exotic", "armor"] });
    const xur = exotic.groups.find((g) => g.name === "Limited Time")!.vendors[0]!;
    expect(xur.sales).toEqual([]);
    expect(xur.subVendors![0]!.subVendors![0]!.sales.map((s) => s.name)).toEqual([
      "Helm of Saint-14",
    ]);
  });
});
