import "server-only";
import type {
  DestinyItemComponent,
  DestinyItemInstanceComponent,
  DestinyItemSocketsComponent,
  DestinyItemStatsComponent,
} from "bungie-api-ts/destiny2";
import { BucketHashes } from "@/lib/destiny/buckets";
import { ItemLocation as ApiItemLocation, ItemState } from "@/lib/destiny/game-facts";
import type { InventoryItem, ItemLocation, ItemStat } from "../types";
import { nonEmpty, optionalNumber, toId } from "./common";

/** Per-instance components, looked up by itemInstanceId. */
export type ItemComponentLookup = {
  instances?: Record<string, DestinyItemInstanceComponent>;
  stats?: Record<string, DestinyItemStatsComponent>;
  sockets?: Record<string, DestinyItemSocketsComponent>;
};

/** Which inventory list an item came from. */
export type ItemSource = "equipment" | "character" | "profile";

/**
 * Where the player sees the item. Character lists hold the postmaster (LostItems bucket,
 * location 4); the profile list holds the vault (General bucket, location 2) and account-wide
 * buckets (consumables, mods), which are "inventory" with no owner.
 */
export function locationOf(item: DestinyItemComponent, source: ItemSource): ItemLocation {
  if (source === "equipment") return "equipped";
  if (source === "character") {
    return item.bucketHash === BucketHashes.LostItems ||
      item.location === ApiItemLocation.Postmaster
      ? "postmaster"
      : "inventory";
  }
  return item.bucketHash === BucketHashes.General || item.location === ApiItemLocation.Vault
    ? "vault"
    : "inventory";
}

export function reshapeItem(
  item: DestinyItemComponent,
  location: ItemLocation,
  ownerCharacterId: string | null,
  lookup: ItemComponentLookup,
): InventoryItem {
  const instanceId = item.itemInstanceId ? toId(item.itemInstanceId) : null;
  // "0" is how Bungie spells "no instance" in requests; treat it the same in responses.
  const id = instanceId && instanceId !== "0" ? instanceId : null;
  const instance = id ? lookup.instances?.[id] : undefined;
  const state = item.state ?? 0;
  return {
    itemInstanceId: id,
    itemHash: item.itemHash,
    quantity: item.quantity ?? 1,
    bucketHash: item.bucketHash,
    location,
    ownerCharacterId: location === "vault" ? null : ownerCharacterId,
    isEquipped: instance?.isEquipped ?? location === "equipped",
    canEquip: instance?.canEquip ?? false,
    locked: (state & ItemState.Locked) !== 0,
    masterwork: (state & ItemState.Masterwork) !== 0,
    crafted: (state & ItemState.Crafted) !== 0,
    power: optionalNumber(instance?.primaryStat?.value),
    gearTier: gearTierOf(instance),
    damageType: optionalNumber(instance?.damageType),
    damageTypeHash: optionalNumber(instance?.damageTypeHash),
    state,
    transferStatus: item.transferStatus ?? 0,
    lockable: item.lockable ?? false,
    stats: id ? statsOf(lookup.stats?.[id]) : [],
    sockets: id ? socketsOf(lookup.sockets?.[id]) : [],
    overrideStyleItemHash: optionalNumber(item.overrideStyleItemHash),
    expirationDate: nonEmpty(item.expirationDate),
  };
}

function statsOf(component: DestinyItemStatsComponent | undefined): ItemStat[] {
  return Object.values(component?.stats ?? {})
    .map((s) => ({ statHash: s.statHash, value: s.value }))
    .sort((a, b) => a.statHash - b.statHash);
}

function socketsOf(component: DestinyItemSocketsComponent | undefined): (number | null)[] {
  return (component?.sockets ?? []).map((s) => optionalNumber(s.plugHash));
}

/** Edge of Fate's gear tier: 1-5, or null (older gear, non-gear, or Bungie sent 0/null). */
export function gearTierOf(instance: DestinyItemInstanceComponent | undefined): number | null {
  const tier = optionalNumber(instance?.gearTier);
  return tier !== null && tier >= 1 ? tier : null;
}
