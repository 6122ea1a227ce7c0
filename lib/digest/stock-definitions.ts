import "server-only";
import type { VendorDefinitionLookup, VendorStock } from "@/lib/vendors/build-view";
import type { DefinitionsLookup } from "@/lib/vendors/load-vendors";

/**
 * The manifest definitions a digest shows for this stock (vendors, their groups, the items on
 * sale and their costs), read in one batch per table. Manifest reads are local: no Bungie call.
 */
export async function stockDefinitions(
  stock: VendorStock,
  lookup: DefinitionsLookup,
): Promise<VendorDefinitionLookup> {
  const vendorHashes = new Set([
    ...stock.vendors.map((v) => v.vendorHash),
    ...stock.failedVendorHashes,
  ]);
  const itemHashes = new Set(
    stock.vendors.flatMap((v) =>
      v.sales.flatMap((s) => [s.itemHash, ...s.costs.map((c) => c.itemHash)]),
    ),
  );
  const [vendors, items] = await Promise.all([
    lookup("DestinyVendorDefinition", vendorHashes),
    lookup("DestinyInventoryItemDefinition", itemHashes),
  ]);
  const groupHashes = new Set([
    ...stock.groups.map((g) => g.vendorGroupHash),
    ...[...vendorHashes].flatMap((hash) => vendors.get(hash).groups),
  ]);
  const groups = await lookup("DestinyVendorGroupDefinition", groupHashes);
  return {
    vendor: (hash) => vendors.get(hash),
    group: (hash) => groups.get(hash),
    item: (hash) => items.get(hash),
  };
}
