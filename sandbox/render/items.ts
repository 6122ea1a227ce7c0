// Rendering world items as Bungie's item components (DestinyItemComponent and the
// item-level components 300-310). Everything derives from ItemPlace, so location,
// bucketHash, transferStatus, isEquipped and canEquip can never disagree.
import type {
  DestinyItemComponent,
  DestinyItemInstanceComponent,
  DestinyItemPerksComponent,
  DestinyItemReusablePlugsComponent,
  DestinyItemSocketsComponent,
  DestinyItemStatsComponent,
} from "bungie-api-ts/destiny2";
import { BucketHashes } from "../../lib/destiny/buckets";
import { ItemLocation, TransferStatus } from "../../lib/destiny/game-facts";
import type { ItemMeta, ManifestDefinitions } from "../world/definitions";
import type { DestinyProfile, WorldCharacter, WorldItem } from "../world/types";

/** Bungie omits metricObjective for non-metric items, and sends dismantlePermission. */
export type ItemComponentOut = Omit<DestinyItemComponent, "metricObjective"> & {
  dismantlePermission?: number;
};
/** Weapons have no energy block; ghosts, emblems and subclasses no primary stat. */
export type InstanceComponentOut = {
  -readonly [
    K in keyof Omit<DestinyItemInstanceComponent, "energy" | "primaryStat">
  ]: DestinyItemInstanceComponent[K];
} & {
  primaryStat?: DestinyItemInstanceComponent["primaryStat"];
  energy?: DestinyItemInstanceComponent["energy"];
};

export function bucketOf(item: WorldItem, meta: ItemMeta | undefined): number {
  switch (item.place.kind) {
    case "vault":
      return BucketHashes.General;
    case "postmaster":
      return BucketHashes.LostItems;
    default:
      return meta?.bucketHash ?? 0;
  }
}

export function locationOf(item: WorldItem): number {
  switch (item.place.kind) {
    case "vault":
      return ItemLocation.Vault;
    case "postmaster":
      return ItemLocation.Postmaster;
    default:
      return ItemLocation.Inventory;
  }
}

export function transferStatusOf(item: WorldItem, meta: ItemMeta | undefined): number {
  let status: number = TransferStatus.CanTransfer;
  if (item.place.kind === "equipped") status |= TransferStatus.ItemIsEquipped;
  if (meta?.nonTransferrable) status |= TransferStatus.NotTransferrable;
  return status;
}

export function renderItem(item: WorldItem, meta: ItemMeta | undefined): ItemComponentOut {
  const out: ItemComponentOut = {
    itemHash: item.itemHash,
    quantity: item.quantity,
    bindStatus: 0,
    location: locationOf(item) as 1,
    bucketHash: bucketOf(item, meta),
    transferStatus: transferStatusOf(item, meta) as 0,
    lockable: item.itemInstanceId !== undefined && meta?.kind !== "subclass",
    state: item.state as 0,
    dismantlePermission: item.itemInstanceId ? 2 : 0,
    isWrapper: false,
    tooltipNotificationIndexes: [],
  };
  // Keep the key order Bungie uses: itemInstanceId right after itemHash.
  if (!item.itemInstanceId) return out;
  const { itemHash, ...rest } = out;
  return { itemHash, itemInstanceId: item.itemInstanceId, ...rest };
}

/** Who can equip what: the facts canEquip/cannotEquipReason need. */
export interface EquipView {
  characters: ReadonlyMap<string, WorldCharacter>;
  /** uniqueLabel → bucket of the item equipped with that label, per character. */
  equippedUniques: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

export function buildEquipView(profile: DestinyProfile, defs: ManifestDefinitions): EquipView {
  const characters = new Map(profile.characters.map((c) => [c.characterId, c]));
  const equippedUniques = new Map<string, Map<string, number>>();
  for (const item of profile.items) {
    if (item.place.kind !== "equipped") continue;
    const label = defs.meta.get(item.itemHash)?.uniqueLabel;
    if (!label) continue;
    let labels = equippedUniques.get(item.place.characterId);
    if (!labels) equippedUniques.set(item.place.characterId, (labels = new Map()));
    labels.set(label, defs.meta.get(item.itemHash)?.bucketHash ?? 0);
  }
  return { characters, equippedUniques };
}

/** EquipFailureReason flags for an item in a character's inventory (0 when it can be equipped). */
export function equipFailure(item: WorldItem, meta: ItemMeta | undefined, view: EquipView): number {
  if (!meta || (item.place.kind !== "inventory" && item.place.kind !== "equipped")) return 1;
  if (!["weapon", "armor", "ghost", "ship", "vehicle", "emblem", "subclass"].includes(meta.kind))
    return 1;
  if (item.place.kind === "equipped") return 0;
  const character = view.characters.get(item.place.characterId);
  if (!character || (meta.classType !== 3 && meta.classType !== character.classType)) return 1;
  if (meta.uniqueLabel) {
    const equippedBucket = view.equippedUniques.get(character.characterId)?.get(meta.uniqueLabel);
    // Swapping within the same slot is fine; a second exotic in another slot is not.
    if (equippedBucket !== undefined && equippedBucket !== meta.bucketHash) return 2;
  }
  return 0;
}

export function renderInstance(
  item: WorldItem,
  meta: ItemMeta | undefined,
  view: EquipView,
): InstanceComponentOut {
  const failure = equipFailure(item, meta, view);
  const inCharacter = item.place.kind === "inventory" || item.place.kind === "equipped";
  const out: InstanceComponentOut = {
    damageType: (meta?.damageType ?? 0) as 0,
    itemLevel: item.power ? Math.floor(item.power / 10) : 0,
    quality: 0,
    isEquipped: item.place.kind === "equipped",
    canEquip: inCharacter && failure === 0,
    equipRequiredLevel: 0,
    unlockHashesRequiredToEquip: [],
    cannotEquipReason: (inCharacter ? failure : 0) as 0,
  };
  if (meta?.damageTypeHash) out.damageTypeHash = meta.damageTypeHash;
  if (item.power !== undefined && meta?.primaryStatHash) {
    out.primaryStat = { statHash: meta.primaryStatHash, value: item.power };
  }
  // Edge of Fate's tier; Bungie leaves it out for gear from before and for everything else.
  if (item.gearTier !== undefined) out.gearTier = item.gearTier;
  if (meta?.kind === "armor") {
    const capacity = item.state & 4 ? 10 : 8;
    const used = (item.plugs ?? []).filter((p) => p !== meta.socketOptions[0]?.[0]).length;
    out.energy = {
      energyTypeHash: 0,
      energyType: 0,
      energyCapacity: capacity,
      energyUsed: Math.min(capacity, used * 2),
      energyUnused: Math.max(0, capacity - used * 2),
    };
  }
  return out;
}

export function renderStats(item: WorldItem): DestinyItemStatsComponent {
  const stats: Record<number, { statHash: number; value: number }> = {};
  for (const [hash, value] of Object.entries(item.stats ?? {})) {
    stats[Number(hash)] = { statHash: Number(hash), value };
  }
  return { stats };
}

export function renderSockets(item: WorldItem): DestinyItemSocketsComponent {
  return {
    sockets: (item.plugs ?? []).map((plugHash) => ({
      plugHash,
      isEnabled: true,
      isVisible: true,
      enableFailIndexes: [],
    })),
  };
}

export function renderPerks(item: WorldItem, defs: ManifestDefinitions): DestinyItemPerksComponent {
  const perks = [];
  for (const plugHash of item.plugs ?? []) {
    const perkHash = defs.perkForPlug.get(plugHash);
    if (perkHash === undefined) continue;
    perks.push({
      perkHash,
      iconPath: `/common/destiny2_content/icons/perk-0-${plugHash}.png`,
      isActive: true,
      visible: true,
    });
  }
  return { perks };
}

export function renderReusablePlugs(meta: ItemMeta | undefined): DestinyItemReusablePlugsComponent {
  const plugs: DestinyItemReusablePlugsComponent["plugs"] = {};
  (meta?.socketOptions ?? []).forEach((options, index) => {
    if (options.length > 1) {
      (plugs as Record<number, unknown>)[index] = options.map((plugItemHash) => ({
        plugItemHash,
        canInsert: true,
        enabled: true,
        insertFailIndexes: [],
        enableFailIndexes: [],
      }));
    }
  });
  return { plugs };
}
