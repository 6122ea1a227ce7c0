import "server-only";
import { randomUUID } from "node:crypto";
import { FairQueue, type Priority } from "./fair-queue";
import { sleep } from "./sleep";

export type { Priority } from "./fair-queue";

/**
 * The kinds of action Bungie paces per player (the spec's ThrottleSecondsBetweenActionPerUser):
 * - `item`: TransferItem, PullFromPostmaster, EquipItem, EquipItems, SetItemLockState (0.1 s);
 * - `loadout`: EquipLoadout, SnapshotLoadout, UpdateLoadoutIdentifiers, ClearLoadout (1 s);
 * - `plug`: InsertSocketPlugFree (0.5 s).
 */
export const ACTION_KINDS = ["item", "loadout", "plug"] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

/**
 * Bungie's published limits. About 25 requests/s per SOURCE ADDRESS averaged over a rolling 10 s
 * window (Bungie-net/api#26, #218, #583): not per API key, so every player of a deployment, and
 * anything else sending from the same address, shares it. And a spacing between actions of one
 * player, per kind of action.
 */
export type LimitSettings = {
  /** Requests allowed from one scope (see client.ts limitScope) within any `windowMs`. */
  maxRequests: number;
  windowMs: number;
  /**
   * Per kind of action: the minimum gap between the answer to a player's previous action of that
   * kind and the send of their next one.
   */
  actionSpacingMs: Readonly<Record<ActionKind, number>>;
};

export const BUNGIE_LIMITS: LimitSettings = {
  maxRequests: 250,
  windowMs: 10_000,
  actionSpacingMs: { item: 100, loadout: 1_000, plug: 500 },
};

/** While another action of the player is in flight, check again this often. */
export const ACTION_POLL_MS = 20;

/** The longest spacing of any kind: how long a player's slot must be remembered after an answer. */
export function longestSpacing(settings: LimitSettings): number {
  return Math.max(...ACTION_KINDS.map((kind) => settings.actionSpacingMs[kind]));
}

/**
 * Where the counters live (process memory, or Redis shared by every app instance). Each `try`
 * either takes the slot now (returns 0) or takes nothing and says how long to wait before
 * trying again.
 *
 * Actions hold a per-player lease from send to answer, one at a time across kinds (concurrent
 * moves, equips and loadouts of one account race each other in Bungie's inventory), and the
 * spacing of a kind counts from the answer to the player's previous action of that kind. Bungie
 * measures its gap between ARRIVALS, so spacing sends is not enough: network jitter can land two
 * of them 95 ms apart (→ 36). One at a time, each sent ≥ spacing after the previous answer, can
 * never arrive too early.
 */
export interface LimitStore {
  readonly kind: "memory" | "redis";
  /** A slot in the scope's rolling window. */
  tryRequest(): Promise<number>;
  /**
   * The player's action lease (`leaseId`, expiring after `leaseMs` if never released), for an
   * action of `action` kind sent at least `max(spacing of the kind, minSpacingMs)` after the
   * answer to the player's previous action of that kind.
   */
  tryAction(claim: ActionClaim): Promise<number>;
  /** Ends the lease: the spacing to the player's next action of this kind starts now. */
  releaseAction(player: string, action: ActionKind, leaseId: string): Promise<void>;
  close(): Promise<void>;
}

export type ActionClaim = {
  player: string;
  action: ActionKind;
  leaseId: string;
  leaseMs: number;
  minSpacingMs?: number;
};

export type ActionLease = {
  /** Call once the action's answer (or failure) is in. */
  release(): Promise<void>;
};

/** Who waits for a window slot, and how urgently (see fair-queue.ts). */
export type RequestTicket = {
  priority: Priority;
  /**
   * Which player the call is for: calls of one class are served round-robin across players.
   * Any stable id; never a secret (http.ts uses a hash of the access token by default).
   */
  player: string;
  signal?: AbortSignal;
};

export type ActionOptions = {
  action: ActionKind;
  /** Bounds how long a crashed holder can block the player. */
  leaseMs: number;
  /** A resend after Bungie's 36 waits longer than the kind's spacing. */
  minSpacingMs?: number;
  signal?: AbortSignal;
};

/** What the HTTP client awaits before each request. It delays; it never fails on its own. */
export interface BungieLimiter {
  readonly kind: "memory" | "redis";
  /** Waits for a slot in the scope's rolling window, served in priority and round-robin order. */
  acquireRequest(ticket?: RequestTicket): Promise<void>;
  /**
   * Waits until no other action of this player is in flight and their last action of this kind
   * answered at least its spacing ago. This process's waiters of one player go in arrival order.
   */
  acquireAction(player: string, options: ActionOptions): Promise<ActionLease>;
  close(): Promise<void>;
}

/** Calls that name no player share this one (manifest, public vendors). */
export const ANONYMOUS_PLAYER = "anonymous";
const DEFAULT_TICKET: RequestTicket = { priority: "page", player: ANONYMOUS_PLAYER };

type Waiter = {
  readonly priority: Priority;
  readonly player: string;
  grant(): void;
  fail(error: unknown): void;
};

export function createLimiter(store: LimitStore): BungieLimiter {
  const queue = new FairQueue<Waiter>();
  let pumping = false;
  // Cut the pump's sleep short when nothing waits any more (every waiter aborted).
  let wake: AbortController | null = null;

  // One loop per process hands out window slots while callers wait. The store's wait is a lower
  // bound (another instance may take the slot first), so it loops.
  async function pump() {
    pumping = true;
    try {
      while (queue.size > 0) {
        let waitMs: number;
        try {
          waitMs = await store.tryRequest();
        } catch (error) {
          queue.shift()?.fail(error);
          continue;
        }
        if (waitMs <= 0) {
          // If every waiter aborted during the try, the slot goes unused: conservative.
          queue.shift()?.grant();
          continue;
        }
        wake = new AbortController();
        await sleep(waitMs, wake.signal).catch(() => {});
        wake = null;
      }
    } finally {
      pumping = false;
    }
  }

  async function acquireRequest(ticket: RequestTicket = DEFAULT_TICKET): Promise<void> {
    const { signal } = ticket;
    signal?.throwIfAborted();
    // Nobody waiting: try at once (concurrent callers each ask the store; no queue needed).
    if (queue.size === 0 && !pumping) {
      if ((await store.tryRequest()) <= 0) return;
      signal?.throwIfAborted();
    }
    await new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        if (!queue.remove(waiter)) return;
        if (queue.size === 0) wake?.abort();
        reject(signal?.reason);
      };
      const settle = () => signal?.removeEventListener("abort", onAbort);
      const waiter: Waiter = {
        priority: ticket.priority,
        player: ticket.player,
        grant: () => {
          settle();
          resolve();
        },
        fail: (error) => {
          settle();
          reject(error);
        },
      };
      queue.push(waiter);
      signal?.addEventListener("abort", onAbort, { once: true });
      if (!pumping) void pump();
    });
  }

  // This process's actions, per player: each waits for the one before it to be released, so
  // only the head asks the store (fewer polls, and a player's actions keep their order).
  const turns = new Map<string, Promise<void>>();
  function takeTurn(player: string) {
    const previous = turns.get(player);
    let done!: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    const tail = previous ? previous.then(() => finished) : finished;
    turns.set(player, tail);
    void tail.then(() => {
      if (turns.get(player) === tail) turns.delete(player);
    });
    return { previous, done };
  }

  async function acquireAction(player: string, options: ActionOptions): Promise<ActionLease> {
    const { action, leaseMs, minSpacingMs, signal } = options;
    const turn = takeTurn(player);
    const leaseId = randomUUID();
    try {
      // A holder that never releases frees the store after leaseMs; stop waiting for it here
      // after as long (then the store decides).
      if (turn.previous) await untilAborted(withTimeout(turn.previous, leaseMs), signal);
      for (;;) {
        signal?.throwIfAborted();
        const waitMs = await store.tryAction({ player, action, leaseId, leaseMs, minSpacingMs });
        if (waitMs <= 0) break;
        await sleep(waitMs, signal);
      }
    } catch (error) {
      turn.done();
      throw error;
    }
    let released = false;
    return {
      release: async () => {
        if (released) return;
        released = true;
        try {
          await store.releaseAction(player, action, leaseId);
        } finally {
          turn.done();
        }
      },
    };
  }

  return {
    kind: store.kind,
    acquireRequest,
    acquireAction,
    close: () => store.close(),
  };
}

/** Resolves with `promise` or after `ms`, whichever comes first. */
function withTimeout(promise: Promise<void>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
    timer.unref?.();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** `promise`, or the signal's reason as soon as it aborts. */
function untilAborted(promise: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return promise;
  signal.throwIfAborted();
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      () => {
        signal.removeEventListener("abort", onAbort);
        resolve();
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

/** A limiter that never waits: for tests of other layers and for scripts that must not block. */
export const unlimited: BungieLimiter = {
  kind: "memory",
  acquireRequest: async () => {},
  acquireAction: async () => ({ release: async () => {} }),
  close: async () => {},
};
