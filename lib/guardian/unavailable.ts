import "server-only";
import type { BungieError } from "@/lib/bungie";
import type { UnavailableView } from "./view-types";

/** What a page says when Bungie can't answer: never a stack trace, always what to do next. */
export function unavailableView(error: BungieError): UnavailableView {
  if (error.isMaintenance) {
    return {
      kind: "unavailable",
      title: "Bungie.net is down for maintenance",
      message:
        "Destiny's servers are being updated. Your gear is safe; try again in a little while.",
    };
  }
  if (error.isThrottle) {
    return {
      kind: "unavailable",
      title: "Bungie.net asked us to slow down",
      message: "Too many requests reached Bungie at once. Wait a few seconds and refresh.",
    };
  }
  if (error.isTimeout || error.isNetwork || error.isTransient) {
    return {
      kind: "unavailable",
      title: "Bungie.net didn't answer",
      message: "We couldn't reach Bungie.net just now. Refresh in a moment.",
    };
  }
  return {
    kind: "unavailable",
    title: "Bungie.net couldn't load your guardians",
    message: `Bungie answered "${error.message}". Refresh to try again.`,
  };
}
