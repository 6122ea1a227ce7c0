import "server-only";
import type { ServerResponse } from "bungie-api-ts/destiny2";
import type { HttpClient } from "bungie-api-ts/http";
import { getBungieClient } from "./client";
import type { BungieClient, RequestOptions } from "./http";

/** What every getter accepts last: which client (default: the app's), cancellation, timeout. */
export type CallOptions = {
  client?: BungieClient;
  signal?: AbortSignal;
  timeoutMs?: number;
};

/**
 * Runs one bungie-api-ts request function through the client and returns its `Response`.
 * Errors (including ErrorCode ≠ 1 with HTTP 200) have already been thrown as BungieError.
 */
export async function bungieFetch<T>(
  run: (http: HttpClient) => Promise<ServerResponse<T>>,
  request: Omit<RequestOptions, "signal" | "timeoutMs">,
  options: CallOptions = {},
): Promise<T> {
  const client = options.client ?? getBungieClient();
  const envelope = await run(
    client.http({ ...request, signal: options.signal, timeoutMs: options.timeoutMs }),
  );
  return envelope.Response;
}
