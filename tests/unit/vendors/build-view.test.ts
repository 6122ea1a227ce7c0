import { describe, expect, it } from "vitest";
import { buildVendorsView, saleKind } from "@/lib/vendors/build-view";
import { GLIMMER, CHRONOLOGS, groupDef, item, lookupOf, vendor, vendorDef } from "./fixtures";

const TOWER = 100;
const ROTATING = 200;
const BANSHEE = 672118013;
const ADA = 350061650;
const XUR = 2190858386;

const definitions = lookupOf({
  items: [
    item(1, {
      name: "Fatebringer",
      itemType: 3,
      itemTypeDisplayName: "Hand Cannon",
      collectibleHash: 901,
    }),
    item(2, {
      name: "Gjallarhorn",
      itemType: 3,
      rarity: 6,
      itemTypeDisplayName: "Rocket Launcher",
      collectibleHash: 902,
    }),
    item(3, {
      name: "Helm of Saint-14",
      itemType: 2,
      rarity: 6,
      itemTypeDisplayName: "Helmet",
      collectibleHash: 903,
    }),
    item(4, {
      name: "Harmonic Siphon",
      itemType: 19,
      rarity: 4,
      itemTypeDisplayName: "Armor Mod",
    }),
    item(5, { name: "Enhancement Core", itemType: 10, rarity: 3 }),
    item(GLIMMER, { name: "Glimmer", itemType: 1, rarity: 1 }),
    item(CHRONOLOGS, { name: "Chronologs", itemType: 1, rarity: 1 }),
  ],
  vendors: [
    vendorDef(BANSHEE, "Banshee-44", [TOWER]),
    vendorDef(ADA, "Ada-1", [TOWER]),
    vendorDef(XUR, "Xûr", [ROTATING]),
  ],
  groups: [groupDef(TOWER, "The Last City", 1), groupDef(ROTATING, "Limited Time", 2)],
});
const assetUrl = (path: string | null) => (path ? `https://bungie.test${path}` : null);

describe("buildVendorsView", () => {
  it("keeps Bungie's vendorGroups order and resolves names, icons, rarities, types and costs", () => {
    const view = buildVendorsView(
      {
        groups: [
          { vendorGroupHash: ROTATING, vendorHashes: [XUR] },
          { vendorGroupHash: TOWER, vendorHashes: [ADA, BANSHEE] },
        ],
        vendors: [
          vendor(BANSHEE, [
            {
              index: 0,
              itemHash: 1,
              gearTier: 4,
              costs: [
                [GLIMMER, 10000],
                [CHRONOLOGS, 20],
              ],
            },
          ]),
          vendor(ADA, [{ index: 2, itemHash: 4, costs: [[GLIMMER, 10000]], gearTier: null }]),
          vendor(XUR, [{ index: 5, itemHash: 2, costs: [[CHRONOLOGS, 125]] }]),
        ],
        failedVendorHashes: [],
      },
      { definitions, collectibles: null, assetUrl },
    );
    expect(view.groups.map((g) => [g.name, g.vendors.map((v) => v.name)])).toEqual([
      ["Limited Time", ["Xûr"]],
      ["The Last City", ["Ada-1", "Banshee-44"]],
    ]);
    const banshee = view.groups[1]!.vendors[1]!;
    expect(banshee).toMatchObject({
      vendorHash: BANSHEE,
      subtitle: "Banshee-44 subtitle",
      iconUrl: `https://bungie.test/vendors/${BANSHEE}.png`,
      nextRefreshDate: "2026-11-26T17:00:00Z",
    });
    expect(banshee.sales[0]).toEqual({
      vendorItemIndex: 0,
      itemHash: 1,
      name: "Fatebringer",
      iconUrl: "https://bungie.test/icons/1.png",
      rarity: 5,
      rarityName: "Legendary",
      gearTier: 4,
      typeName: "Hand Cannon",
      kind: "weapon",
      quantity: 1,
      costs: [
        {
          itemHash: GLIMMER,
          name: "Glimmer",
          iconUrl: `https://bungie.test/icons/${GLIMMER}.png`,
          quantity: 10000,
        },
        {
          itemHash: CHRONOLOGS,
          name: "Chronologs",
          iconUrl: `https://bungie.test/icons/${CHRONOLOGS}.png`,
          quantity: 20,
        },
      ],
      refreshesAt: "2026-11-26T17:00:00Z",
      owned: null,
    });
    expect(view.collectionsKnown).toBe(false);
    // A sale whose instance says no tier has none; one whose instance was not read says nothing.
    expect(view.groups[1]!.vendors[0]!.sales[0]!.gearTier).toBeNull();
    expect(view.groups[0]!.vendors[0]!.sales[0]).not.toHaveProperty("gearTier");
  });

  it("groups by the vendor definitions, in group order, when Bungie sends no vendorGroups", () => {
    const view = buildVendorsView(
      {
        groups: [],
        vendors: [
          vendor(XUR, [{ index: 0, itemHash: 2 }]),
          vendor(BANSHEE, [{ index: 0, itemHash: 1 }]),
          vendor(ADA, [{ index: 0, itemHash: 4 }]),
          vendor(999, [{ index: 0, itemHash: 5 }]),
        ],
        failedVendorHashes: [],
      },
      { definitions, collectibles: null, assetUrl },
    );
    expect(view.groups.map((g) => [g.name, g.vendors.map((v) => v.name)])).toEqual([
      ["The Last City", ["Ada-1", "Banshee-44"]],
      ["Limited Time", ["Xûr"]],
      // A vendor the manifest lacks still shows, under its stand-in name.
      ["Other vendors", ["Unknown vendor"]],
    ]);
  });

  it("leaves out disabled vendors and vendors with nothing on sale, and names failed ones", () => {
    const view = buildVendorsView(
      {
        groups: [{ vendorGroupHash: TOWER, vendorHashes: [BANSHEE, ADA] }],
        vendors: [
          vendor(BANSHEE, [], {}),
          vendor(ADA, [{ index: 0, itemHash: 4 }], { enabled: false }),
        ],
        failedVendorHashes: [XUR],
      },
      { definitions, collectibles: null, assetUrl },
    );
    expect(view.groups).toEqual([]);
    expect(view.failedVendors).toEqual([{ vendorHash: XUR, name: "Xûr" }]);
  });

  it("sorts sales in the game's order and prefers a sale's own refresh date", () => {
    const view = buildVendorsView(
      {
        groups: [],
        vendors: [
          vendor(BANSHEE, [
            { index: 0, itemHash: 5, quantity: 3 },
            { index: 7, itemHash: 1, refresh: "2026-12-01T17:00:00Z" },
          ]),
        ],
        failedVendorHashes: [],
      },
      { definitions, collectibles: null, assetUrl },
    );
    const sales = view.groups[0]!.vendors[0]!.sales;
    expect(sales.map((s) => [s.name, s.quantity, s.refreshesAt])).toEqual([
      ["Enhancement Core", 3, "2026-11-26T17:00:00Z"],
      ["Fatebringer", 1, "2026-12-01T17:00:00Z"],
    ]);
    expect(sales[0]!.costs).toEqual([]);
  });

  it("tells ownership from the collectibles' NotAcquired flag, and only where they say", () => {
    const view = buildVendorsView(
      {
        groups: [],
        vendors: [
          vendor(XUR, [
            { index: 0, itemHash: 2 },
            { index: 1, itemHash: 3 },
            { index: 2, itemHash: 1 },
            { index: 3, itemHash: 4 },
          ]),
        ],
        failedVendorHashes: [],
      },
      // 902: acquired (state 0); 903: NotAcquired | Invisible (1 | 4); 901 missing; item 4 has none.
      {
        definitions,
        collectibles: new Map([
          [902, 0],
          [903, 5],
        ]),
        assetUrl,
      },
    );
    expect(view.groups[0]!.vendors[0]!.sales.map((s) => [s.name, s.owned])).toEqual([
      ["Gjallarhorn", true],
      ["Helm of Saint-14", false],
      ["Fatebringer", null],
      ["Harmonic Siphon", null],
    ]);
    expect(view.collectionsKnown).toBe(true);
  });
});

describe("saleKind", () => {
  it("reads the item type, then the item categories", () => {
    expect(saleKind({ itemType: 3, itemCategoryHashes: [] })).toBe("weapon");
    expect(saleKind({ itemType: 2, itemCategoryHashes: [] })).toBe("armor");
    expect(saleKind({ itemType: 19, itemCategoryHashes: [] })).toBe("mod");
    expect(saleKind({ itemType: 0, itemCategoryHashes: [59] })).toBe("mod");
    expect(saleKind({ itemType: 0, itemCategoryHashes: [1, 2] })).toBe("weapon");
    expect(saleKind({ itemType: 8, itemCategoryHashes: [20] })).toBe("armor");
    expect(saleKind({ itemType: 9, itemCategoryHashes: [35] })).toBe("other");
  });
});
