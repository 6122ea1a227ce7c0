import "server-only";
// Where manifests come from. The app uses lib/bungie (Bungie.net, or the sandbox in demo mode);
// tests and the bench inject a local server instead.
import type { DestinyManifest } from "bungie-api-ts/destiny2";
import { fetchContent, getDestinyManifest, type BungieClient } from "@/lib/bungie";

export type ManifestSources = {
  getManifest: () => Promise<DestinyManifest>;
  /** GETs `${origin}${path}` without the API key, as Bungie serves static content. */
  fetchContent: (path: string) => Promise<Response>;
};

/** The item table is 150+ MB: allow a slow link more than lib/bungie's default 5 minutes. */
const TABLE_TIMEOUT_MS = 20 * 60_000;

/** Bungie through lib/bungie: the app's client by default, or the one given (CLI, tests). */
export function defaultManifestSources(client?: BungieClient): ManifestSources {
  return {
    getManifest: () => getDestinyManifest({ client }),
    fetchContent: (path) => fetchContent(path, { client, timeoutMs: TABLE_TIMEOUT_MS }),
  };
}
