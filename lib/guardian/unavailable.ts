import "server-only";
import { classifyBungieTrouble } from "@/lib/bungie";
import type { UnavailableView } from "./view-types";

/**
 * What a guardian page says when Bungie can't answer: never a stack trace, always what to do
 * next. null for what is not Bungie trouble, or is a sign-in matter (the caller rethrows it).
 */
export function unavailableView(error: unknown): UnavailableView | null {
  const trouble = classifyBungieTrouble(error);
  switch (trouble.kind) {
    case "not-bungie":
    case "signed-out":
      return null;
    case "maintenance":
      return {
        kind: "unavailable",
        title: "Bungie.net is down for maintenance",
        message:
          "Destiny's servers are being updated. Your gear is safe; try again in a little while.",
      };
    case "throttled":
      return {
        kind: "unavailable",
        title: "Bungie.net asked us to slow down",
        message: "Too many requests reached Bungie at once. Wait a few seconds and refresh.",
      };
    case "unreachable":
      return {
        kind: "unavailable",
        title: "Bungie.net didn't answer",
        message: "We couldn't reach Bungie.net just now. Refresh in a moment.",
      };
    case "private":
    case "not-found":
    case "other":
      return {
        kind: "unavailable",
        title: "Bungie.net couldn't load your guardians",
        message: `Bungie answered "${trouble.message}". Refresh to try again.`,
      };
  }
}
