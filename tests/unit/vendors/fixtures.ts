// Small, explicit manifest and vendor data for the vendor unit tests.
import type { Vendor } from "@/lib/bungie/types";
import type { VendorDefinitionLookup } from "@/lib/vendors/build-view";
import type { ItemDefinition, VendorDefinition, VendorGroupDefinition } from "@/lib/manifest/types";
import { unknownDefinition } from "@/lib/manifest/unknown";

export const GLIMMER = 3159615086;
/** Chronologs: a currency vendors price in today (REAL-VENDORS.md). */
export const CHRONOLOGS = 4041218086;

export function item(
  hash: number,
  fields: Partial<Omit<ItemDefinition, "inventory">> & {
    name: string;
    rarity?: number;
  },
): ItemDefinition {
  const base = unknownDefinition("DestinyInventoryItemDefinition", hash);
  const { name, rarity = 5, ...rest } = fields;
  return {
    ...base,
    ...rest,
    unknown: false,
    displayProperties: { name, description: "", icon: `/icons/${hash}.png` },
    inventory: { ...base.inventory, tierType: rarity, tierTypeName: "" },
  };
}

export function vendorDef(hash: number, name: string, groups: number[]): VendorDefinition {
  const base = unknownDefinition("DestinyVendorDefinition", hash);
  return {
    ...base,
    unknown: false,
    displayProperties: {
      name,
      description: "",
      icon: `/vendors/${hash}.png`,
      subtitle: `${name} subtitle`,
      largeIcon: null,
    },
    groups,
    enabled: true,
    visible: true,
  };
}

export function groupDef(hash: number, categoryName: string, order: number): VendorGroupDefinition {
  return {
    ...unknownDefinition("DestinyVendorGroupDefinition", hash),
    unknown: false,
    categoryName,
    order,
    displayProperties: { name: categoryName, description: "", icon: null },
  };
}

export function lookupOf(defs: {
  items: ItemDefinition[];
  vendors: VendorDefinition[];
  groups: VendorGroupDefinition[];
}): VendorDefinitionLookup {
  const find = <T extends { hash: number }>(list: T[], hash: number, fallback: () => T) =>
    list.find((d) => d.hash === hash) ?? fallback();
  return {
    item: (hash) =>
      find(defs.items, hash, () => unknownDefinition("DestinyInventoryItemDefinition", hash)),
    vendor: (hash) =>
      find(defs.vendors, hash, () => unknownDefinition("DestinyVendorDefinition", hash)),
    group: (hash) =>
      find(defs.groups, hash, () => unknownDefinition("DestinyVendorGroupDefinition", hash)),
  };
}

export function vendor(
  vendorHash: number,
  sales: {
    index: number;
    itemHash: number;
    costs?: [number, number][];
    refresh?: string;
    quantity?: number;
    /** From GetVendor's item instances (absent: not read). */
    gearTier?: number | null;
  }[],
  extra: Partial<Vendor> = {},
): Vendor {
  return {
    vendorHash,
    nextRefreshDate: "2026-11-26T17:00:00Z",
    enabled: true,
    canPurchase: true,
    sales: sales.map((s) => ({
      vendorItemIndex: s.index,
      itemHash: s.itemHash,
      quantity: s.quantity ?? 1,
      costs: (s.costs ?? []).map(([itemHash, quantity]) => ({ itemHash, quantity })),
      saleStatus: 0,
      overrideNextRefreshDate: s.refresh ?? null,
      apiPurchasable: false,
      ...(s.gearTier === undefined ? {} : { gearTier: s.gearTier }),
    })),
    ...extra,
  };
}
