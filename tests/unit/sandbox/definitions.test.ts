import { describe, expect, it } from "vitest";
import { BucketHashes, EQUIPPABLE_BUCKETS } from "@/lib/destiny/buckets";
import {
  ClassHashes,
  CurrencyHashes,
  DamageTypeHashes,
  StatHashes,
  VendorHashes,
} from "@/lib/destiny/game-facts";
import { getManifestDefinitions } from "@/sandbox/world/definitions";
import type { ItemDefinition } from "@/sandbox/world/definitions/items";

const defs = getManifestDefinitions();
const items = Object.values(
  defs.tables.DestinyInventoryItemDefinition as Record<string, ItemDefinition>,
);

describe("generated manifest", () => {
  it("has at least 300 item definitions keyed by their hash", () => {
    expect(items.length).toBeGreaterThanOrEqual(300);
    for (const [key, def] of Object.entries(
      defs.tables.DestinyInventoryItemDefinition as Record<string, ItemDefinition>,
    )) {
      expect(key).toBe(String(def.hash));
      expect(def.redacted).toBe(false);
    }
    expect(new Set(items.map((d) => d.index)).size).toBe(items.length);
  });

  it("covers every equippable bucket, every tier, every class and every damage type", () => {
    const buckets = new Set(
      items.filter((d) => d.equippable).map((d) => d.inventory?.bucketTypeHash),
    );
    for (const bucket of EQUIPPABLE_BUCKETS) expect(buckets).toContain(bucket);
    const gear = items.filter((d) => d.itemType === 2 || d.itemType === 3);
    expect(new Set(gear.map((d) => d.inventory?.tierType))).toEqual(new Set([2, 3, 4, 5, 6]));
    expect(new Set(items.filter((d) => d.itemType === 2).map((d) => d.classType))).toEqual(
      new Set([0, 1, 2]),
    );
    const damage = new Set(
      items.filter((d) => d.itemType === 3).map((d) => d.defaultDamageTypeHash),
    );
    for (const hash of Object.values(DamageTypeHashes)) expect(damage).toContain(hash);
    expect(
      items.find((d) => d.displayProperties.name === "Gjallarhorn")?.inventory?.bucketTypeHash,
    ).toBe(BucketHashes.PowerWeapons);
  });

  it("marks exotics with Bungie's unique labels", () => {
    for (const def of items.filter(
      (d) => d.inventory?.tierType === 6 && (d.itemType === 2 || d.itemType === 3),
    )) {
      expect(def.equippingBlock?.uniqueLabel).toBe(
        def.itemType === 3 ? "exotic_weapon" : "exotic_armor",
      );
    }
    for (const def of items.filter((d) => d.inventory?.tierType === 5))
      expect(def.equippingBlock?.uniqueLabel ?? "").toBe("");
  });

  it("points sockets at plug definitions and icons at served paths", () => {
    const table = defs.tables.DestinyInventoryItemDefinition as Record<string, ItemDefinition>;
    for (const def of items) {
      expect(def.displayProperties.icon).toMatch(
        /^\/common\/destiny2_content\/icons\/[a-z]+-\d-\d+\.png$/,
      );
      for (const socket of def.sockets?.socketEntries ?? []) {
        const plug = table[String(socket.singleInitialItemHash)];
        expect(plug?.itemType).toBe(19);
        expect(plug?.plug?.plugCategoryIdentifier).toBeTruthy();
      }
    }
  });

  it("uses the real hashes for buckets, stats, classes, currencies and vendors, and unique invented ones", () => {
    const buckets = defs.tables.DestinyInventoryBucketDefinition as Record<
      string,
      { displayProperties: { name: string }; itemCount: number }
    >;
    expect(buckets[BucketHashes.General]?.itemCount).toBe(700);
    expect(buckets[BucketHashes.LostItems]?.itemCount).toBe(21);
    expect(buckets[BucketHashes.KineticWeapons]?.displayProperties.name).toBe("Kinetic Weapons");
    expect(defs.tables.DestinyStatDefinition).toHaveProperty(String(StatHashes.Impact));
    expect(defs.tables.DestinyClassDefinition).toHaveProperty(String(ClassHashes.Warlock));
    expect(
      (defs.tables.DestinyInventoryItemDefinition as Record<string, ItemDefinition>)[
        CurrencyHashes.Glimmer
      ]?.displayProperties.name,
    ).toBe("Glimmer");
    expect(defs.tables.DestinyVendorDefinition).toHaveProperty(String(VendorHashes.Xur));
    const all = Object.values(defs.tables).flatMap((table) => Object.keys(table));
    // No invented hash collides with another definition anywhere.
    expect(new Set(all).size).toBe(all.length);
  });

  it("has plausible weapon and armour stats", () => {
    const weapon = items.find((d) => d.displayProperties.name === "Fatebringer");
    expect(weapon?.stats?.stats[StatHashes.RoundsPerMinute]?.value).toBe(140);
    expect(weapon?.itemTypeDisplayName).toBe("Hand Cannon");
    const armor = items.find((d) => d.itemType === 2);
    expect(armor?.stats?.stats).toHaveProperty(String(StatHashes.Health));
  });
});
