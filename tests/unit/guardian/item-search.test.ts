import { describe, expect, it } from "vitest";
import { BucketHashes } from "@/lib/destiny/buckets";
import { parseItemQuery, searchItems, type SearchableItem } from "@/lib/destiny/item-search";

function item(name: string, extra: Partial<SearchableItem> = {}): SearchableItem {
  return {
    name,
    typeName: "Hand Cannon",
    rarity: 5,
    classType: 3,
    bucketHash: BucketHashes.KineticWeapons,
    locked: false,
    masterwork: false,
    power: 1900,
    damageType: 1,
    location: "inventory",
    ...extra,
  };
}

const ITEMS = [
  item("Ace of Spades", { rarity: 6, power: 1810, locked: true }),
  item("Fatebringer", { power: 1805, masterwork: true }),
  item("Riskrunner", {
    rarity: 6,
    typeName: "Submachine Gun",
    bucketHash: BucketHashes.EnergyWeapons,
    damageType: 2,
    power: 1790,
    location: "vault",
  }),
  item("Celestial Nighthawk", {
    rarity: 6,
    typeName: "Helmet",
    bucketHash: BucketHashes.Helmet,
    classType: 1,
    power: 1820,
    damageType: null,
    location: "equipped",
  }),
  item("Wolfhunter Cloak", {
    typeName: "Hunter Cloak",
    bucketHash: BucketHashes.ClassArmor,
    classType: 1,
    power: 1700,
    locked: true,
    location: "postmaster",
  }),
  item("Sturm Helm", {
    typeName: "Helmet",
    bucketHash: BucketHashes.Helmet,
    classType: 0,
    power: 1850,
  }),
  item("Enhancement Prism", {
    typeName: "Material",
    bucketHash: BucketHashes.Consumables,
    rarity: 4,
    power: null,
    damageType: null,
  }),
];

const names = (query: string) => searchItems(ITEMS, query).map((i) => i.name);

describe("item search", () => {
  it("returns everything for an empty query", () => {
    expect(names("")).toHaveLength(ITEMS.length);
    expect(names("   ")).toHaveLength(ITEMS.length);
  });

  it("matches free text in the name or the item type, case-insensitively", () => {
    expect(names("ace")).toEqual(["Ace of Spades"]);
    expect(names("HELMET")).toEqual(["Celestial Nighthawk", "Sturm Helm"]);
    expect(names('"of spades"')).toEqual(["Ace of Spades"]);
    expect(names("name:fate")).toEqual(["Fatebringer"]);
  });

  it("filters by kind, rarity, lock state and place", () => {
    expect(names("is:weapon")).toEqual(["Ace of Spades", "Fatebringer", "Riskrunner"]);
    expect(names("is:armor")).toEqual(["Celestial Nighthawk", "Wolfhunter Cloak", "Sturm Helm"]);
    expect(names("is:armour")).toEqual(names("is:armor"));
    expect(names("is:exotic")).toEqual(["Ace of Spades", "Riskrunner", "Celestial Nighthawk"]);
    expect(names("is:locked")).toEqual(["Ace of Spades", "Wolfhunter Cloak"]);
    expect(names("is:masterwork")).toEqual(["Fatebringer"]);
    expect(names("is:vault")).toEqual(["Riskrunner"]);
    expect(names("is:postmaster")).toEqual(["Wolfhunter Cloak"]);
    expect(names("is:equipped")).toEqual(["Celestial Nighthawk"]);
    expect(names("is:arc")).toEqual(["Riskrunner"]);
    expect(names("is:classitem")).toEqual(["Wolfhunter Cloak"]);
  });

  it("filters by class", () => {
    expect(names("class:hunter")).toEqual(["Celestial Nighthawk", "Wolfhunter Cloak"]);
    expect(names("class:titan")).toEqual(["Sturm Helm"]);
    expect(names("class:warlock")).toEqual([]);
  });

  it("compares power, and never matches items without power", () => {
    expect(names("power:>1800")).toEqual([
      "Ace of Spades",
      "Fatebringer",
      "Celestial Nighthawk",
      "Sturm Helm",
    ]);
    expect(names("power:>=1820")).toEqual(["Celestial Nighthawk", "Sturm Helm"]);
    expect(names("power:<1800")).toEqual(["Riskrunner", "Wolfhunter Cloak"]);
    expect(names("power:<=1790")).toEqual(["Riskrunner", "Wolfhunter Cloak"]);
    expect(names("power:1805")).toEqual(["Fatebringer"]);
    expect(names("power:1800..1815")).toEqual(["Ace of Spades", "Fatebringer"]);
    expect(names("light:>1845")).toEqual(["Sturm Helm"]);
  });

  it("combines every term (all must match)", () => {
    expect(names("is:weapon is:exotic")).toEqual(["Ace of Spades", "Riskrunner"]);
    expect(names("is:armor class:hunter power:>1800")).toEqual(["Celestial Nighthawk"]);
    expect(names("is:exotic is:locked power:>1800 ace")).toEqual(["Ace of Spades"]);
    expect(names("is:weapon class:hunter")).toEqual([]);
  });

  it("negates terms with a minus or not:", () => {
    expect(names("is:exotic -is:locked")).toEqual(["Riskrunner", "Celestial Nighthawk"]);
    expect(names("is:exotic not:locked")).toEqual(names("is:exotic -is:locked"));
    expect(names("is:weapon -ace")).toEqual(["Fatebringer", "Riskrunner"]);
  });

  it("reports what it doesn't understand and ignores it", () => {
    const parsed = parseItemQuery("is:shiny class:gardener power:lots ace");
    expect(parsed.errors).toEqual([
      'Unknown filter "is:shiny"',
      'Unknown class "gardener" (hunter, titan, warlock)',
      'Can\'t read "power:lots": try power:>1800 or power:1800..1850',
    ]);
    expect(parsed.terms).toEqual([{ kind: "text", negate: false, text: "ace" }]);
    expect(names("is:shiny ace")).toEqual(["Ace of Spades"]);
    expect(parseItemQuery("foo:bar").errors).toEqual(['Unknown filter "foo:bar"']);
  });
});
