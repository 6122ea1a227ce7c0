import "server-only";
import type {
  DestinyItemInstanceComponent,
  DestinyItemQuantity,
  DestinyPublicVendorsResponse,
  DestinyPublicVendorSaleItemComponent,
  DestinyVendorResponse,
  DestinyVendorSaleItemComponent,
  DestinyVendorsResponse,
} from "bungie-api-ts/destiny2";
import type { Vendor, VendorList, VendorSale } from "../types";
import { componentData, nonEmpty, optionalNumber } from "./common";
import { gearTierOf } from "./items";

type AnySale = DestinyVendorSaleItemComponent | DestinyPublicVendorSaleItemComponent;
type AnyVendor = {
  vendorHash: number;
  nextRefreshDate?: string;
  enabled?: boolean;
  canPurchase?: boolean;
};

/** GetVendors (a character's vendors) → VendorList. */
export function reshapeVendors(data: DestinyVendorsResponse): VendorList {
  return reshapeVendorMap(data);
}

/** GetPublicVendors (no player) → VendorList; canPurchase is null, saleStatus 0. */
export function reshapePublicVendors(data: DestinyPublicVendorsResponse): VendorList {
  return reshapeVendorMap(data);
}

/**
 * GetVendor → Vendor, or null when the vendor component is missing or private. When the call
 * asked for item instances (300), each sale carries its power and gear tier.
 */
export function reshapeVendor(data: DestinyVendorResponse): Vendor | null {
  const privateComponents: string[] = [];
  const vendor = componentData(data.vendor, "vendor", privateComponents);
  if (!vendor) return null;
  const sales = componentData(data.sales, "sales", privateComponents) ?? {};
  const instances: Record<string, DestinyItemInstanceComponent> | undefined =
    data.itemComponents?.instances?.data;
  const reshaped = toVendor(vendor, Object.values(sales));
  if (!instances) return reshaped;
  return {
    ...reshaped,
    sales: reshaped.sales.map((sale) => {
      const instance = instances[String(sale.vendorItemIndex)];
      return {
        ...sale,
        power: optionalNumber(instance?.primaryStat?.value),
        gearTier: gearTierOf(instance),
      };
    }),
  };
}

function reshapeVendorMap(data: DestinyVendorsResponse | DestinyPublicVendorsResponse): VendorList {
  const privateComponents: string[] = [];
  const vendors: Record<string, AnyVendor> =
    componentData(data.vendors, "vendors", privateComponents) ?? {};
  const sales: Record<string, { saleItems?: Record<string, AnySale> }> =
    componentData(data.sales, "sales", privateComponents) ?? {};
  return {
    vendors: Object.entries(vendors)
      .map(([hash, vendor]) => toVendor(vendor, Object.values(sales[hash]?.saleItems ?? {})))
      .sort((a, b) => a.vendorHash - b.vendorHash),
    privateComponents,
  };
}

function toVendor(vendor: AnyVendor, sales: AnySale[]): Vendor {
  return {
    vendorHash: vendor.vendorHash,
    nextRefreshDate: nonEmpty(vendor.nextRefreshDate),
    enabled: vendor.enabled ?? true,
    canPurchase: typeof vendor.canPurchase === "boolean" ? vendor.canPurchase : null,
    sales: sales.map(toSale).sort((a, b) => a.vendorItemIndex - b.vendorItemIndex),
  };
}

function toSale(sale: AnySale): VendorSale {
  return {
    vendorItemIndex: sale.vendorItemIndex,
    itemHash: sale.itemHash,
    quantity: sale.quantity ?? 1,
    costs: (sale.costs ?? []).map((c: DestinyItemQuantity) => ({
      itemHash: c.itemHash,
      quantity: c.quantity,
    })),
    saleStatus: "saleStatus" in sale && typeof sale.saleStatus === "number" ? sale.saleStatus : 0,
    overrideNextRefreshDate: nonEmpty(sale.overrideNextRefreshDate),
    apiPurchasable: sale.apiPurchasable ?? false,
  };
}
