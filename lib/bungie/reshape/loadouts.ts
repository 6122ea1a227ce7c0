import "server-only";
import type { DestinyLoadoutComponent, DestinyLoadoutsComponent } from "bungie-api-ts/destiny2";
import type { InGameLoadout } from "../types";
import { componentData, toId, toNumber } from "./common";

type LoadoutsComponent =
  | { data?: Record<string, DestinyLoadoutsComponent>; privacy?: number; disabled?: boolean }
  | undefined;

/** An item entry Bungie fills with "0" for a place the slot saved nothing in. */
const NO_ITEM = "0";

/**
 * Component 206 (`characterLoadouts`) → characterId → slots in index order. A slot whose every
 * entry is "0" is empty (Bungie sends empty slots with their items all "0", never leaves them out).
 */
export function reshapeLoadouts(
  component: LoadoutsComponent,
  privateOut: string[],
): Record<string, InGameLoadout[]> {
  const byCharacter = componentData(component, "characterLoadouts", privateOut) ?? {};
  const out: Record<string, InGameLoadout[]> = {};
  for (const [characterId, value] of Object.entries(byCharacter)) {
    out[characterId] = (value.loadouts ?? []).map(reshapeLoadout);
  }
  return out;
}

export function reshapeLoadout(slot: DestinyLoadoutComponent, index: number): InGameLoadout {
  const items = (slot.items ?? [])
    .map((item) => ({
      itemInstanceId: toId(item.itemInstanceId),
      plugItemHashes: (item.plugItemHashes ?? []).map((hash) => toNumber(hash) >>> 0),
    }))
    .filter((item) => item.itemInstanceId !== "" && item.itemInstanceId !== NO_ITEM);
  return {
    index,
    nameHash: toNumber(slot.nameHash) >>> 0,
    iconHash: toNumber(slot.iconHash) >>> 0,
    colorHash: toNumber(slot.colorHash) >>> 0,
    items,
    empty: items.length === 0,
  };
}
