import "server-only";
import type { BungieError } from "@/lib/bungie";
import { explainBungieError } from "@/lib/guardian/explain-error";
import { PlatformErrorCodes } from "@/lib/destiny/platform-error-codes";

/** The game's rule for where loadouts work (the same as for equipping). */
export const LOADOUT_LOCATION_RULE =
  "loadouts can be equipped or changed only in orbit, a social space or offline";

/** Bungie's refusal of a loadout action, in words a player can act on. */
export function explainLoadoutError(error: BungieError, who: string, slotName: string): string {
  switch (error.code) {
    case PlatformErrorCodes.DestinyCannotPerformActionAtThisLocation:
    case PlatformErrorCodes.DestinyCharacterNotInTower:
      return `Your ${who} is in an activity: ${LOADOUT_LOCATION_RULE}. Go to orbit and try again.`;
    case PlatformErrorCodes.DestinyInvalidRequest:
      return `${slotName} is empty in the game: save gear into it first.`;
    case PlatformErrorCodes.InvalidParameters:
      return `The game refused ${slotName}: that slot, name, icon or colour isn't one it offers. Refresh and try again.`;
    default:
      return explainBungieError(error, null, null);
  }
}
