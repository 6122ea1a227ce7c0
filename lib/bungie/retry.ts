import "server-only";
import type { BungieError } from "./errors";

/** Reads are safe to send twice. Writes (item actions, token calls) are not. */
export type RequestKind = "read" | "write";

export type RetryPolicy = {
  /** Retries after the first attempt, for reads. */
  maxRetries: number;
  /** First backoff for transient failures; doubles per retry, plus jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Wait at least this long after a throttle, even if ThrottleSeconds is 0. */
  minThrottleWaitMs: number;
  /**
   * A throttle asking for a longer wait than this is surfaced instead of waited out: a page
   * should show "Bungie is busy" rather than hang for a minute.
   */
  maxThrottleWaitMs: number;
};

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 3,
  baseDelayMs: 250,
  maxDelayMs: 4_000,
  minThrottleWaitMs: 1_000,
  maxThrottleWaitMs: 15_000,
};

/**
 * How long to wait before sending a request again after `error`, or null to give up and throw.
 * `retriesSoFar` is 0 after the first failure.
 *
 * Writes are never retried here. TransferItem/Equip/Pull/SetLockState are not idempotent, and
 * after a timeout, a network error or a 5xx we cannot know whether Bungie performed the action:
 * sending a transfer twice can move a second copy of a stack or fail confusingly. Even when
 * Bungie clearly refused before acting (a throttle such as 36: see
 * BungieError.isRejectedBeforeAction) the client surfaces the error, because the caller (a move
 * plan) knows whether resending is still wanted after the wait; the per-player spacing in the
 * limiter keeps 36 from happening in the first place.
 */
export function retryDelay(
  error: BungieError,
  kind: RequestKind,
  retriesSoFar: number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  random: () => number = Math.random,
): number | null {
  if (kind === "write" || retriesSoFar >= policy.maxRetries) return null;

  if (error.isThrottle) {
    const asked = error.throttleSeconds * 1000;
    if (asked > policy.maxThrottleWaitMs) return null;
    // A little jitter so instances throttled together don't all return in the same instant.
    return Math.max(asked, policy.minThrottleWaitMs) + Math.floor(random() * 250);
  }

  if (error.isTransient) {
    // "Equal jitter": half the exponential step fixed, half random.
    const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retriesSoFar);
    return Math.floor(step / 2 + random() * (step / 2));
  }

  // Maintenance, auth, not-found, bad request…: the same request would fail the same way.
  return null;
}
