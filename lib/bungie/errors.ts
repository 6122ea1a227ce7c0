import "server-only";
import {
  PlatformErrorCodes,
  THROTTLE_CODES,
  platformErrorName,
} from "@/lib/destiny/platform-error-codes";

/**
 * Failures that never reached a Bungie envelope get negative codes, so they can't collide with
 * PlatformErrorCodes (which are all >= 0) and still fit `BungieError.code: number`.
 */
export const ClientErrorCodes = {
  /** Our own timeout fired (AbortSignal.timeout) before a full response arrived. */
  Timeout: -1,
  /** DNS, connection refused/reset, TLS: the request may or may not have reached Bungie. */
  NetworkError: -2,
  /** A response arrived but is not a Bungie envelope (HTML error page, empty body, bad JSON). */
  InvalidResponse: -3,
  /** The caller's own AbortSignal fired. */
  Aborted: -4,
  /** A non-envelope endpoint (static content) answered with a non-2xx status. */
  HttpError: -5,
} as const;
export type ClientErrorName = keyof typeof ClientErrorCodes;

const AUTH_CODES: ReadonlySet<number> = new Set([
  PlatformErrorCodes.AuthenticationInvalid,
  PlatformErrorCodes.WebAuthModuleAsyncFailed,
  PlatformErrorCodes.WebAuthRequired,
  PlatformErrorCodes.AccessTokenHasExpired,
  PlatformErrorCodes.OAuthAccessTokenExpired,
  PlatformErrorCodes.AuthorizationRecordInvalid,
  PlatformErrorCodes.TokenPreviouslyRevoked,
  PlatformErrorCodes.TokenInvalidMembership,
  PlatformErrorCodes.AuthorizationRecordExpired,
  PlatformErrorCodes.AuthorizationRecordRevoked,
]);

const API_KEY_CODES: ReadonlySet<number> = new Set([
  PlatformErrorCodes.ApiInvalidOrExpiredKey,
  PlatformErrorCodes.ApiKeyMissingFromRequest,
  PlatformErrorCodes.ApplicationDisabled,
  PlatformErrorCodes.OriginHeaderDoesNotMatchKey,
]);

// Bungie's own "try again later" failures: the platform or the game's shard relay hiccuped.
const TRANSIENT_CODES: ReadonlySet<number> = new Set([
  PlatformErrorCodes.UnhandledException,
  PlatformErrorCodes.DestinyUnexpectedError,
  PlatformErrorCodes.DestinyShardRelayClientTimeout,
  PlatformErrorCodes.DestinyShardRelayProxyTimeout,
  ClientErrorCodes.Timeout,
  ClientErrorCodes.NetworkError,
]);

// Codes with which Bungie turns a request away at its front door, before any game action runs:
// throttles (except 1672, which is the game server itself pushing back mid-action), maintenance,
// a bad API key, or a missing/expired token. Resending the same write after the wait is safe.
const REJECTED_BEFORE_ACTION: ReadonlySet<number> = new Set([
  ...THROTTLE_CODES.filter((code) => code !== PlatformErrorCodes.DestinyThrottledByGameServer),
  PlatformErrorCodes.SystemDisabled,
  PlatformErrorCodes.ApiInvalidOrExpiredKey,
  PlatformErrorCodes.ApiKeyMissingFromRequest,
  PlatformErrorCodes.ApplicationDisabled,
  ...AUTH_CODES,
]);

export type BungieErrorInit = {
  code: number;
  /** ErrorStatus, e.g. "DestinyNoRoomInDestination", or a ClientErrorName. */
  name: string;
  message: string;
  endpoint: string;
  httpStatus?: number | null;
  throttleSeconds?: number;
  messageData?: Record<string, string>;
  cause?: unknown;
};

/**
 * One Bungie.net failure: an envelope whose ErrorCode is not Success (whatever the HTTP status),
 * or a failure to get an envelope at all (timeout, network, non-JSON body).
 */
export class BungieError extends Error {
  /** PlatformErrorCodes value, or a negative ClientErrorCodes value. */
  readonly code: number;
  /** Bungie's ErrorStatus (or the ClientErrorName). Overrides Error.name so logs read well. */
  override readonly name: string;
  /** Seconds Bungie asked us to wait (0 when it did not say). */
  readonly throttleSeconds: number;
  /** null when no HTTP response arrived (timeout, network error). */
  readonly httpStatus: number | null;
  /** Path below /Platform (or the content path), without query string: never holds secrets. */
  readonly endpoint: string;
  readonly messageData: Record<string, string>;

  constructor(init: BungieErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.name = init.name;
    this.throttleSeconds = Math.max(0, init.throttleSeconds ?? 0);
    this.httpStatus = init.httpStatus ?? null;
    this.endpoint = init.endpoint;
    this.messageData = init.messageData ?? {};
  }

  static fromCode(
    code: number,
    endpoint: string,
    extra: Partial<Omit<BungieErrorInit, "code" | "endpoint">> = {},
  ): BungieError {
    return new BungieError({
      code,
      endpoint,
      name: extra.name ?? platformErrorName(code),
      message: extra.message ?? platformErrorName(code),
      ...extra,
    });
  }

  /** This error with its message passed through `scrub` (a copy only when that changes it). */
  withScrubbedMessage(scrub: (text: string) => string): BungieError {
    const message = scrub(this.message);
    if (message === this.message) return this;
    return new BungieError({
      code: this.code,
      name: this.name,
      message,
      endpoint: this.endpoint,
      httpStatus: this.httpStatus,
      throttleSeconds: this.throttleSeconds,
      messageData: Object.fromEntries(
        Object.entries(this.messageData).map(([k, v]) => [k, scrub(v)]),
      ),
    });
  }

  get isThrottle(): boolean {
    return THROTTLE_CODES.includes(this.code);
  }

  /**
   * The player's token is missing, expired or revoked: refresh it or sign in again. A 401 about
   * the app's API key is a configuration problem, not the player's.
   */
  get isAuth(): boolean {
    if (AUTH_CODES.has(this.code)) return true;
    return this.httpStatus === 401 && !API_KEY_CODES.has(this.code);
  }

  /** The app's API key is missing, invalid or disabled: an operator must fix the config. */
  get isApiKeyProblem(): boolean {
    return API_KEY_CODES.has(this.code);
  }

  /** Bungie is down for maintenance (SystemDisabled); retrying soon won't help. */
  get isMaintenance(): boolean {
    return this.code === PlatformErrorCodes.SystemDisabled;
  }

  get isTimeout(): boolean {
    return this.code === ClientErrorCodes.Timeout;
  }

  get isNetwork(): boolean {
    return this.code === ClientErrorCodes.NetworkError;
  }

  /**
   * A failure that may pass if the same READ is sent again: Bungie's "try again later" codes,
   * timeouts, network errors, and gateway pages (502/503/504 HTML) that are not envelopes.
   */
  get isTransient(): boolean {
    if (TRANSIENT_CODES.has(this.code)) return true;
    const gatewayPage =
      this.code === ClientErrorCodes.InvalidResponse || this.code === ClientErrorCodes.HttpError;
    return gatewayPage && this.httpStatus !== null && this.httpStatus >= 500;
  }

  /**
   * Bungie turned the request away before performing anything (throttle, maintenance, auth),
   * so a WRITE may be sent again without re-reading the inventory first.
   */
  get isRejectedBeforeAction(): boolean {
    return REJECTED_BEFORE_ACTION.has(this.code);
  }

  /** Plain data for logs and API responses (never includes request secrets). */
  toJSON() {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      endpoint: this.endpoint,
      httpStatus: this.httpStatus,
      throttleSeconds: this.throttleSeconds,
    };
  }
}

export function isBungieError(error: unknown): error is BungieError {
  return error instanceof BungieError;
}

// Bungie's answers about a profile, rather than about Bungie: the player keeps it private...
const PRIVATE_CODES: ReadonlySet<number> = new Set([
  PlatformErrorCodes.DestinyPrivacyRestriction,
  PlatformErrorCodes.DestinyPublicAccountNotAccessible,
]);
// ...or there is no Destiny profile behind that membership.
const NOT_FOUND_CODES: ReadonlySet<number> = new Set([PlatformErrorCodes.DestinyAccountNotFound]);

/**
 * What went wrong, in the classes pages speak about. Every Bungie class carries Bungie's own
 * (redacted) message so a page may quote it.
 * - `signed-out`: the player's token was refused (refresh it or sign in again). A session that
 *   lib/auth has already ended (its BungieSessionEndedError) is not a Bungie error: callers that
 *   hold one check for it first.
 * - `maintenance`: Bungie.net is down for maintenance (SystemDisabled).
 * - `throttled`: too many requests; `waitSeconds` is what Bungie asked for (0 when it did not say).
 * - `private`: the profile, or this part of it, is private (1665, 1682).
 * - `not-found`: no Destiny profile behind that membership (1601).
 * - `unreachable`: no answer we can use: our timeout fired (`timeout`), the network failed
 *   (`network`), or Bungie said "try again later" (`bungie`: 3, 1618, shard-relay timeouts, 5xx
 *   gateway pages).
 * - `other`: any other Bungie error (a bad API key, an item rule, a code we do not know).
 * - `not-bungie`: not a BungieError at all (a bug, the database, the manifest): the caller's.
 */
export type BungieTrouble =
  | { kind: "not-bungie" }
  | ({ message: string } & (
      | { kind: "signed-out" }
      | { kind: "maintenance" }
      | { kind: "throttled"; waitSeconds: number }
      | { kind: "private" }
      | { kind: "not-found" }
      | { kind: "unreachable"; cause: "timeout" | "network" | "bungie" }
      | { kind: "other" }
    ));

/**
 * The one place that reads codes to tell a page what kind of trouble it has. Each feature writes
 * its own sentences as a switch over the result.
 */
export function classifyBungieTrouble(error: unknown): BungieTrouble {
  if (!isBungieError(error)) return { kind: "not-bungie" };
  const { message } = error;
  if (error.isAuth) return { kind: "signed-out", message };
  if (error.isMaintenance) return { kind: "maintenance", message };
  if (error.isThrottle) return { kind: "throttled", waitSeconds: error.throttleSeconds, message };
  if (PRIVATE_CODES.has(error.code)) return { kind: "private", message };
  if (NOT_FOUND_CODES.has(error.code)) return { kind: "not-found", message };
  if (error.isTimeout) return { kind: "unreachable", cause: "timeout", message };
  if (error.isNetwork) return { kind: "unreachable", cause: "network", message };
  if (error.isTransient) return { kind: "unreachable", cause: "bungie", message };
  return { kind: "other", message };
}
