// Vendor components from a vendor's spec, definition and current stock: the vendor (400), its
// categories (401), its sales (402) and, for GetVendor, the item components of its sales
// (300-305). The service (services/destiny2-vendors.ts) decides which vendors a call covers.
import type {
  DestinyPublicVendorSaleItemComponent,
  DestinyVendorCategoriesComponent,
  DestinyVendorComponent,
  DestinyVendorGroupComponent,
  DestinyVendorSaleItemComponent,
} from "bungie-api-ts/destiny2";
import { nextDailyReset, nextWeeklyReset } from "../../lib/destiny/resets";
import type { ItemMeta, ManifestDefinitions, VendorSpec } from "../world/definitions";
import type { VendorDefinition } from "../world/definitions/vendors";
import { clampPower, rollGearTier } from "../world/power";
import { createPrng, fnv1a } from "../world/prng";
import type { VendorStock } from "../world/vendor-stock";
import { isoDate } from "./users";

const EMPTY_PROGRESSION = {
  progressionHash: 0,
  dailyProgress: 0,
  dailyLimit: 0,
  weeklyProgress: 0,
  weeklyLimit: 0,
  currentProgress: 0,
  level: 0,
  levelCap: 0,
  stepIndex: 0,
  progressToNextLevel: 0,
  nextLevelAt: 0,
  seasonResets: [],
  rewardItemStates: [],
  rewardItemSocketOverrideStates: {},
};

/** A vendor with its current stock, as one call sees it. */
export interface VendorNow {
  spec: VendorSpec;
  def: VendorDefinition;
  stock: VendorStock;
}

export function vendorComponent(vendor: VendorNow): DestinyVendorComponent {
  return {
    canPurchase: true,
    progression: { ...EMPTY_PROGRESSION },
    vendorLocationIndex: 0,
    vendorHash: vendor.spec.hash,
    nextRefreshDate: isoDate(vendor.stock.nextRefreshDate),
    enabled: true,
  };
}

/** Currencies and materials a profile holds, by item hash (CurrencyLookups, 600). */
export type Holdings = ReadonlyMap<number, number>;

/**
 * Sale entries of a vendor's current stock. For a player: saleStatus NoFunds (2) when they can't
 * pay. Entries on their own schedule carry overrideNextRefreshDate (a quarter of Bungie's do).
 */
export function renderSales(
  vendor: VendorNow,
  now: number,
  held: Holdings | undefined,
  personal: boolean,
) {
  const { spec, def, stock } = vendor;
  const apiPurchasable = new Set(spec.apiPurchasable);
  const out: Record<string, Record<string, unknown>> = {};
  for (const index of stock.indexes) {
    const entry = def.itemList[index];
    if (!entry) continue;
    const costs = entry.currencies.map((c) => ({
      itemHash: c.itemHash,
      quantity: c.quantity,
      hasConditionalVisibility: false,
    }));
    const override = spec.overrides[index];
    const own =
      override === undefined
        ? {}
        : {
            overrideNextRefreshDate: isoDate(
              override === "daily" ? nextDailyReset(now) : nextWeeklyReset(now),
            ),
          };
    const purchasable = { apiPurchasable: apiPurchasable.has(index) };
    if (!personal) {
      out[String(index)] = {
        vendorItemIndex: index,
        itemHash: entry.itemHash,
        quantity: entry.quantity,
        costs,
        ...own,
        ...purchasable,
      } satisfies DestinyPublicVendorSaleItemComponent;
      continue;
    }
    const affordable = !held || costs.every((c) => (held.get(c.itemHash) ?? 0) >= c.quantity);
    out[String(index)] = {
      saleStatus: affordable ? 0 : 2,
      requiredUnlocks: [],
      unlockStatuses: [],
      failureIndexes: affordable ? [] : [0],
      augments: 0,
      // Bungie sends this on a few sales only (19 of 2,938 in REAL-VENDORS.md).
      ...(apiPurchasable.has(index) && index % 2 === 0
        ? { itemValueVisibility: costs.map(() => true) }
        : {}),
      vendorItemIndex: index,
      itemHash: entry.itemHash,
      quantity: entry.quantity,
      costs,
      ...own,
      ...purchasable,
    } satisfies DestinyVendorSaleItemComponent;
  }
  return out;
}

export function renderCategories(vendor: VendorNow): DestinyVendorCategoriesComponent {
  const byCategory = new Map<number, number[]>();
  for (const index of vendor.stock.indexes) {
    const entry = vendor.def.itemList[index];
    if (!entry) continue;
    const list = byCategory.get(entry.displayCategoryIndex) ?? [];
    list.push(index);
    byCategory.set(entry.displayCategoryIndex, list);
  }
  return {
    categories: [...byCategory.entries()]
      .sort(([a], [b]) => a - b)
      .map(([displayCategoryIndex, itemIndexes]) => ({ displayCategoryIndex, itemIndexes })),
  };
}

/**
 * The game's vendors screen: its groups in order, each naming the vendors of the call that are
 * on it, in the game's order; a group left with none is left out.
 */
export function renderVendorGroups(
  defs: ManifestDefinitions,
  vendors: readonly VendorNow[],
  extra: readonly VendorSpec[] = [],
): DestinyVendorGroupComponent {
  const here = new Set(vendors.map((v) => v.spec.hash));
  return {
    groups: defs.vendorScreen.flatMap((group) => {
      const vendorHashes = [
        ...group.vendorHashes,
        ...extra.filter((s) => s.groupHash === group.groupHash).map((s) => s.hash),
      ].filter((hash) => here.has(hash));
      return vendorHashes.length === 0 ? [] : [{ vendorGroupHash: group.groupHash, vendorHashes }];
    }),
  };
}

/**
 * Item components of a vendor's instanced sales, keyed by vendorItemIndex (GetVendor, 300-305).
 * Gear on sale comes at the character's power, with a gear tier rolled per sale and period.
 */
export function renderSaleItemComponents(
  defs: ManifestDefinitions,
  vendor: VendorNow,
  components: ReadonlySet<number>,
  context: { seed: number; power: number },
) {
  const table = (make: (meta: ItemMeta, index: number) => unknown) => {
    const data: Record<string, unknown> = {};
    for (const index of vendor.stock.indexes) {
      const entry = vendor.def.itemList[index];
      const meta = entry && defs.meta.get(entry.itemHash);
      if (!meta || !meta.instanced) continue;
      const value = make(meta, index);
      if (value !== undefined) data[String(index)] = value;
    }
    return { data, privacy: 1 };
  };
  const gear = (meta: ItemMeta, index: number) => {
    if (meta.kind !== "weapon" && meta.kind !== "armor") return {};
    const prng = createPrng(
      fnv1a(`${context.seed}:sale:${vendor.spec.hash}:${index}:${vendor.stock.period}`),
    );
    const power = clampPower(context.power + prng.int(-10, 0));
    return { power, gearTier: rollGearTier(prng, power) };
  };
  const out: Record<string, unknown> = {};
  if (components.has(300)) {
    out.instances = table((meta, index) => {
      const { power, gearTier } = gear(meta, index);
      return {
        damageType: meta.damageType,
        ...(meta.damageTypeHash ? { damageTypeHash: meta.damageTypeHash } : {}),
        ...(meta.primaryStatHash && power !== undefined
          ? { primaryStat: { statHash: meta.primaryStatHash, value: power } }
          : {}),
        itemLevel: power === undefined ? 0 : Math.floor(power / 10),
        quality: 0,
        isEquipped: false,
        canEquip: false,
        equipRequiredLevel: 0,
        unlockHashesRequiredToEquip: [],
        cannotEquipReason: 0,
        ...(gearTier === undefined ? {} : { gearTier }),
      };
    });
  }
  if (components.has(302)) out.perks = table(() => ({ perks: [] }));
  if (components.has(304)) {
    out.stats = table((meta) => {
      const stats: Record<string, { statHash: number; value: number }> = {};
      for (const [hash, value] of Object.entries(meta.baseStats)) {
        if (Number(hash) !== meta.primaryStatHash) stats[hash] = { statHash: Number(hash), value };
      }
      return { stats };
    });
  }
  if (components.has(305)) {
    out.sockets = table((meta) =>
      meta.socketOptions.length === 0
        ? undefined
        : {
            sockets: meta.socketOptions.map((o) => ({
              plugHash: o[0],
              isEnabled: true,
              isVisible: true,
              enableFailIndexes: [],
            })),
          },
    );
  }
  return out;
}
