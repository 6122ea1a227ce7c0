import "server-only";
import { createHash } from "node:crypto";
import type { ServerResponse } from "bungie-api-ts/destiny2";
import type { HttpClient, HttpClientConfig } from "bungie-api-ts/http";
import { parseEnvelope } from "./envelope";
import { BungieError, ClientErrorCodes } from "./errors";
import {
  ANONYMOUS_PLAYER,
  throttleBackoffMs,
  type ActionKind,
  type BungieLimiter,
  type Priority,
  type RequestSlot,
} from "./limits";
import { consoleLogger, createSafeLogger, type BungieLogger, type SafeLogger } from "./logger";
import { createMemoryLimiter } from "./memory-limit-store";
import { DEFAULT_RETRY_POLICY, retryDelay, type RequestKind, type RetryPolicy } from "./retry";
import { redact } from "@/lib/log/redact";
import { sleep } from "./sleep";

/** The host bungie-api-ts hard-codes into every URL; rewritten to the configured origin. */
const BUNGIE_NET = "https://www.bungie.net";
const TOKEN_PATH = "/Platform/App/OAuth/token/";
/** An action lease outlives its request's timeout by this much (the wait for a window slot). */
const ACTION_LEASE_MARGIN_MS = 15_000;
/**
 * A read's whole budget by default: two full attempts. Without it a read that timed out was
 * sent three more times, each with the full timeout (over 40 s for one GetProfile): when Bungie
 * (or the sandbox in our own process) was slow under a burst, every retry added to the load that
 * made it slow, and pages hung past any browser's patience instead of saying Bungie is busy.
 */
export const READ_DEADLINE_MS = 20_000;
/** A retry is only worth sending with at least this share of the per-attempt timeout left. */
const MIN_ATTEMPT_SHARE = 0.5;

export type BungieClientConfig = {
  /** Scheme + host (+ optional path prefix, e.g. http://localhost:3000/sandbox). */
  origin: string;
  apiKey: string;
  clientId?: string;
  clientSecret?: string;
  /** Per-attempt timeout of reads, in ms. */
  timeoutMs?: number;
  /**
   * The most one read may take in all, in ms: the wait for a window slot, every attempt and the
   * pauses between them. Retries that would not fit are not sent.
   */
  readDeadlineMs?: number;
  /** Per-attempt timeout of item actions and token calls (the game server is in the loop). */
  writeTimeoutMs?: number;
  /** Timeout of a whole static content download, body included. */
  contentTimeoutMs?: number;
  /** Defaults to in-process limits at Bungie's published rates. */
  limiter?: BungieLimiter;
  fetch?: typeof fetch;
  /** Receives only redacted lines. Defaults to console warnings/errors. */
  logger?: BungieLogger;
  retry?: Partial<RetryPolicy>;
  /** Jitter source, injectable for tests. */
  random?: () => number;
};

export type RequestOptions = {
  /** The player's OAuth access token, sent as `Authorization: Bearer`. */
  accessToken?: string;
  /** Defaults to "read" for GET and "write" for POST. Only reads are ever retried. */
  kind?: RequestKind;
  /**
   * Set for actions Bungie paces per player: `player` is a stable id of the player (their
   * Bungie.net membership id), `kind` picks the spacing (limits.ts). A player's actions run one
   * at a time. `minSpacingMs` makes this one wait longer (a resend after Bungie's 36).
   */
  action?: { player: string; kind: ActionKind; minSpacingMs?: number };
  /**
   * Order among calls waiting for the window: "action" for actions, else "page". The digest
   * passes "background"; token calls are always "token".
   */
  priority?: Priority;
  /**
   * Whose call this is, for round-robin among waiting calls of one priority. Defaults to the
   * action's player, else a hash of the access token (never the token), else one shared id for
   * calls made without a player.
   */
  player?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Query parameters bungie-api-ts does not know about (GetMembersOfGroup's currentpage). */
  query?: Record<string, string>;
};

export type ContentOptions = { signal?: AbortSignal; timeoutMs?: number };

export type TokenCallResult = { status: number; text: string };

export interface BungieClient {
  readonly origin: string;
  readonly clientId: string | undefined;
  readonly limiter: BungieLimiter;
  /** Redacting logger, for modules built on this client. */
  readonly log: SafeLogger;
  /** redact() with this client's API key and client secret (plus `extra`) as known secrets. */
  redact(text: string, extra?: readonly (string | undefined)[]): string;
  /** An HttpClient for bungie-api-ts request functions, bound to one player's options. */
  http(options?: RequestOptions): HttpClient;
  /** One /Platform call: limits, timeout, envelope check, retries for reads. */
  request<T>(config: HttpClientConfig, options?: RequestOptions): Promise<ServerResponse<T>>;
  /** A static file below the origin (manifest content): no API key, body left to stream. */
  fetchContent(path: string, options?: ContentOptions): Promise<Response>;
  /** POSTs the OAuth token endpoint with the client credentials added; never retried. */
  tokenRequest(fields: Record<string, string>, signal?: AbortSignal): Promise<TokenCallResult>;
  close(): Promise<void>;
}

export function createBungieClient(config: BungieClientConfig): BungieClient {
  const origin = config.origin.replace(/\/+$/, "");
  const fetchImpl = config.fetch ?? globalThis.fetch;
  const limiter = config.limiter ?? createMemoryLimiter();
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...config.retry };
  const random = config.random ?? Math.random;
  const readTimeoutMs = config.timeoutMs ?? 10_000;
  const readDeadlineMs = config.readDeadlineMs ?? READ_DEADLINE_MS;
  const writeTimeoutMs = config.writeTimeoutMs ?? Math.max(readTimeoutMs, 15_000);
  const contentTimeoutMs = config.contentTimeoutMs ?? 300_000;
  const log = createSafeLogger(config.logger ?? consoleLogger, () => [
    config.apiKey,
    config.clientSecret,
  ]);
  const scrub = (text: string, extra: readonly (string | undefined)[] = []) =>
    redact(text, [config.apiKey, config.clientSecret, ...extra]);

  /** One attempt: fetch and read the whole body under one timeout. */
  async function send(
    url: string,
    init: RequestInit,
    endpoint: string,
    timeoutMs: number,
    callerSignal: AbortSignal | undefined,
  ): Promise<TokenCallResult> {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = callerSignal ? AbortSignal.any([timeout, callerSignal]) : timeout;
    try {
      const response = await fetchImpl(url, { ...init, signal });
      return { status: response.status, text: await response.text() };
    } catch (error) {
      throw transportError(error, endpoint, timeoutMs, timeout, callerSignal);
    }
  }

  async function request<T>(
    req: HttpClientConfig,
    options: RequestOptions = {},
  ): Promise<ServerResponse<T>> {
    const path = platformPath(req.url);
    const endpoint = path.slice("/Platform".length);
    const query = new URLSearchParams({ ...req.params, ...options.query }).toString();
    const url = `${origin}${path}${query ? `?${query}` : ""}`;
    const kind = options.kind ?? (req.method === "GET" ? "read" : "write");
    const timeoutMs = options.timeoutMs ?? (kind === "read" ? readTimeoutMs : writeTimeoutMs);
    const headers: Record<string, string> = {
      "X-API-Key": config.apiKey,
      Accept: "application/json",
    };
    if (options.accessToken) headers.Authorization = `Bearer ${options.accessToken}`;
    const init: RequestInit = { method: req.method, headers };
    if (req.method === "POST") {
      headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(req.body ?? {});
    }
    const secrets = [options.accessToken];
    const { action, signal } = options;
    // Reads end by their deadline whatever happens (writes are sent once, under their timeout).
    const deadline = kind === "read" ? performance.now() + readDeadlineMs : Infinity;
    const deadlineSignal = kind === "read" ? AbortSignal.timeout(readDeadlineMs) : undefined;
    const waitSignal =
      signal && deadlineSignal
        ? AbortSignal.any([signal, deadlineSignal])
        : (signal ?? deadlineSignal);
    const ticket = {
      priority: options.priority ?? (action ? "action" : "page"),
      player: options.player ?? action?.player ?? playerOfToken(options.accessToken),
      signal: waitSignal,
    } as const;

    for (let retries = 0; ; retries++) {
      const started = performance.now();
      let error: BungieError;
      // Actions: one at a time per player, spaced from the previous answer (limits.ts).
      const lease = action
        ? await limiter.acquireAction(action.player, {
            action: action.kind,
            leaseMs: timeoutMs + ACTION_LEASE_MARGIN_MS,
            minSpacingMs: action.minSpacingMs,
            signal,
          })
        : null;
      let slot: RequestSlot | undefined;
      try {
        try {
          slot = await limiter.acquireRequest(ticket);
        } catch (waitError) {
          if (waitSignal?.aborted) throw callerAbortError(waitSignal, endpoint, waitError);
          throw waitError;
        }
        // Whole milliseconds: AbortSignal.timeout throws a RangeError on a fraction, and the
        // deadline's remainder is one whenever it is shorter than the per-attempt timeout.
        const attemptMs = Math.max(
          1,
          Math.floor(Math.min(timeoutMs, deadline - performance.now())),
        );
        const { status, text } = await send(url, init, endpoint, attemptMs, options.signal);
        const envelope = parseEnvelope<T>(text, status, endpoint);
        log("debug", `${req.method} ${endpoint} ${status}`, { ms: elapsed(started) }, secrets);
        return envelope;
      } catch (caught) {
        if (!(caught instanceof BungieError)) throw caught;
        // Bungie's Message can echo request data; errors end up in logs and on pages.
        error = caught.withScrubbedMessage((text) => scrub(text, secrets));
      } finally {
        // Bungie has counted the call by now if it ever will (LimitStore.answered).
        slot?.answered();
        await lease?.release();
      }
      // Bungie counts per source IP: when it throttles one call, every player's next call from
      // this address (every instance, with Redis) would be refused too, and each refusal may
      // lengthen the penalty. So the whole scope stops for ThrottleSeconds, not just this call.
      if (error.isThrottle) {
        const ms = throttleBackoffMs(error.throttleSeconds);
        log("warn", `Bungie throttled ${endpoint}: pausing every call for ${ms} ms`, {
          error: error.toJSON(),
        });
        await limiter.backOff(ms);
      }
      let delay = retryDelay(error, kind, retries, policy, random);
      const left = deadline - performance.now() - (delay ?? 0);
      if (delay !== null && left < timeoutMs * MIN_ATTEMPT_SHARE) delay = null;
      const fields = { ms: elapsed(started), error: error.toJSON(), attempt: retries + 1 };
      if (delay === null) {
        const notable = error.isThrottle || error.isTransient || error.isMaintenance;
        log(notable ? "warn" : "debug", `${req.method} ${endpoint} failed`, fields, secrets);
        throw error;
      }
      log("info", `${req.method} ${endpoint} retrying in ${delay} ms`, fields, secrets);
      await sleep(delay, options.signal);
    }
  }

  async function fetchContent(path: string, options: ContentOptions = {}): Promise<Response> {
    // Only paths below our origin: a manifest entry must not send us to another host.
    if (!path.startsWith("/") || path.startsWith("//")) {
      throw new TypeError(`fetchContent expects a path starting with "/": ${path}`);
    }
    const endpoint = path.split("?")[0] ?? path;
    const timeoutMs = options.timeoutMs ?? contentTimeoutMs;
    for (let retries = 0; ; retries++) {
      const outcome = await contentAttempt(path, endpoint, timeoutMs, options.signal);
      if (outcome instanceof Response) return outcome;
      const error = outcome;
      const delay = retryDelay(error, "read", retries, policy, random);
      if (delay === null) {
        log("warn", `GET ${endpoint} failed`, { error: error.toJSON() });
        throw error;
      }
      log("info", `GET ${endpoint} retrying in ${delay} ms`, { error: error.toJSON() });
      await sleep(delay, options.signal);
    }
  }

  /** One content download attempt: the unread Response, or the BungieError it ended in. */
  async function contentAttempt(
    path: string,
    endpoint: string,
    timeoutMs: number,
    callerSignal: AbortSignal | undefined,
  ): Promise<Response | BungieError> {
    // The timeout signal stays attached to the body, so it bounds the whole download.
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = callerSignal ? AbortSignal.any([timeout, callerSignal]) : timeout;
    let response: Response;
    try {
      response = await fetchImpl(`${origin}${path}`, { signal });
    } catch (cause) {
      return transportError(cause, endpoint, timeoutMs, timeout, callerSignal);
    }
    if (response.ok) return response;
    await response.body?.cancel();
    return new BungieError({
      code: ClientErrorCodes.HttpError,
      name: "HttpError",
      message: `Bungie.net answered HTTP ${response.status} for a content file`,
      endpoint,
      httpStatus: response.status,
    });
  }

  async function tokenRequest(
    fields: Record<string, string>,
    signal?: AbortSignal,
  ): Promise<TokenCallResult> {
    if (!config.clientId || !config.clientSecret) {
      throw new Error("Bungie OAuth needs clientId and clientSecret in the client config");
    }
    const endpoint = TOKEN_PATH.slice("/Platform".length);
    // Bungie's token endpoint takes the confidential client's credentials in the form body
    // (as DIM does); no X-API-Key and no `scope` (Bungie rejects it: scope is fixed).
    const body = new URLSearchParams({
      ...fields,
      client_id: config.clientId,
      client_secret: config.clientSecret,
    });
    // First in line: a page waiting on a refresh holds every call it would make after it. The
    // caller's signal bounds this wait too, so a deadline covers the whole call.
    let slot: RequestSlot;
    try {
      slot = await limiter.acquireRequest({
        priority: "token",
        player: playerOfToken(fields.refresh_token ?? fields.code),
        signal,
      });
    } catch (error) {
      if (signal?.aborted) throw callerAbortError(signal, endpoint, error);
      throw error;
    }
    const started = performance.now();
    const result = await send(
      `${origin}${TOKEN_PATH}`,
      {
        method: "POST",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          Accept: "application/json",
        },
        body: body.toString(),
      },
      endpoint,
      writeTimeoutMs,
      signal,
    ).finally(() => slot.answered());
    log("debug", `POST ${endpoint} ${result.status}`, { ms: elapsed(started) }, [
      fields.code,
      fields.refresh_token,
    ]);
    return result;
  }

  return {
    origin,
    clientId: config.clientId,
    limiter,
    log,
    redact: scrub,
    // bungie-api-ts types the envelope as the HttpClient's return value; request() returns it.
    http: (options) => ((req: HttpClientConfig) => request(req, options)) as HttpClient,
    request,
    fetchContent,
    tokenRequest,
    close: () => limiter.close(),
  };
}

/** `https://www.bungie.net/Platform/X/` (bungie-api-ts) or `/Platform/X/` → `/Platform/X/`. */
function platformPath(url: string): string {
  const path = url.startsWith(BUNGIE_NET) ? url.slice(BUNGIE_NET.length) : url;
  if (!path.startsWith("/Platform/")) {
    throw new TypeError(`Not a Bungie.net /Platform URL: ${url.split("?")[0]}`);
  }
  return path.split("?")[0]!;
}

/** A stable, non-secret player id for the limiter's queue: a hash of the token, never the token. */
function playerOfToken(token: string | undefined): string {
  if (!token) return ANONYMOUS_PLAYER;
  return `token:${createHash("sha256").update(token).digest("base64url").slice(0, 16)}`;
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}

function transportError(
  error: unknown,
  endpoint: string,
  timeoutMs: number,
  timeout: AbortSignal,
  callerSignal: AbortSignal | undefined,
): BungieError {
  if (callerSignal?.aborted) return callerAbortError(callerSignal, endpoint, error);
  if (timeout.aborted) {
    return new BungieError({
      code: ClientErrorCodes.Timeout,
      name: "Timeout",
      message: `Bungie.net did not answer within ${timeoutMs} ms`,
      endpoint,
    });
  }
  // undici reports "fetch failed" with the socket error (ECONNREFUSED, ECONNRESET…) as cause.
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  const detail = typeof cause?.code === "string" ? cause.code : "network error";
  return new BungieError({
    code: ClientErrorCodes.NetworkError,
    name: "NetworkError",
    message: `Could not reach Bungie.net (${detail})`,
    endpoint,
  });
}

/**
 * The caller's signal ended the call: a deadline the caller set (AbortSignal.timeout, whose
 * reason is a TimeoutError) is a Timeout, anything else a cancellation.
 */
function callerAbortError(signal: AbortSignal, endpoint: string, cause?: unknown): BungieError {
  const reason: unknown = signal.reason;
  if (reason instanceof Error && reason.name === "TimeoutError") {
    return new BungieError({
      code: ClientErrorCodes.Timeout,
      name: "Timeout",
      message: "Bungie.net did not answer within the caller's deadline",
      endpoint,
    });
  }
  return new BungieError({
    code: ClientErrorCodes.Aborted,
    name: "Aborted",
    message: "The request was cancelled",
    endpoint,
    cause,
  });
}
