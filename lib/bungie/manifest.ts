import "server-only";
import {
  getDestinyManifest as apiGetDestinyManifest,
  type DestinyManifest,
} from "bungie-api-ts/destiny2";
import { getBungieClient } from "./client";
import { bungieFetch, type CallOptions } from "./fetch";

/** GetDestinyManifest: versions and content paths of the definitions, as Bungie sends them. */
export function getDestinyManifest(options?: CallOptions): Promise<DestinyManifest> {
  return bungieFetch((http) => apiGetDestinyManifest(http), {}, options);
}

/**
 * A static content file, e.g. a path from `jsonWorldComponentContentPaths`: `${origin}${path}`,
 * without X-API-Key (Bungie serves these as plain files). The Response is returned unread so
 * the body can be streamed; `timeoutMs` (default 5 min) bounds the whole download, body
 * included, and a non-2xx status throws BungieError "HttpError".
 */
export function fetchContent(path: string, options: CallOptions = {}): Promise<Response> {
  const client = options.client ?? getBungieClient();
  return client.fetchContent(path, { signal: options.signal, timeoutMs: options.timeoutMs });
}
