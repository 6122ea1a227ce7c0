// The sandbox's whole manifest, built once per process: definitions depend on nothing but
// this code (not on the seed), just as the real manifest is the same for every player.
import { HashRegistry } from "./common";
import { buildItemTables, ItemTableBuilder, type ItemMeta } from "./items";
import { buildLoadoutTables, type LoadoutFacts } from "./loadouts";
import { buildStaticTables, type ActivityHashes, type SocketTypeHashes } from "./static-tables";
import { buildVendorTables, type VendorSpec } from "./vendors";

export type DefinitionTable = Record<string, object>;

export interface ManifestDefinitions {
  /** Definition tables by name (`DestinyInventoryItemDefinition`...), each keyed by hash string. */
  tables: Record<string, DefinitionTable>;
  meta: ReadonlyMap<number, ItemMeta>;
  perkForPlug: ReadonlyMap<number, number>;
  /** Every vendor but the hostile one (GetVendors lists those present and `listed`). */
  vendorSpecs: readonly VendorSpec[];
  /** The game's vendors screen (vendorGroups): groups in order, each with its vendors in order. */
  vendorScreen: readonly { groupHash: number; vendorHashes: readonly number[] }[];
  socketTypes: SocketTypeHashes;
  activities: ActivityHashes;
  /** In-game loadouts: slots per character and the identifiers a slot may take. */
  loadouts: LoadoutFacts;
  /** In the tables, but only reachable through POST /__sandbox/hostile-names. */
  hostile: { itemHashes: number[]; vendor: VendorSpec };
}

let cached: ManifestDefinitions | undefined;

export function getManifestDefinitions(): ManifestDefinitions {
  if (cached) return cached;
  const registry = new HashRegistry();
  const statics = buildStaticTables(registry);
  const builder = new ItemTableBuilder(registry, statics.socketTypes);
  const items = buildItemTables(builder);
  // Vendors add their sub-vendors' preview items to the item table.
  const vendors = buildVendorTables(registry, builder);
  const loadouts = buildLoadoutTables(registry);
  cached = {
    tables: {
      ...statics.tables,
      DestinyInventoryItemDefinition: builder.items,
      DestinySandboxPerkDefinition: items.perks,
      DestinyPlugSetDefinition: items.plugSets,
      DestinyVendorDefinition: vendors.vendors,
      DestinyVendorGroupDefinition: vendors.groups,
      ...loadouts.tables,
    },
    meta: builder.meta,
    perkForPlug: items.perkForPlug,
    vendorSpecs: vendors.specs,
    vendorScreen: vendors.screen,
    socketTypes: statics.socketTypes,
    activities: statics.activities,
    loadouts: loadouts.facts,
    hostile: { itemHashes: items.hostileItemHashes, vendor: vendors.hostileSpec },
  };
  return cached;
}

export type { ItemMeta, VendorSpec, ActivityHashes, LoadoutFacts };
