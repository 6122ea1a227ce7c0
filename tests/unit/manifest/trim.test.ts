import { describe, expect, it } from "vitest";
import { generateItemDefinition, generatedItemHash } from "@/bench/manifest/generate";
import { hashOf, toHash } from "@/lib/manifest/read";
import { MANIFEST_TABLE_NAMES, MANIFEST_TABLES } from "@/lib/manifest/tables";
import { trimBucket, trimItem, trimVendor, trimVendorGroup } from "@/lib/manifest/trim";

// A weapon as Bungie's DestinyInventoryItemDefinition has it (abridged, real field names).
const BUNGIE_WEAPON = {
  displayProperties: {
    description: "",
    name: "Gjallarhorn",
    icon: "/common/destiny2_content/icons/5b8a.jpg",
    hasIcon: true,
  },
  tooltipNotifications: [],
  collectibleHash: 2036360064,
  iconWatermark: "/common/destiny2_content/icons/watermark.png",
  screenshot: "/common/destiny2_content/screenshots/1363886209.jpg",
  itemTypeDisplayName: "Rocket Launcher",
  flavorText: '"If there is beauty in destruction, why not also in its delivery?" - Feizel Crux',
  itemTypeAndTierDisplayName: "Exotic Rocket Launcher",
  inventory: {
    maxStackSize: 1,
    bucketTypeHash: 953998645,
    recoveryBucketTypeHash: 215593132,
    tierTypeHash: 2759499571,
    isInstanceItem: true,
    tierTypeName: "Exotic",
    tierType: 6,
  },
  stats: {
    disablePrimaryStatDisplay: false,
    statGroupHash: 1,
    stats: {
      "4043523819": {
        statHash: 4043523819,
        value: 90,
        minimum: 0,
        maximum: 100,
        displayMaximum: 100,
      },
      "1240592695": {
        statHash: 1240592695,
        value: 45,
        minimum: 0,
        maximum: 100,
        displayMaximum: 100,
      },
    },
    hasDisplayableStats: true,
    primaryBaseStatHash: 1480404414,
  },
  equippingBlock: {
    uniqueLabel: "exotic_weapon",
    uniqueLabelHash: 1,
    equipmentSlotTypeHash: 953998645,
    ammoType: 3,
  },
  sockets: {
    detail: "Sockets",
    socketEntries: [
      { socketTypeHash: 3956125808, singleInitialItemHash: 1583705879, reusablePlugItems: [] },
      { socketTypeHash: 2614797986, singleInitialItemHash: 0 },
    ],
  },
  perks: [],
  nonTransferrable: false,
  itemCategoryHashes: [2, 13, 1],
  itemType: 3,
  itemSubType: 10,
  classType: 3,
  equippable: true,
  defaultDamageType: 3,
  defaultDamageTypeHash: 1847026933,
  hash: 1363886209,
  index: 3000,
  redacted: false,
  blacklisted: false,
};

describe("trimItem", () => {
  it("keeps exactly the fields the app reads, in the app's shape", () => {
    expect(trimItem(BUNGIE_WEAPON, 1363886209)).toEqual({
      hash: 1363886209,
      unknown: false,
      displayProperties: {
        name: "Gjallarhorn",
        description: "",
        icon: "/common/destiny2_content/icons/5b8a.jpg",
      },
      itemType: 3,
      itemSubType: 10,
      itemTypeDisplayName: "Rocket Launcher",
      classType: 3,
      inventory: {
        bucketTypeHash: 953998645,
        tierType: 6,
        tierTypeName: "Exotic",
        maxStackSize: 1,
      },
      defaultDamageType: 3,
      defaultDamageTypeHash: 1847026933,
      equippingBlock: { uniqueLabel: "exotic_weapon" },
      stats: { "4043523819": 90, "1240592695": 45 },
      sockets: [
        { socketTypeHash: 3956125808, singleInitialItemHash: 1583705879 },
        { socketTypeHash: 2614797986, singleInitialItemHash: 0 },
      ],
      itemCategoryHashes: [2, 13, 1],
      iconWatermark: "/common/destiny2_content/icons/watermark.png",
      screenshot: "/common/destiny2_content/screenshots/1363886209.jpg",
      flavorText: BUNGIE_WEAPON.flavorText,
      nonTransferrable: false,
      equippable: true,
      collectibleHash: 2036360064,
      previewVendorHash: null,
      redacted: false,
    });
  });

  it("fills neutral defaults when Bungie omits blocks (a material without stats or sockets)", () => {
    const trimmed = trimItem(
      { displayProperties: { name: "Glimmer", icon: "" }, itemType: 1 },
      3159615086,
    );
    expect(trimmed.displayProperties).toEqual({ name: "Glimmer", description: "", icon: null });
    expect(trimmed.classType).toBe(3);
    expect(trimmed.inventory).toEqual({
      bucketTypeHash: 0,
      tierType: 0,
      tierTypeName: "",
      maxStackSize: 1,
    });
    expect(trimmed.equippingBlock).toBeNull();
    expect(trimmed.stats).toEqual({});
    expect(trimmed.sockets).toEqual([]);
    expect(trimmed.defaultDamageTypeHash).toBeNull();
    expect(trimmed.screenshot).toBeNull();
    // No Collections entry: the vendors page can't tell whether the player owns it.
    expect(trimmed.collectibleHash).toBeNull();
    expect(trimItem({ collectibleHash: 0 }, 1).collectibleHash).toBeNull();
    expect(trimmed.previewVendorHash).toBeNull();
  });

  it("keeps the vendor an item previews, which makes its sale a link to a sub-vendor", () => {
    const engram = {
      preview: { previewVendorHash: 2190858386, screenStyle: "screen_style_vendor" },
    };
    expect(trimItem(engram, 1).previewVendorHash).toBe(2190858386);
    expect(trimItem({ preview: { previewVendorHash: 0 } }, 1).previewVendorHash).toBeNull();
  });

  it("ignores values of the wrong type instead of storing them", () => {
    const trimmed = trimItem(
      {
        displayProperties: "oops",
        itemType: "3",
        itemCategoryHashes: [1, "2", null, 3],
        stats: { stats: [] },
      },
      1,
    );
    expect(trimmed.displayProperties.name).toBe("");
    expect(trimmed.itemType).toBe(0);
    expect(trimmed.itemCategoryHashes).toEqual([1, 3]);
    expect(trimmed.stats).toEqual({});
  });

  it("strips U+0000, which PostgreSQL's jsonb refuses", () => {
    const trimmed = trimItem(
      { displayProperties: { name: "Bad\u0000Name" }, flavorText: "a\u0000b" },
      1,
    );
    expect(trimmed.displayProperties.name).toBe("BadName");
    expect(trimmed.flavorText).toBe("ab");
  });

  it("halves a generated table (Bungie's real items, with far more unused blocks, shrink more)", () => {
    let raw = 0;
    let trimmed = 0;
    for (let i = 0; i < 200; i++) {
      const definition = generateItemDefinition(i);
      const result = trimItem(definition, generatedItemHash(i));
      expect(result.hash).toBe(generatedItemHash(i));
      raw += JSON.stringify(definition).length;
      trimmed += JSON.stringify(result).length;
    }
    expect(trimmed / raw).toBeLessThan(0.6);
  });
});

describe("the other trimmers", () => {
  it("reads buckets, vendors and vendor groups", () => {
    expect(
      trimBucket(
        {
          displayProperties: { name: "Kinetic Weapons" },
          category: 3,
          bucketOrder: 20,
          itemCount: 10,
          scope: 0,
          location: 1,
          hasTransferDestination: true,
          enabled: true,
        },
        1498876634,
      ),
    ).toMatchObject({ hash: 1498876634, category: 3, itemCount: 10, enabled: true });
    expect(
      trimVendor(
        {
          displayProperties: { name: "Xûr", subtitle: "Agent of the Nine", largeIcon: "/l.png" },
          groups: [{ vendorGroupHash: 3 }, {}],
          enabled: true,
          visible: false,
        },
        2190858386,
      ),
    ).toMatchObject({
      displayProperties: {
        name: "Xûr",
        subtitle: "Agent of the Nine",
        largeIcon: "/l.png",
        icon: null,
      },
      groups: [3],
      visible: false,
    });
    // Vendor groups have no displayProperties: the category name becomes their label.
    expect(
      trimVendorGroup({ order: 2, categoryName: "Limited-Time" }, 9).displayProperties.name,
    ).toBe("Limited-Time");
  });

  it.each(MANIFEST_TABLE_NAMES)("%s trims an empty definition without throwing", (table) => {
    const trimmed = MANIFEST_TABLES[table].trim({}, 42);
    expect(trimmed.hash).toBe(42);
    expect(trimmed.unknown).toBe(false);
    expect(trimmed.displayProperties).toEqual(expect.objectContaining({ name: "", icon: null }));
  });
});

describe("hashes", () => {
  it("reads uint32 hashes, unsigns signed ones and rejects the rest", () => {
    expect(toHash(4294967295)).toBe(4294967295);
    expect(toHash(-1)).toBe(4294967295);
    expect(toHash("1363886209")).toBe(1363886209);
    expect(toHash(4294967296)).toBeNull();
    expect(toHash(1.5)).toBeNull();
    expect(toHash("abc")).toBeNull();
  });

  it("prefers the definition's own hash over the table key", () => {
    expect(hashOf({ hash: 7 }, "8")).toBe(7);
    expect(hashOf({}, "8")).toBe(8);
    expect(hashOf({}, "not-a-hash")).toBeNull();
  });
});
