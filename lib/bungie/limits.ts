import "server-only";
import { randomUUID } from "node:crypto";
import { FairQueue, type Claimant, type Priority } from "./fair-queue";
import { sleep } from "./sleep";

export type { Claimant, Priority } from "./fair-queue";

/**
 * The kinds of action Bungie paces per player (the spec's ThrottleSecondsBetweenActionPerUser):
 * - `item`: TransferItem, PullFromPostmaster, EquipItem, EquipItems, SetItemLockState (0.1 s);
 * - `loadout`: EquipLoadout, SnapshotLoadout, UpdateLoadoutIdentifiers, ClearLoadout (1 s);
 * - `plug`: InsertSocketPlugFree (0.5 s).
 */
export const ACTION_KINDS = ["item", "loadout", "plug"] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

/**
 * Bungie's published limits. About 25 requests/s per SOURCE IP averaged over a rolling 10 s
 * window (Bungie-net/api#26, #218, #583): not per API key, so every player of a deployment, and
 * anything else sending from the same address, shares it. And a spacing between actions of one
 * player, per kind of action. BUNGIE_RATE_PER_SECOND / BUNGIE_RATE_WINDOW_SECONDS change the
 * window (client.ts limitScope).
 */
export type LimitSettings = {
  /** Requests allowed from one scope (see client.ts limitScope) within any `windowMs`. */
  maxRequests: number;
  windowMs: number;
  /**
   * Slots of the window kept for light players: once no more than `reserve` slots are free, only
   * a player with fewer than `reserve` sends in the window may take one. Without it one player's
   * burst (a refresh loop) takes the whole budget in a second and everybody, the quiet players
   * included, waits up to 9 s for it to age out, however fair the line. Bursts of many light
   * players (fifty sign-ins at once) still use the whole window. 0 or unset: no reserve.
   */
  reserve?: number;
  /**
   * Per kind of action: the minimum gap between the answer to a player's previous action of that
   * kind and the send of their next one.
   */
  actionSpacingMs: Readonly<Record<ActionKind, number>>;
};

export const BUNGIE_LIMITS: LimitSettings = {
  maxRequests: 250,
  windowMs: 10_000,
  reserve: 50,
  actionSpacingMs: { item: 100, loadout: 1_000, plug: 500 },
};

/** While another action of the player is in flight, check again this often. */
export const ACTION_POLL_MS = 20;

/**
 * Window claims: a claimant that another instance's better-placed claimant is ahead of asks again
 * this soon; a waiting instance asks at least every QUEUE_HEARTBEAT_MS (so its claimants stay
 * listed), and a listed claimant not asked for within QUEUE_STALE_MS (its instance died) is
 * dropped from the line.
 */
export const QUEUE_POLL_MS = 20;
export const QUEUE_HEARTBEAT_MS = 1_000;
export const QUEUE_STALE_MS = 3_000;
/**
 * How long the line remembers when a player was last served: long past the window, so a player
 * served a minute ago still goes behind one who was never served (Redis keeps it as long).
 */
export function servedKeepMs(settings: LimitSettings): number {
  return Math.max(settings.windowMs * 2, 60_000);
}
/** Candidates offered per claim: the limiter's first waiting (class, player) pairs. */
export const MAX_CANDIDATES = 32;

/**
 * How long the whole scope stops sending after Bungie throttles a call: its ThrottleSeconds, at
 * least a second (it often says 0), at most 5 s. The pause slows every player down (the next
 * calls from this address would likely be refused too, and each refusal can lengthen the
 * penalty) without letting one long answer, often about one endpoint or one user, silence every
 * page for a minute: the call that got it still sees the full wait (retry.ts surfaces a wait
 * longer than a page can give as "throttled"), and if Bungie keeps refusing, each refusal pauses
 * the scope again.
 */
export const MAX_SCOPE_BACKOFF_MS = 5_000;
export function throttleBackoffMs(throttleSeconds: number): number {
  return Math.min(MAX_SCOPE_BACKOFF_MS, Math.max(1_000, Math.round(throttleSeconds * 1000)));
}

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
  /**
   * A slot in the scope's rolling window for one of `candidates` (default: one anonymous page
   * call). The store lists every candidate in the scope's line (shared by all instances with
   * Redis) and grants the slot to the best placed of them (claimScore) only if no more players
   * are ahead of it, anywhere, than there are free slots. Also waits out a throttle backoff.
   */
  tryRequest(candidates?: readonly Claimant[]): Promise<RequestTry>;
  /**
   * The call sent on the slot `send` (RequestTry.send) has its answer, or failed: from now on the
   * slot counts as taken now. Bungie counts a call when it ARRIVES, which on a slow network or a
   * loaded server is later than when we took its slot; counting every call until its answer (the
   * latest it can have arrived) keeps the window we keep from running ahead of Bungie's. A send
   * that already left the window stays gone.
   */
  answered(send: string): Promise<void>;
  /** These claimants stopped waiting (their calls were cancelled): the line forgets them. */
  leaveQueue(claimants: readonly Claimant[]): Promise<void>;
  /** Bungie throttled the scope: no slot is granted for `ms` (the longer of this and any other). */
  backOff(ms: number): Promise<void>;
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

/**
 * `granted`: the index of the candidate that took the slot and the slot's `send` id, or -1 and
 * how long to wait.
 */
export type RequestTry = { granted: number; waitMs: number; send?: string };

/** A granted window slot. */
export type RequestSlot = {
  /** Call once the answer (or failure) is in: the slot counts from then (LimitStore.answered). */
  answered(): void;
};

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
  acquireRequest(ticket?: RequestTicket): Promise<RequestSlot>;
  /**
   * Waits until no other action of this player is in flight and their last action of this kind
   * answered at least its spacing ago. This process's waiters of one player go in arrival order.
   */
  acquireAction(player: string, options: ActionOptions): Promise<ActionLease>;
  /**
   * Bungie answered with a throttle: every call of the scope (every instance with Redis) waits
   * `ms` before its next send, not just the one that was refused.
   */
  backOff(ms: number): Promise<void>;
  close(): Promise<void>;
}

/** Calls that name no player share this one (manifest, public vendors). */
export const ANONYMOUS_PLAYER = "anonymous";
const DEFAULT_TICKET: RequestTicket = { priority: "page", player: ANONYMOUS_PLAYER };

type Waiter = {
  readonly priority: Priority;
  readonly player: string;
  grant(send: string | undefined): void;
  fail(error: unknown): void;
};

export function createLimiter(store: LimitStore): BungieLimiter {
  const slot = (send: string | undefined): RequestSlot => {
    let done = false;
    return {
      answered() {
        if (done || send === undefined) return;
        done = true;
        // Never holds the caller up: at worst the slot ages out from its send time, as before.
        void store.answered(send).catch(() => {});
      },
    };
  };

  const queue = new FairQueue<Waiter>();
  let pumping = false;
  // Cut the pump's sleep short when nothing waits any more (every waiter aborted).
  let wake: AbortController | null = null;

  // One loop per process hands out window slots while callers wait: it offers the store this
  // process's first waiting (class, player) pairs and serves the one the store picks. The store's
  // wait is a lower bound (another instance may take the slot first), so it loops; it asks at
  // least once per heartbeat so the shared line keeps listing our waiters.
  async function pump() {
    pumping = true;
    try {
      while (queue.size > 0) {
        const candidates = queue.heads(MAX_CANDIDATES);
        let outcome: RequestTry;
        try {
          outcome = await store.tryRequest(candidates);
        } catch (error) {
          queue.shift()?.fail(error);
          continue;
        }
        const chosen = candidates[outcome.granted];
        if (chosen) {
          // If that player's waiters all aborted during the try, the slot goes unused.
          queue.take(chosen)?.grant(outcome.send);
          continue;
        }
        wake = new AbortController();
        await sleep(Math.min(outcome.waitMs, QUEUE_HEARTBEAT_MS), wake.signal).catch(() => {});
        wake = null;
      }
    } finally {
      pumping = false;
    }
  }

  async function acquireRequest(ticket: RequestTicket = DEFAULT_TICKET): Promise<RequestSlot> {
    const { signal } = ticket;
    signal?.throwIfAborted();
    const claimant = { priority: ticket.priority, player: ticket.player };
    // Nobody waiting here: try at once (concurrent callers each ask the store; no queue needed).
    if (queue.size === 0 && !pumping) {
      const outcome = await store.tryRequest([claimant]);
      if (outcome.granted === 0) return slot(outcome.send);
      signal?.throwIfAborted();
    }
    return new Promise<RequestSlot>((resolve, reject) => {
      const onAbort = () => {
        if (!queue.remove(waiter)) return;
        if (queue.size === 0) wake?.abort();
        // The shared line must not keep a place for a player nobody here waits for any more.
        if (!queue.has(claimant)) void store.leaveQueue([claimant]).catch(() => {});
        reject(signal?.reason);
      };
      const settle = () => signal?.removeEventListener("abort", onAbort);
      const waiter: Waiter = {
        priority: ticket.priority,
        player: ticket.player,
        grant: (send) => {
          settle();
          resolve(slot(send));
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
    backOff: (ms) => store.backOff(ms),
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
export const UNCOUNTED_SLOT: RequestSlot = { answered() {} };
export const unlimited: BungieLimiter = {
  kind: "memory",
  acquireRequest: async () => UNCOUNTED_SLOT,
  acquireAction: async () => ({ release: async () => {} }),
  backOff: async () => {},
  close: async () => {},
};
