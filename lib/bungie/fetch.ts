import "server-only";
import type { ServerResponse } from "bungie-api-ts/destiny2";
import type { HttpClient } from "bungie-api-ts/http";
import { getBungieClient } from "./client";
import type { BungieClient, RequestOptions } from "./http";
import type { Priority } from "./limits";

/** What every getter accepts last: which client (default: the app's), cancellation, timeout. */
export type CallOptions = {
  client?: BungieClient;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Order among calls waiting for Bungie's window (http.ts); the digest passes "background". */
  priority?: Priority;
  /** Whose call this is, for round-robin among waiting calls (default: see http.ts). */
  player?: string;
  /** Actions only: send at least this long after the player's previous answer (a resend after 36). */
  minActionSpacingMs?: number;
};

/**
 * Runs one bungie-api-ts request function through the client and returns its `Response`.
 * Errors (including ErrorCode ≠ 1 with HTTP 200) have already been thrown as BungieError.
 */
export async function bungieFetch<T>(
  run: (http: HttpClient) => Promise<ServerResponse<T>>,
  request: Omit<RequestOptions, "signal" | "timeoutMs" | "priority" | "player">,
  options: CallOptions = {},
): Promise<T> {
  const client = options.client ?? getBungieClient();
  const { action } = request;
  const envelope = await run(
    client.http({
      ...request,
      action: action && { ...action, minSpacingMs: options.minActionSpacingMs },
      signal: options.signal,
      timeoutMs: options.timeoutMs,
      priority: options.priority,
      player: options.player,
    }),
  );
  return envelope.Response;
}
