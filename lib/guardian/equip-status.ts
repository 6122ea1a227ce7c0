// Why Bungie would not equip an item, in the player's words: EquipItems answers one status per
// item (a PlatformErrorCode), and these are the ones the game gives.
import type { EquipResult } from "@/lib/bungie";
import { EQUIP_LOCATION_RULE } from "@/lib/destiny/move-planner";
import { PlatformErrorCodes } from "@/lib/destiny/platform-error-codes";

/** One item's equipStatus as a clause ("only one exotic of a kind can be equipped"). */
export function explainEquipStatus(status: number): string {
  switch (status) {
    case PlatformErrorCodes.DestinyCannotPerformActionAtThisLocation:
    case PlatformErrorCodes.DestinyCharacterNotInTower:
      return EQUIP_LOCATION_RULE;
    case PlatformErrorCodes.DestinyItemUniqueEquipRestricted:
      return "only one exotic of a kind can be equipped";
    case PlatformErrorCodes.DestinyItemNotFound:
      return "not found on the character";
    default:
      return `Bungie error ${status}`;
  }
}

/** The sentence for an EquipItems call some of whose items stayed unequipped. */
export function equipSetFailure(
  failed: readonly EquipResult[],
  nameOf: (itemInstanceId: string) => string | undefined,
): string {
  const names = failed.map(
    (r) => `${nameOf(r.itemInstanceId) ?? "An item"} (${explainEquipStatus(r.equipStatus)})`,
  );
  return `Some items couldn't be equipped: ${names.join("; ")}.`;
}
