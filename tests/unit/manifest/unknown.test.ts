import { describe, expect, it } from "vitest";
import { DefinitionBatch } from "@/lib/manifest/definition-batch";
import { MANIFEST_TABLE_NAMES, MANIFEST_TABLES } from "@/lib/manifest/tables";
import { unknownDefinition } from "@/lib/manifest/unknown";

describe("unknownDefinition", () => {
  it("gives an item the UI can render as an 'Unknown item' tile", () => {
    const item = unknownDefinition("DestinyInventoryItemDefinition", 123);
    expect(item).toMatchObject({
      hash: 123,
      unknown: true,
      displayProperties: { name: "Unknown item", description: "", icon: null },
      inventory: { bucketTypeHash: 0, tierType: 0 },
      sockets: [],
      stats: {},
    });
  });

  it.each(MANIFEST_TABLE_NAMES)(
    "%s: has every field a trimmed definition has (so callers never meet undefined)",
    (table) => {
      const unknown = unknownDefinition(table, 1);
      const trimmed = MANIFEST_TABLES[table].trim({}, 1);
      expect(Object.keys(unknown).sort()).toEqual(Object.keys(trimmed).sort());
      expect(Object.keys(unknown.displayProperties).sort()).toEqual(
        Object.keys(trimmed.displayProperties).sort(),
      );
      expect(unknown.unknown).toBe(true);
      expect(unknown.displayProperties.name).toMatch(/^Unknown /);
    },
  );

  it("returns a fresh object each time", () => {
    const a = unknownDefinition("DestinyStatDefinition", 1);
    a.displayProperties.name = "changed";
    expect(unknownDefinition("DestinyStatDefinition", 1).displayProperties.name).toBe(
      "Unknown stat",
    );
  });

  it("has the same inventory block as a trimmed item", () => {
    const unknown = unknownDefinition("DestinyInventoryItemDefinition", 1);
    const trimmed = MANIFEST_TABLES.DestinyInventoryItemDefinition.trim({}, 1);
    expect(Object.keys(unknown.inventory).sort()).toEqual(Object.keys(trimmed.inventory).sort());
  });
});

describe("DefinitionBatch", () => {
  const known = MANIFEST_TABLES.DestinyInventoryItemDefinition.trim(
    { displayProperties: { name: "Ace" } },
    5,
  );
  const batch = new DefinitionBatch(
    "DestinyInventoryItemDefinition",
    new Map([
      [5, known],
      [6, unknownDefinition("DestinyInventoryItemDefinition", 6)],
    ]),
    1,
    "en",
  );

  it("answers every hash, the unknown stand-in for ones the manifest lacks", () => {
    expect(batch.get(5).displayProperties.name).toBe("Ace");
    expect(batch.get(6).unknown).toBe(true);
    expect(batch.get(999)).toMatchObject({ hash: 999, unknown: true });
    expect(batch.has(5)).toBe(true);
    expect(batch.has(6)).toBe(false);
    expect(batch.size).toBe(2);
    expect([...batch].map((d) => d.hash)).toEqual([5, 6]);
  });
});
