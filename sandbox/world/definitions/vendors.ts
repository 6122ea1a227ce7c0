// DestinyVendorDefinition / DestinyVendorGroupDefinition. Each vendor's itemList is the
// whole pool it can ever sell; the stock of a given reset period is a deterministic subset
// (world/vendor-stock.ts), exactly how the real API refers sales to vendorItemIndex.
import type {
  DestinyVendorDefinition,
  DestinyVendorGroupDefinition,
  DestinyVendorItemDefinition,
} from "bungie-api-ts/destiny2";
import { CurrencyHashes, VendorHashes } from "../../../lib/destiny/game-facts";
import { HOSTILE_VENDOR } from "./hostile-names";
import { createPrng } from "../prng";
import { displayProperties, HashRegistry, iconPath } from "./common";
import type { ItemMeta } from "./items";

type VendorItem = Pick<
  DestinyVendorItemDefinition,
  | "vendorItemIndex"
  | "itemHash"
  | "quantity"
  | "failureIndexes"
  | "currencies"
  | "displayCategoryIndex"
  | "categoryIndex"
  | "originalCategoryIndex"
  | "minimumLevel"
  | "maximumLevel"
  | "displayCategory"
  | "inventoryBucketHash"
  | "visibilityScope"
  | "purchasableScope"
  | "exclusivity"
  | "sortValue"
  | "expirationTooltip"
  | "redirectToSaleIndexes"
  | "socketOverrides"
>;

export type VendorDefinition = Omit<
  Pick<
    DestinyVendorDefinition,
    | "displayProperties"
    | "vendorProgressionType"
    | "buyString"
    | "sellString"
    | "displayItemHash"
    | "inhibitBuying"
    | "inhibitSelling"
    | "factionHash"
    | "resetIntervalMinutes"
    | "resetOffsetMinutes"
    | "failureStrings"
    | "unlockRanges"
    | "vendorIdentifier"
    | "vendorPortrait"
    | "vendorBanner"
    | "enabled"
    | "visible"
    | "vendorSubcategoryIdentifier"
    | "consolidateCategories"
    | "displayCategories"
    | "groups"
    | "ignoreSaleItemHashes"
    | "hash"
    | "index"
    | "redacted"
  >,
  "itemList"
> & { itemList: VendorItem[] };

export type VendorGroupDefinition = DestinyVendorGroupDefinition;

/** What world generation needs to roll a vendor's stock for a period. */
export interface VendorSpec {
  hash: number;
  name: string;
  groupHash: number;
  /** "daily" stock changes at every daily reset, "weekly" at the Tuesday reset. */
  refresh: "daily" | "weekly";
  /** Xûr is only present from Friday's to Tuesday's reset. */
  weekendOnly: boolean;
  minSales: number;
  maxSales: number;
  /** vendorItemIndexes always on sale (currency exchanges and the like). */
  alwaysIndexes: number[];
  /** vendorItemIndexes of the featured new-this-season items: exactly one is on sale each period. */
  featuredIndexes: number[];
  poolSize: number;
}

type Pool = (m: ItemMeta) => boolean;
interface VendorRow {
  /** A real vendor's hash; absent for an invented vendor (allocated). */
  hash?: number;
  name: string;
  subtitle: string;
  identifier: string;
  group: "tower" | "rotating";
  refresh: "daily" | "weekly";
  weekendOnly?: boolean;
  sales: readonly [number, number];
  /** [display category name, filter, pool size, costs: [currency, min, max][]] */
  categories: readonly (readonly [
    string,
    Pool,
    number,
    readonly (readonly [number, number, number])[],
  ])[];
  /** Items always sold: [itemHash, quantity, costs]. */
  always?: readonly (readonly [number, number, readonly (readonly [number, number, number])[]])[];
  /**
   * New-this-season items (ItemMeta.newThisSeason) matching the filter, one of them on sale every
   * period: [filter, costs]. Nobody owns those yet, so the vendor always has a not-yet-owned sale.
   */
  featured?: readonly [Pool, readonly (readonly [number, number, number])[]];
}

const G = CurrencyHashes.Glimmer;
const LS = CurrencyHashes.LegendaryShards;
const BD = CurrencyHashes.BrightDust;
const SILVER = CurrencyHashes.Silver;

const legendaryWeapon: Pool = (m) => m.kind === "weapon" && m.tier === 5;
const legendaryArmor: Pool = (m) => m.kind === "armor" && m.tier === 5;

const VENDORS: readonly VendorRow[] = [
  {
    hash: VendorHashes.Xur,
    name: "Xûr",
    subtitle: "Agent of the Nine",
    identifier: "XUR",
    group: "rotating",
    refresh: "weekly",
    weekendOnly: true,
    sales: [8, 12],
    categories: [
      ["Exotic Weapons", (m) => m.kind === "weapon" && m.exotic, 28, [[LS, 125, 125]]],
      ["Exotic Armor", (m) => m.kind === "armor" && m.exotic, 22, [[LS, 23, 23]]],
      [
        "Legendary Gear",
        (m) => (m.kind === "weapon" || m.kind === "armor") && m.tier === 5,
        20,
        [
          [LS, 50, 50],
          [G, 10000, 10000],
        ],
      ],
    ],
    always: [[CurrencyHashes.AscendantShard, 1, [[LS, 200, 200]]]],
  },
  {
    hash: VendorHashes.Banshee,
    name: "Banshee-44",
    subtitle: "Gunsmith",
    identifier: "GUNSMITH",
    group: "tower",
    refresh: "daily",
    sales: [8, 12],
    categories: [
      [
        "Weapons",
        legendaryWeapon,
        30,
        [
          [G, 5000, 15000],
          [LS, 10, 30],
        ],
      ],
    ],
    always: [
      [
        CurrencyHashes.EnhancementCore,
        1,
        [
          [G, 5000, 5000],
          [LS, 10, 10],
        ],
      ],
    ],
    featured: [
      legendaryWeapon,
      [
        [G, 5000, 15000],
        [LS, 10, 30],
      ],
    ],
  },
  {
    hash: VendorHashes.Ada,
    name: "Ada-1",
    subtitle: "Armor Synthesis",
    identifier: "ADA",
    group: "tower",
    refresh: "daily",
    sales: [6, 10],
    categories: [
      [
        "Armor",
        legendaryArmor,
        30,
        [
          [G, 10000, 20000],
          [LS, 20, 40],
        ],
      ],
      ["Mods", (m) => m.kind === "mod", 16, [[G, 10000, 10000]]],
    ],
    featured: [
      legendaryArmor,
      [
        [G, 10000, 20000],
        [LS, 20, 40],
      ],
    ],
  },
  {
    hash: VendorHashes.Zavala,
    name: "Commander Zavala",
    subtitle: "Vanguard",
    identifier: "VANGUARD",
    group: "tower",
    refresh: "weekly",
    sales: [6, 10],
    categories: [
      [
        "Vanguard Gear",
        (m) => (m.kind === "weapon" || m.kind === "armor") && m.tier === 5,
        30,
        [[G, 7500, 12500]],
      ],
      ["Consumables", (m) => m.kind === "consumable", 10, [[G, 1000, 5000]]],
    ],
  },
  {
    hash: VendorHashes.Shaxx,
    name: "Lord Shaxx",
    subtitle: "Crucible",
    identifier: "CRUCIBLE",
    group: "tower",
    refresh: "weekly",
    sales: [6, 10],
    categories: [
      [
        "Crucible Engrams",
        legendaryWeapon,
        25,
        [
          [G, 5000, 10000],
          [LS, 15, 25],
        ],
      ],
    ],
  },
  {
    hash: VendorHashes.Rahool,
    name: "Master Rahool",
    subtitle: "Cryptarch",
    identifier: "CRYPTARCH",
    group: "tower",
    refresh: "daily",
    sales: [6, 8],
    categories: [
      [
        "Materials",
        (m) => m.kind === "material" || m.kind === "consumable",
        12,
        [[G, 2500, 10000]],
      ],
    ],
    always: [
      [
        CurrencyHashes.UpgradeModule,
        1,
        [
          [G, 10000, 10000],
          [LS, 20, 20],
        ],
      ],
    ],
  },
  {
    hash: VendorHashes.Saint14,
    name: "Saint-14",
    subtitle: "Trials of Osiris",
    identifier: "TRIALS",
    group: "tower",
    refresh: "weekly",
    sales: [6, 9],
    categories: [
      [
        "Trials Gear",
        (m) => (m.kind === "weapon" || m.kind === "armor") && m.tier === 5,
        20,
        [[LS, 25, 50]],
      ],
    ],
  },
  {
    hash: VendorHashes.Drifter,
    name: "The Drifter",
    subtitle: "Gambit",
    identifier: "GAMBIT",
    group: "tower",
    refresh: "weekly",
    sales: [6, 9],
    categories: [["Gambit Gear", legendaryWeapon, 20, [[G, 5000, 10000]]]],
  },
  {
    hash: VendorHashes.TessEveris,
    name: "Tess Everis",
    subtitle: "Eververse",
    identifier: "EVERVERSE",
    group: "tower",
    refresh: "daily",
    sales: [8, 15],
    categories: [
      [
        "Bright Dust",
        (m) => ["ship", "vehicle", "ghost", "emblem"].includes(m.kind) && m.tier >= 5,
        26,
        [[BD, 500, 3000]],
      ],
      [
        "Featured",
        (m) => ["ship", "vehicle"].includes(m.kind) && m.tier === 6,
        4,
        [[SILVER, 500, 1500]],
      ],
    ],
  },
];

/**
 * Sells the two hostile-named weapons, under a hostile name; built last (so nothing else moves)
 * and left out of `specs`: GetVendors lists it only after POST /__sandbox/hostile-names.
 */
const HOSTILE_ROW: VendorRow = {
  name: HOSTILE_VENDOR.name,
  subtitle: HOSTILE_VENDOR.subtitle,
  identifier: "HOSTILE_NAMES",
  group: "rotating",
  refresh: "weekly",
  sales: [2, 2],
  categories: [["Curiosities", (m) => m.hostile === true, 2, [[G, 1000, 1000]]]],
};

export function buildVendorTables(
  registry: HashRegistry,
  meta: ReadonlyMap<number, ItemMeta>,
): {
  vendors: Record<string, VendorDefinition>;
  groups: Record<string, VendorGroupDefinition>;
  specs: VendorSpec[];
  hostileSpec: VendorSpec;
} {
  const groupHashes = {
    tower: registry.allocate("vendor-group:tower"),
    rotating: registry.allocate("vendor-group:rotating"),
  };
  const groups: Record<string, VendorGroupDefinition> = {
    [groupHashes.tower]: {
      order: 1,
      categoryName: "The Last City",
      hash: groupHashes.tower,
      index: 0,
      redacted: false,
    },
    [groupHashes.rotating]: {
      order: 2,
      categoryName: "Limited Time",
      hash: groupHashes.rotating,
      index: 1,
      redacted: false,
    },
  };
  const allMeta = [...meta.values()];
  const vendors: Record<string, VendorDefinition> = {};
  const specs: VendorSpec[] = [];
  let hostileSpec: VendorSpec | undefined;

  [...VENDORS, HOSTILE_ROW].forEach((row, vendorIndex) => {
    const hash =
      row.hash === undefined
        ? registry.allocate(`vendor:${row.identifier}`)
        : registry.reserve(row.hash);
    const prng = createPrng(hash);
    const itemList: VendorItem[] = [];
    const push = (
      itemHash: number,
      quantity: number,
      costs: readonly (readonly [number, number, number])[],
      category: number,
      categoryName: string,
    ) => {
      const m = meta.get(itemHash);
      itemList.push({
        vendorItemIndex: itemList.length,
        itemHash,
        quantity,
        failureIndexes: [],
        currencies: costs.map(([currency, min, max]) => ({
          itemHash: currency,
          quantity: min === max ? min : Math.round(prng.int(min, max) / 100) * 100 || min,
          hasConditionalVisibility: false,
        })),
        displayCategoryIndex: category,
        categoryIndex: category,
        originalCategoryIndex: category,
        minimumLevel: 0,
        maximumLevel: 0,
        displayCategory: categoryName,
        inventoryBucketHash: m?.bucketHash ?? 0,
        visibilityScope: 0,
        purchasableScope: 0,
        exclusivity: 0,
        sortValue: itemList.length,
        expirationTooltip: "",
        redirectToSaleIndexes: [],
        socketOverrides: [],
      });
    };
    const displayCategories = row.categories.map(([name], index) => ({
      index,
      identifier: `category_${name.toLowerCase().replace(/[^a-z]+/g, "_")}`,
      displayCategoryHash: registry.allocate(`vendor-category:${row.identifier}:${name}`),
      displayProperties: displayProperties(name, "", null),
      displayInBanner: false,
      sortOrder: 0 as const,
      displayStyleIdentifier: "",
    }));
    const alwaysIndexes: number[] = [];
    if (row.always) {
      displayCategories.push({
        index: displayCategories.length,
        identifier: "category_exchange",
        displayCategoryHash: registry.allocate(`vendor-category:${row.identifier}:exchange`),
        displayProperties: displayProperties("Material Exchange", "", null),
        displayInBanner: false,
        sortOrder: 0,
        displayStyleIdentifier: "",
      });
      for (const [itemHash, quantity, costs] of row.always) {
        alwaysIndexes.push(itemList.length);
        push(itemHash, quantity, costs, displayCategories.length - 1, "Material Exchange");
      }
    }
    row.categories.forEach(([name, filter, size, costs], categoryIndex) => {
      // Hostile-named items are sold by the hostile vendor only.
      // New-this-season items are sold only as the featured sale (below).
      const candidates = allMeta.filter(
        (m) => filter(m) && !m.newThisSeason && (m.hostile === true) === (row === HOSTILE_ROW),
      );
      const pool = prng.shuffle(candidates).slice(0, size);
      for (const m of pool) push(m.hash, 1, costs, categoryIndex, name);
    });
    // Last in the item list, so every other sale keeps its vendorItemIndex and cost.
    const featuredIndexes: number[] = [];
    if (row.featured) {
      const [filter, costs] = row.featured;
      const name = "New This Season";
      displayCategories.push({
        index: displayCategories.length,
        identifier: "category_new_this_season",
        displayCategoryHash: registry.allocate(`vendor-category:${row.identifier}:season`),
        displayProperties: displayProperties(name, "", null),
        displayInBanner: false,
        sortOrder: 0,
        displayStyleIdentifier: "",
      });
      for (const m of allMeta.filter((m) => m.newThisSeason && filter(m))) {
        featuredIndexes.push(itemList.length);
        push(m.hash, 1, costs, displayCategories.length - 1, name);
      }
    }
    const icon = iconPath("vendor", 0, hash);
    vendors[String(hash)] = {
      displayProperties: {
        ...displayProperties(row.name, `${row.name}, ${row.subtitle}.`, icon),
        largeIcon: icon,
        subtitle: row.subtitle,
        originalIcon: icon,
        requirementsDisplay: [],
        smallTransparentIcon: icon,
        mapIcon: icon,
        largeTransparentIcon: icon,
      } as VendorDefinition["displayProperties"],
      vendorProgressionType: 0,
      buyString: "Purchase",
      sellString: "",
      displayItemHash: 0,
      inhibitBuying: false,
      inhibitSelling: true,
      factionHash: 0,
      resetIntervalMinutes: row.refresh === "daily" ? 1440 : 10080,
      resetOffsetMinutes: 0,
      failureStrings: ["You do not have enough currency to purchase this item."],
      unlockRanges: [],
      vendorIdentifier: row.identifier,
      vendorPortrait: "",
      vendorBanner: "",
      enabled: true,
      visible: true,
      vendorSubcategoryIdentifier: "",
      consolidateCategories: false,
      displayCategories,
      groups: [{ vendorGroupHash: groupHashes[row.group] }],
      ignoreSaleItemHashes: [],
      itemList,
      hash,
      index: vendorIndex,
      redacted: false,
    };
    const spec: VendorSpec = {
      hash,
      name: row.name,
      groupHash: groupHashes[row.group],
      refresh: row.refresh,
      weekendOnly: row.weekendOnly ?? false,
      minSales: row.sales[0],
      maxSales: row.sales[1],
      alwaysIndexes,
      featuredIndexes,
      poolSize: itemList.length,
    };
    if (row === HOSTILE_ROW) hostileSpec = spec;
    else specs.push(spec);
  });
  if (!hostileSpec) throw new Error("the hostile vendor was not built");
  return { vendors, groups, specs, hostileSpec };
}
