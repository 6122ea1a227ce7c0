import { describe, expect, it } from "vitest";
import { BucketHashes } from "@/lib/destiny/buckets";
import { matchesQuery, parseItemQuery, type SearchableItem } from "@/lib/destiny/item-search";

function item(name: string, extra: Partial<SearchableItem> = {}): SearchableItem {
  return {
    name,
    typeName: "Hand Cannon",
    rarity: 5,
    classType: 3,
    bucketHash: BucketHashes.KineticWeapons,
    locked: false,
    masterwork: false,
    power: 500,
    gearTier: null,
    damageType: 1,
    location: "inventory",
    ...extra,
  };
}

const ITEMS = [
  item("Ace of Spades", { rarity: 6, power: 510, gearTier: 4, locked: true }),
  item("Fatebringer", { power: 505, gearTier: 3, masterwork: true }),
  item("Riskrunner", {
    rarity: 6,
    typeName: "Submachine Gun",
    bucketHash: BucketHashes.EnergyWeapons,
    damageType: 2,
    power: 490,
    gearTier: 5,
    location: "vault",
  }),
  item("Celestial Nighthawk", {
    rarity: 6,
    typeName: "Helmet",
    bucketHash: BucketHashes.Helmet,
    classType: 1,
    power: 520,
    gearTier: 5,
    damageType: null,
    location: "equipped",
  }),
  item("Wolfhunter Cloak", {
    typeName: "Hunter Cloak",
    bucketHash: BucketHashes.ClassArmor,
    classType: 1,
    // From before Edge of Fate: power 10, no tier.
    power: 10,
    locked: true,
    location: "postmaster",
  }),
  item("Sturm Helm", {
    typeName: "Helmet",
    bucketHash: BucketHashes.Helmet,
    classType: 0,
    power: 550,
    gearTier: 2,
  }),
  item("Enhancement Prism", {
    typeName: "Material",
    bucketHash: BucketHashes.Consumables,
    rarity: 4,
    power: null,
    damageType: null,
  }),
];

/** What the inventory's search box shows: the items matching every term (all for no term). */
const names = (query: string) => {
  const parsed = parseItemQuery(query);
  return ITEMS.filter((item) => matchesQuery(parsed, item)).map((i) => i.name);
};

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

  it("compares power (10 to 550 since Edge of Fate), and never matches items without power", () => {
    expect(names("power:>500")).toEqual([
      "Ace of Spades",
      "Fatebringer",
      "Celestial Nighthawk",
      "Sturm Helm",
    ]);
    expect(names("power:>=520")).toEqual(["Celestial Nighthawk", "Sturm Helm"]);
    expect(names("power:<500")).toEqual(["Riskrunner", "Wolfhunter Cloak"]);
    expect(names("power:<=490")).toEqual(["Riskrunner", "Wolfhunter Cloak"]);
    expect(names("power:505")).toEqual(["Fatebringer"]);
    expect(names("power:500..515")).toEqual(["Ace of Spades", "Fatebringer"]);
    expect(names("light:>545")).toEqual(["Sturm Helm"]);
  });

  it("compares the gear tier as DIM spells it, and never matches gear without a tier", () => {
    expect(names("tier:5")).toEqual(["Riskrunner", "Celestial Nighthawk"]);
    expect(names("tier:=4")).toEqual(["Ace of Spades"]);
    expect(names("tier:>=3")).toEqual([
      "Ace of Spades",
      "Fatebringer",
      "Riskrunner",
      "Celestial Nighthawk",
    ]);
    expect(names("tier:>4")).toEqual(["Riskrunner", "Celestial Nighthawk"]);
    expect(names("tier:<3")).toEqual(["Sturm Helm"]);
    expect(names("tier:<=4")).toEqual(["Ace of Spades", "Fatebringer", "Sturm Helm"]);
    expect(names("tier:1")).toEqual([]);
    // Negated, the untiered items (older gear, materials) are in.
    expect(names("-tier:>=3")).toEqual(["Wolfhunter Cloak", "Sturm Helm", "Enhancement Prism"]);
  });

  it("combines every term (all must match)", () => {
    expect(names("is:weapon is:exotic")).toEqual(["Ace of Spades", "Riskrunner"]);
    expect(names("is:armor class:hunter power:>500")).toEqual(["Celestial Nighthawk"]);
    expect(names("is:exotic is:locked power:>500 ace")).toEqual(["Ace of Spades"]);
    expect(names("is:weapon class:hunter")).toEqual([]);
    expect(names("is:weapon tier:>=4")).toEqual(["Ace of Spades", "Riskrunner"]);
    expect(names("is:armor class:hunter tier:5")).toEqual(["Celestial Nighthawk"]);
    expect(names("tier:>=3 power:>500 is:exotic")).toEqual([
      "Ace of Spades",
      "Celestial Nighthawk",
    ]);
  });

  it("negates terms with a minus or not:", () => {
    expect(names("is:exotic -is:locked")).toEqual(["Riskrunner", "Celestial Nighthawk"]);
    expect(names("is:exotic not:locked")).toEqual(names("is:exotic -is:locked"));
    expect(names("is:weapon -ace")).toEqual(["Fatebringer", "Riskrunner"]);
  });

  it("reports what it doesn't understand and ignores it", () => {
    const parsed = parseItemQuery("is:shiny class:gardener power:lots tier:six tier:>=10 ace");
    expect(parsed.errors).toEqual([
      'Unknown filter "is:shiny"',
      'Unknown class "gardener" (hunter, titan, warlock)',
      'Can\'t read "power:lots": try power:>=500 or power:450..500',
      'Can\'t read "tier:six": try tier:5 or tier:>=3 (tiers 1 to 5)',
      'Can\'t read "tier:>=10": try tier:5 or tier:>=3 (tiers 1 to 5)',
    ]);
    expect(parsed.terms).toEqual([{ kind: "text", negate: false, text: "ace" }]);
    expect(names("is:shiny ace")).toEqual(["Ace of Spades"]);
    expect(parseItemQuery("foo:bar").errors).toEqual(['Unknown filter "foo:bar"']);
  });
});
