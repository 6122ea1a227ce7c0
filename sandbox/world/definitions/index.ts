// The sandbox's whole manifest, built once per process: definitions depend on nothing but
// this code (not on the seed), just as the real manifest is the same for every player.
import { HashRegistry } from "./common";
import { buildItemTables, type ItemMeta } from "./items";
import { buildStaticTables, type ActivityHashes, type SocketTypeHashes } from "./static-tables";
import { buildVendorTables, type VendorSpec } from "./vendors";

export type DefinitionTable = Record<string, object>;

export interface ManifestDefinitions {
  /** Definition tables by name (`DestinyInventoryItemDefinition`...), each keyed by hash string. */
  tables: Record<string, DefinitionTable>;
  meta: ReadonlyMap<number, ItemMeta>;
  perkForPlug: ReadonlyMap<number, number>;
  vendorSpecs: readonly VendorSpec[];
  socketTypes: SocketTypeHashes;
  activities: ActivityHashes;
  /** In the tables, but only reachable through POST /__sandbox/hostile-names. */
  hostile: { itemHashes: number[]; vendor: VendorSpec };
}

let cached: ManifestDefinitions | undefined;

export function getManifestDefinitions(): ManifestDefinitions {
  if (cached) return cached;
  const registry = new HashRegistry();
  const statics = buildStaticTables(registry);
  const items = buildItemTables(registry, statics.socketTypes);
  const vendors = buildVendorTables(registry, items.meta);
  cached = {
    tables: {
      ...statics.tables,
      DestinyInventoryItemDefinition: items.items,
      DestinySandboxPerkDefinition: items.perks,
      DestinyVendorDefinition: vendors.vendors,
      DestinyVendorGroupDefinition: vendors.groups,
    },
    meta: items.meta,
    perkForPlug: items.perkForPlug,
    vendorSpecs: vendors.specs,
    socketTypes: statics.socketTypes,
    activities: statics.activities,
    hostile: { itemHashes: items.hostileItemHashes, vendor: vendors.hostileSpec },
  };
  return cached;
}

export type { ItemMeta, VendorSpec, ActivityHashes };
