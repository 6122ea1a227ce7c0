import "server-only";
import { BungieError } from "@/lib/bungie";

/** What the page tells the player when Bungie could not give us their clan. */
export function bungieTroubleMessage(error: unknown): string {
  if (error instanceof BungieError) {
    if (error.isMaintenance) return "Bungie.net is down for maintenance. Try again later.";
    if (error.isThrottle) return "Bungie.net is busy right now. Try again in a minute.";
    if (error.isTimeout || error.isNetwork || error.isTransient) {
      return "Bungie.net is not answering right now. Try again in a moment.";
    }
  }
  return "Bungie.net could not load this right now. Try again in a moment.";
}
