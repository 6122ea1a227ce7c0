import "server-only";
import { classifyBungieTrouble } from "@/lib/bungie";

/**
 * What the clan page tells the player when Bungie could not give us their clan, or null for an
 * error that is not Bungie's (a bug: let the error boundary have it).
 */
export function bungieTroubleMessage(error: unknown): string | null {
  const trouble = classifyBungieTrouble(error);
  switch (trouble.kind) {
    case "not-bungie":
      return null;
    case "maintenance":
      return "Bungie.net is down for maintenance. Try again later.";
    case "throttled":
      return "Bungie.net is busy right now. Try again in a minute.";
    case "unreachable":
      return "Bungie.net is not answering right now. Try again in a moment.";
    case "signed-out":
    case "private":
    case "not-found":
    case "other":
      return "Bungie.net could not load this right now. Try again in a moment.";
  }
}
