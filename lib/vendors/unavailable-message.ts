import "server-only";
import { isBungieError } from "@/lib/bungie";
import { ManifestUnavailableError } from "@/lib/manifest";

/**
 * What to tell a player when their vendors can't be shown, or null for an error that is not
 * about Bungie or the manifest (a bug: let the error boundary have it).
 */
export function vendorsUnavailableMessage(error: unknown): string | null {
  if (error instanceof ManifestUnavailableError) {
    return "Warmind is still downloading Destiny's item names. Try again in a minute.";
  }
  if (!isBungieError(error)) return null;
  if (error.isMaintenance)
    return "Bungie.net is down for maintenance. Vendors will be back when it is.";
  if (error.isThrottle) return "Bungie.net is busy right now. Try again in a few seconds.";
  if (error.code === 1665 || error.code === 1682) {
    return "Bungie.net keeps this account's vendors private.";
  }
  if (error.isTimeout) return "Bungie.net took too long to answer. Try again in a moment.";
  return "Bungie.net could not show your vendors just now. Try again in a moment.";
}
