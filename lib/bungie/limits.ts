import "server-only";
import { randomUUID } from "node:crypto";
import { sleep } from "./sleep";

/**
 * Bungie's published limits. ~25 requests/s per API key averaged over a rolling 10 s window
 * (Bungie-net/api#26, #218, #583), and 0.1 s between item actions of one user (the spec's
 * ThrottleSecondsBetweenActionPerUser for Transfer/Pull/Equip/EquipItems/SetLockState).
 */
export type LimitSettings = {
  /** Requests allowed per API key within any `windowMs`. */
  maxRequests: number;
  windowMs: number;
  /** Minimum gap between the end of one item action of a player and the start of the next. */
  actionSpacingMs: number;
};

export const BUNGIE_LIMITS: LimitSettings = {
  maxRequests: 250,
  windowMs: 10_000,
  actionSpacingMs: 100,
};

/** While another action of the player is in flight, check again this often. */
export const ACTION_POLL_MS = 20;

/**
 * Where the counters live (process memory, or Redis shared by every app instance). Each `try`
 * either takes the slot now (returns 0) or takes nothing and says how long to wait before
 * trying again.
 *
 * Item actions hold a per-player lease from send to answer, and the spacing counts from the
 * answer. Bungie measures its 0.1 s between ARRIVALS, so spacing sends by 100 ms is not enough:
 * network jitter can land two of them 95 ms apart (→ 36). One action at a time per player, the
 * next sent ≥ 100 ms after the previous answer, can never arrive too early. It is also how
 * Bungie's inventory wants to be driven: concurrent moves of one account race each other.
 */
export interface LimitStore {
  readonly kind: "memory" | "redis";
  tryRequest(): Promise<number>;
  /** Takes the player's action lease (`leaseId`, expiring after `leaseMs` if never released). */
  tryAction(playerKey: string, leaseId: string, leaseMs: number): Promise<number>;
  /** Ends the lease: the spacing to the player's next action starts now. */
  releaseAction(playerKey: string, leaseId: string): Promise<void>;
  close(): Promise<void>;
}

export type ActionLease = {
  /** Call once the action's answer (or failure) is in. */
  release(): Promise<void>;
};

/** What the HTTP client awaits before each request. It delays; it never fails on its own. */
export interface BungieLimiter {
  readonly kind: "memory" | "redis";
  /** Waits for a slot in the API key's rolling window. */
  acquireRequest(signal?: AbortSignal): Promise<void>;
  /**
   * Waits until no other item action of this player is in flight and the last one answered at
   * least `actionSpacingMs` ago. `leaseMs` bounds how long a crashed holder can block the player.
   */
  acquireAction(
    playerKey: string,
    options: { leaseMs: number; signal?: AbortSignal },
  ): Promise<ActionLease>;
  close(): Promise<void>;
}

export function createLimiter(store: LimitStore): BungieLimiter {
  // A store's wait is a lower bound (another caller may take the slot first), so loop.
  const waitFor = async (attempt: () => Promise<number>, signal?: AbortSignal) => {
    for (;;) {
      signal?.throwIfAborted();
      const waitMs = await attempt();
      if (waitMs <= 0) return;
      await sleep(waitMs, signal);
    }
  };
  return {
    kind: store.kind,
    acquireRequest: (signal) => waitFor(() => store.tryRequest(), signal),
    async acquireAction(playerKey, { leaseMs, signal }) {
      const leaseId = randomUUID();
      await waitFor(() => store.tryAction(playerKey, leaseId, leaseMs), signal);
      let released = false;
      return {
        release: async () => {
          if (released) return;
          released = true;
          await store.releaseAction(playerKey, leaseId);
        },
      };
    },
    close: () => store.close(),
  };
}

/** A limiter that never waits: for tests of other layers and for scripts that must not block. */
export const unlimited: BungieLimiter = {
  kind: "memory",
  acquireRequest: async () => {},
  acquireAction: async () => ({ release: async () => {} }),
  close: async () => {},
};
