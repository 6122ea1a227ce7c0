import "server-only";
import { classifyBungieTrouble } from "@/lib/bungie";
import { ManifestUnavailableError } from "@/lib/manifest";

/**
 * What to tell a player when their vendors can't be shown, or null for an error that is not
 * about Bungie or the manifest (a bug: let the error boundary have it).
 */
export function vendorsUnavailableMessage(error: unknown): string | null {
  if (error instanceof ManifestUnavailableError) {
    return "Warmind is still downloading Destiny's item names. Try again in a minute.";
  }
  const trouble = classifyBungieTrouble(error);
  switch (trouble.kind) {
    case "not-bungie":
      return null;
    case "maintenance":
      return "Bungie.net is down for maintenance. Vendors will be back when it is.";
    case "throttled":
      return "Bungie.net is busy right now. Try again in a few seconds.";
    case "private":
      return "Bungie.net keeps this account's vendors private.";
    case "unreachable":
      if (trouble.cause === "timeout") {
        return "Bungie.net took too long to answer. Try again in a moment.";
      }
      return GENERIC;
    case "signed-out":
    case "not-found":
    case "other":
      return GENERIC;
  }
}

const GENERIC = "Bungie.net could not show your vendors just now. Try again in a moment.";
