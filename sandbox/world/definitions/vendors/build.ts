// DestinyVendorDefinition / DestinyVendorGroupDefinition from the catalogue (screen.ts and
// beyond-screen.ts). Each vendor's itemList is the whole pool it can ever sell; the stock of a
// period is a deterministic subset (world/vendor-stock.ts), as the real API refers sales to
// vendorItemIndex. A sub-vendor gets a preview item of its own (previewVendorHash), which its
// parent sells for free and always.
import { ItemType } from "../../../../lib/destiny/game-facts";
import { createPrng } from "../../prng";
import { displayProperties, type HashRegistry, iconPath } from "../common";
import { HOSTILE_VENDOR } from "../hostile-names";
import type { ItemMeta } from "../items";
import { inventoryBlock, type ItemTableBuilder } from "../items/builder";
import { BEYOND_SCREEN } from "./beyond-screen";
import { G } from "./pools";
import { SCREEN_GROUPS, SCREEN_VENDORS } from "./screen";
import type {
  CostRow,
  VendorDefinition,
  VendorGroupDefinition,
  VendorItem,
  VendorRow,
  VendorSpec,
} from "./types";

/**
 * Sells the two hostile-named weapons, under a hostile name; built last (so nothing else moves)
 * and left out of `specs`: GetVendors lists it only after POST /__sandbox/hostile-names.
 */
const HOSTILE_ROW: VendorRow = {
  name: HOSTILE_VENDOR.name,
  subtitle: HOSTILE_VENDOR.subtitle,
  identifier: "HOSTILE_NAMES",
  refresh: "weekly",
  sales: [2, 2],
  categories: [["Curiosities", (m) => m.hostile === true, 2, [[G, 1000, 1000]]]],
};

const RESET_MINUTES = { daily: 1440, weekly: 10080, never: 0 } as const;

export interface VendorTables {
  vendors: Record<string, VendorDefinition>;
  groups: Record<string, VendorGroupDefinition>;
  /** Every vendor but the hostile one, screen vendors first in the game's order. */
  specs: VendorSpec[];
  hostileSpec: VendorSpec;
  /** The vendors screen: its groups in the game's order, each with its vendors in order. */
  screen: { groupHash: number; vendorHashes: number[] }[];
}

function category(index: number, key: string, vendor: string, name: string, r: HashRegistry) {
  return {
    index,
    identifier: key,
    displayCategoryHash: r.allocate(`vendor-category:${vendor}:${name}`),
    displayProperties: displayProperties(name, "", null),
    displayInBanner: false,
    sortOrder: 0 as const,
    displayStyleIdentifier: "",
  };
}

/** A sub-vendor's preview item: free, never instanced, it only opens the vendor. */
function previewItem(b: ItemTableBuilder, row: VendorRow, vendorHash: number): number {
  const hash = b.registry.allocate(`preview:${row.identifier}`);
  const name = row.linkName ?? row.name;
  const def = b.base(
    hash,
    name,
    `Preview what ${row.name} offers.`,
    iconPath("preview", 5, hash),
    ItemType.Dummy,
    "Preview",
    5,
  );
  def.inventory = inventoryBlock(0, 5, 1, false);
  def.nonTransferrable = true;
  def.preview = {
    screenStyle: "screen_style_vendor",
    previewVendorHash: vendorHash,
    previewActionString: "Preview",
    derivedItemCategories: [],
  };
  b.add(def, {
    kind: "preview",
    bucketHash: 0,
    rarity: 5,
    classType: 3,
    exotic: false,
    instanced: false,
    maxStackSize: 1,
    nonTransferrable: true,
    damageType: 0,
    socketOptions: [],
    baseStats: {},
  });
  return hash;
}

export function buildVendorTables(registry: HashRegistry, b: ItemTableBuilder): VendorTables {
  const meta = b.meta;
  const rows = [...SCREEN_VENDORS, ...BEYOND_SCREEN];
  const hashOf = new Map<string, number>();
  for (const row of [...rows, HOSTILE_ROW]) {
    if (hashOf.has(row.identifier)) throw new Error(`two vendors ${row.identifier}`);
    hashOf.set(
      row.identifier,
      row.hash === undefined
        ? registry.allocate(`vendor:${row.identifier}`)
        : registry.reserve(row.hash),
    );
  }

  const groups: Record<string, VendorGroupDefinition> = {};
  const groupOf = new Map<string, number>();
  const screen = SCREEN_GROUPS.map((group, index) => {
    const hash = registry.allocate(`vendor-group:${group.key}`);
    groups[String(hash)] = {
      order: index + 1,
      categoryName: group.categoryName,
      hash,
      index,
      redacted: false,
    };
    for (const id of group.vendors) groupOf.set(id, hash);
    return { groupHash: hash, vendorHashes: group.vendors.map((id) => hashOf.get(id) ?? 0) };
  });
  const eververseGroup = groupOf.get("EVERVERSE");
  // The hostile vendor, when listed, joins Xûr's group ("Limited Time").
  const limited = screen[0]?.groupHash;
  if (limited !== undefined) groupOf.set(HOSTILE_ROW.identifier, limited);

  // Every sub-vendor's preview item, before any item list refers to one.
  const previewOf = new Map<string, number>();
  for (const row of rows) {
    if (row.linkName)
      previewOf.set(row.identifier, previewItem(b, row, hashOf.get(row.identifier) ?? 0));
  }

  const allMeta = [...meta.values()];
  const vendors: Record<string, VendorDefinition> = {};
  const specs: VendorSpec[] = [];
  let hostileSpec: VendorSpec | undefined;

  [...rows, HOSTILE_ROW].forEach((row, vendorIndex) => {
    const hash = hashOf.get(row.identifier) ?? 0;
    const prng = createPrng(hash);
    const itemList: VendorItem[] = [];
    const itemClasses: number[] = [];
    const overrides: Record<number, "daily" | "weekly"> = {};
    const apiPurchasable: number[] = [];
    const displayCategories: VendorDefinition["displayCategories"] = [];
    const push = (
      itemHash: number,
      quantity: number,
      costs: readonly CostRow[],
      categoryName: string,
      rotates = false,
    ) => {
      const m = meta.get(itemHash);
      const index = itemList.length;
      itemList.push({
        vendorItemIndex: index,
        itemHash,
        quantity,
        failureIndexes: [],
        currencies: costs.map(([currency, min, max]) => ({
          itemHash: currency,
          quantity:
            min === max
              ? min
              : min >= 100
                ? Math.round(prng.int(min, max) / 100) * 100 || min
                : prng.int(min, max),
          hasConditionalVisibility: false,
        })),
        displayCategoryIndex: displayCategories.length - 1,
        categoryIndex: displayCategories.length - 1,
        originalCategoryIndex: displayCategories.length - 1,
        minimumLevel: 0,
        maximumLevel: 0,
        displayCategory: categoryName,
        inventoryBucketHash: m?.bucketHash ?? 0,
        visibilityScope: 0,
        purchasableScope: 0,
        exclusivity: 0,
        sortValue: index,
        expirationTooltip: "",
        redirectToSaleIndexes: [],
        socketOverrides: [],
      });
      itemClasses.push(m?.classType ?? 3);
      // About a quarter of sale items leave on their own schedule (REAL-VENDORS.md: 740 of 2,938).
      if (rotates && prng.chance(0.26))
        overrides[index] = row.refresh === "weekly" ? "daily" : "weekly";
      if (costs.length > 0 && prng.chance(0.028)) apiPurchasable.push(index);
      return index;
    };
    const openCategory = (name: string, key: string) =>
      displayCategories.push(
        category(displayCategories.length, key, row.identifier, name, registry),
      );

    const alwaysIndexes: number[] = [];
    if (row.links?.length) {
      openCategory("Previews", "category_previews");
      for (const link of row.links) {
        const itemHash = previewOf.get(link);
        if (itemHash === undefined) throw new Error(`${row.identifier} links to unknown ${link}`);
        alwaysIndexes.push(push(itemHash, 1, [], "Previews"));
      }
    }
    if (row.always?.length) {
      openCategory("Material Exchange", "category_exchange");
      for (const [itemHash, quantity, costs] of row.always)
        alwaysIndexes.push(push(itemHash, quantity, costs, "Material Exchange"));
    }
    for (const [name, filter, size, costs] of row.categories) {
      openCategory(name, `category_${name.toLowerCase().replace(/[^a-z]+/g, "_")}`);
      // Hostile-named items are sold by the hostile vendor only; new-this-season items only as
      // the featured sale (below).
      const candidates = allMeta.filter(
        (m) => filter(m) && !m.newThisSeason && (m.hostile === true) === (row === HOSTILE_ROW),
      );
      // Small catalogues repeat an item under another index, as real vendors do.
      const pool = prng.shuffle(candidates);
      for (let n = 0; n < size && pool.length > 0; n++) {
        const m = pool[n % pool.length] as ItemMeta;
        push(m.hash, 1, costs, name, true);
      }
    }
    // Last in the item list, so every other sale keeps its vendorItemIndex and cost.
    const featuredIndexes: number[] = [];
    if (row.featured) {
      const [filter, costs] = row.featured;
      openCategory("New This Season", "category_new_this_season");
      for (const m of allMeta.filter((m) => m.newThisSeason && filter(m)))
        featuredIndexes.push(push(m.hash, 1, costs, "New This Season"));
    }

    const icon = iconPath("vendor", 0, hash);
    const groupHash = groupOf.get(row.identifier);
    const definitionGroup = groupHash ?? (row.eververse ? eververseGroup : undefined);
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
      resetIntervalMinutes: RESET_MINUTES[row.refresh],
      resetOffsetMinutes: 0,
      failureStrings: ["You do not have enough currency to purchase this item."],
      unlockRanges: [],
      vendorIdentifier: row.identifier,
      vendorPortrait: "",
      vendorBanner: "",
      enabled: true,
      visible: true,
      vendorSubcategoryIdentifier: row.eververse ? "eververse" : "",
      consolidateCategories: false,
      displayCategories,
      groups: definitionGroup === undefined ? [] : [{ vendorGroupHash: definitionGroup }],
      ignoreSaleItemHashes: [],
      itemList,
      hash,
      index: vendorIndex,
      redacted: false,
    };
    const spec: VendorSpec = {
      hash,
      name: row.name,
      ...(groupHash === undefined ? {} : { groupHash }),
      refresh: row.refresh,
      weekendOnly: row.weekendOnly ?? false,
      listed: !row.unlisted,
      classSpecific: itemClasses.some((c) => c !== 3),
      minSales: row.sales[0],
      maxSales: row.sales[1],
      alwaysIndexes,
      featuredIndexes,
      poolSize: itemList.length,
      itemClasses,
      overrides,
      apiPurchasable,
    };
    if (row === HOSTILE_ROW) hostileSpec = spec;
    else specs.push(spec);
  });
  if (!hostileSpec) throw new Error("the hostile vendor was not built");
  return { vendors, groups, specs, hostileSpec, screen };
}
