import { describe, expect, it } from "vitest";
import { countSales, filterVendorsView, isSaleFilter, saleMatches } from "@/lib/vendors/filters";
import type { VendorSaleView, VendorsView } from "@/lib/vendors/types";

function sale(
  name: string,
  kind: VendorSaleView["kind"],
  rarity: number,
  owned: boolean | null = null,
): VendorSaleView {
  return {
    vendorItemIndex: name.length,
    itemHash: name.length,
    name,
    iconUrl: null,
    rarity,
    rarityName: "",
    typeName: "",
    kind,
    quantity: 1,
    costs: [],
    refreshesAt: null,
    owned,
  };
}

const exoticWeapon = sale("Gjallarhorn", "weapon", 6, false);
const legendaryWeapon = sale("Fatebringer", "weapon", 5, true);
const exoticArmor = sale("Helm of Saint-14", "armor", 6, null);
const mod = sale("Harmonic Siphon", "mod", 4);
const material = sale("Enhancement Core", "other", 3);
const all = [exoticWeapon, legendaryWeapon, exoticArmor, mod, material];

const names = (filters: Parameters<typeof saleMatches>[1]) =>
  all.filter((s) => saleMatches(s, filters)).map((s) => s.name);

describe("saleMatches", () => {
  it("keeps everything without filters", () => {
    expect(names([])).toEqual(all.map((s) => s.name));
  });

  it("adds weapons, armour and mods up", () => {
    expect(names(["weapon"])).toEqual(["Gjallarhorn", "Fatebringer"]);
    expect(names(["armor"])).toEqual(["Helm of Saint-14"]);
    expect(names(["mod"])).toEqual(["Harmonic Siphon"]);
    expect(names(["weapon", "armor"])).toEqual(["Gjallarhorn", "Fatebringer", "Helm of Saint-14"]);
  });

  it("narrows with exotics only and not yet owned", () => {
    expect(names(["exotic"])).toEqual(["Gjallarhorn", "Helm of Saint-14"]);
    expect(names(["exotic", "armor"])).toEqual(["Helm of Saint-14"]);
    expect(names(["unowned"])).toEqual(["Gjallarhorn"]);
    expect(names(["unowned", "armor"])).toEqual([]);
  });

  it("never calls a sale unowned when the collections don't tell", () => {
    expect(saleMatches(exoticArmor, ["unowned"])).toBe(false);
    expect(saleMatches(legendaryWeapon, ["unowned"])).toBe(false);
  });
});

describe("filterVendorsView", () => {
  const view: VendorsView = {
    collectionsKnown: true,
    failedVendors: [{ vendorHash: 9, name: "Saint-14" }],
    groups: [
      {
        groupHash: 1,
        name: "The Last City",
        vendors: [
          {
            vendorHash: 1,
            name: "Banshee-44",
            subtitle: "",
            iconUrl: null,
            nextRefreshDate: null,
            sales: [legendaryWeapon, material],
          },
          {
            vendorHash: 2,
            name: "Ada-1",
            subtitle: "",
            iconUrl: null,
            nextRefreshDate: null,
            sales: [mod],
          },
        ],
      },
      {
        groupHash: 2,
        name: "Limited Time",
        vendors: [
          {
            vendorHash: 3,
            name: "Xûr",
            subtitle: "",
            iconUrl: null,
            nextRefreshDate: null,
            sales: [exoticWeapon, exoticArmor],
          },
        ],
      },
    ],
  };

  it("drops vendors and groups left empty, keeping the order", () => {
    const result = filterVendorsView(view, { filters: ["weapon"] });
    expect(
      result.groups.map((g) => [
        g.name,
        g.vendors.map((v) => [v.name, v.sales.map((s) => s.name)]),
      ]),
    ).toEqual([
      ["The Last City", [["Banshee-44", ["Fatebringer"]]]],
      ["Limited Time", [["Xûr", ["Gjallarhorn"]]]],
    ]);
    expect(result.failedVendors).toEqual(view.failedVendors);
    expect(countSales(result)).toBe(2);
    expect(countSales(view)).toBe(5);
  });

  it("keeps only the chosen vendors; none chosen means all", () => {
    const chosen = filterVendorsView(view, { filters: [], vendorHashes: [2, 3] });
    expect(chosen.groups.flatMap((g) => g.vendors.map((v) => v.name))).toEqual(["Ada-1", "Xûr"]);
    expect(filterVendorsView(view, { filters: [], vendorHashes: [] })).toEqual(view);
  });

  it("leaves nothing when nothing matches", () => {
    expect(filterVendorsView(view, { filters: ["exotic", "mod"] }).groups).toEqual([]);
  });
});

describe("isSaleFilter", () => {
  it("accepts only the known filters", () => {
    expect(["exotic", "weapon", "armor", "mod", "unowned"].every(isSaleFilter)).toBe(true);
    expect(isSaleFilter("armour")).toBe(false);
    expect(isSaleFilter("")).toBe(false);
  });
});
