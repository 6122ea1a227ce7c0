import "server-only";
import { classifyBungieTrouble, type BungieError } from "@/lib/bungie";
import { inActivityMessage } from "@/lib/destiny/move-planner";
import { characterName, type PlanStep, type PlannerState } from "@/lib/destiny/planner-state";
import { PlatformErrorCodes } from "@/lib/destiny/platform-error-codes";

/** Bungie's refusal of one step, in words a player can act on. */
export function explainBungieError(
  error: BungieError,
  step: PlanStep | null,
  state: PlannerState | null,
): string {
  const who = step && state ? characterName(state, step.characterId) : "character";
  const item =
    step && state && step.kind !== "equip-set"
      ? (state.items.find((i) => i.key === step.itemKey)?.name ?? "The item")
      : "The item";
  switch (error.code) {
    case PlatformErrorCodes.DestinyCannotPerformActionAtThisLocation:
    case PlatformErrorCodes.DestinyCharacterNotInTower:
    case PlatformErrorCodes.DestinyItemUnequippable:
      if (step?.kind === "equip" || step?.kind === "equip-set") return inActivityMessage(who);
      return `${item} can't be moved right now: Bungie says the ${who} can't do that where they are.`;
    case PlatformErrorCodes.DestinyNoRoomInDestination:
    case PlatformErrorCodes.DestinyInventoryFull:
      return `There was no room for ${item}: Bungie reports the destination full. Refresh and try again.`;
    case PlatformErrorCodes.DestinyItemNotFound:
      return `Bungie couldn't find ${item} where we expected it: it may have moved in the game. Refresh to see where it is.`;
    case PlatformErrorCodes.DestinyCannotPerformActionOnEquippedItem:
      return `${item} is equipped, so it can't be moved. Equip something else in its place first.`;
    case PlatformErrorCodes.DestinyItemUniqueEquipRestricted:
      return "Only one exotic weapon and one exotic armour piece can be equipped at a time.";
    case PlatformErrorCodes.DestinyItemNotTransferrable:
    case PlatformErrorCodes.DestinyItemNotTransferrableHasSideEffects:
      return `${item} can't be transferred.`;
    case PlatformErrorCodes.DestinyItemActionForbidden:
    case PlatformErrorCodes.DestinyActionInsufficientPrivileges:
      return "Bungie didn't allow that action for this account.";
    default:
      break;
  }
  // Not about this item: about Bungie right now.
  const trouble = classifyBungieTrouble(error);
  switch (trouble.kind) {
    case "maintenance":
      return "Bungie.net is down for maintenance. Try again later.";
    case "throttled": {
      const wait = trouble.waitSeconds > 0 ? ` ${trouble.waitSeconds} s` : " a moment";
      return `Bungie asked us to slow down. Wait${wait} and try again.`;
    }
    case "unreachable":
      // The action may or may not have happened: the inventory re-read after it says which.
      if (trouble.cause !== "bungie") {
        return "Bungie.net didn't answer in time. Check the inventory below: it shows where everything is.";
      }
      break;
    default:
      break;
  }
  return `Bungie refused: ${error.message}.`;
}
