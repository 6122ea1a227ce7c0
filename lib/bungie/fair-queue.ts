import "server-only";

/**
 * Who goes first when calls wait for Bungie's window, highest first: token calls (a page
 * stalled on a refresh holds everything it would send after it), then item actions (a player is
 * watching a move), then page reads, then background jobs (the digest), which nobody watches.
 */
export const PRIORITIES = ["token", "action", "page", "background"] as const;
export type Priority = (typeof PRIORITIES)[number];

export type QueueEntry = { readonly priority: Priority; readonly player: string };

/** A player waiting in one priority class: what the limit store ranks (one per class and player). */
export type Claimant = { readonly priority: Priority; readonly player: string };

/**
 * A claimant's place in the line for the next window slot, lower first, the same in every store
 * and every instance: its class, then when the player was last granted a slot (0 when not within
 * the window). "Least recently served first" is round-robin across players, also across app
 * instances that share the window through Redis: a player with fifty calls queued on one instance
 * and a player with one call on another alternate, whoever took the last slot goes behind.
 * Scores stay below 2^53 (class × 1e13 + a millisecond timestamp), so doubles hold them exactly.
 */
export function claimScore(priority: Priority, lastGrantMs: number): number {
  return PRIORITIES.indexOf(priority) * 1e13 + lastGrantMs;
}

/**
 * The order in which waiting calls get window slots: the highest priority class with waiters
 * first; within a class, round-robin across players (one call each in turn), and each player's
 * own calls in arrival order. So a player with fifty calls queued (a vendors page) holds up
 * another player's one call by at most one grant.
 *
 * Pure bookkeeping, no timers: the limiter (limits.ts) decides when a slot is free.
 */
export class FairQueue<T extends QueueEntry> {
  // Per class, the players with waiting calls. A Map iterates in insertion order, so it is the
  // rotation: the head is served next, then moves to the back if it still has calls waiting.
  private readonly classes = new Map<Priority, Map<string, T[]>>(
    PRIORITIES.map((priority) => [priority, new Map()]),
  );
  private count = 0;

  get size(): number {
    return this.count;
  }

  push(entry: T): void {
    const players = this.classes.get(entry.priority)!;
    const calls = players.get(entry.player);
    if (calls) calls.push(entry);
    else players.set(entry.player, [entry]);
    this.count++;
  }

  /** The next call to serve, removed from the queue; undefined when none waits. */
  shift(): T | undefined {
    for (const players of this.classes.values()) {
      const head = players.entries().next();
      if (head.done) continue;
      const [player, calls] = head.value;
      const entry = calls.shift()!;
      players.delete(player);
      if (calls.length > 0) players.set(player, calls); // to the back of the rotation
      this.count--;
      return entry;
    }
    return undefined;
  }

  /**
   * Up to `limit` distinct (class, player) pairs with calls waiting, highest class first and in
   * rotation order: the candidates the limiter offers the store for the next slot.
   */
  heads(limit: number): Claimant[] {
    const out: Claimant[] = [];
    for (const [priority, players] of this.classes) {
      for (const player of players.keys()) {
        if (out.length >= limit) return out;
        out.push({ priority, player });
      }
    }
    return out;
  }

  /** The oldest waiting call of this player in this class (the store granted it), removed. */
  take(claimant: Claimant): T | undefined {
    const players = this.classes.get(claimant.priority)!;
    const calls = players.get(claimant.player);
    const entry = calls?.shift();
    if (!calls || !entry) return undefined;
    players.delete(claimant.player);
    if (calls.length > 0) players.set(claimant.player, calls); // to the back of the rotation
    this.count--;
    return entry;
  }

  /** Whether this player still has calls waiting in this class. */
  has(claimant: Claimant): boolean {
    return this.classes.get(claimant.priority)!.has(claimant.player);
  }

  /** Takes out a call that stopped waiting (aborted); false if it was not queued. */
  remove(entry: T): boolean {
    const players = this.classes.get(entry.priority)!;
    const calls = players.get(entry.player);
    const index = calls?.indexOf(entry) ?? -1;
    if (!calls || index < 0) return false;
    calls.splice(index, 1);
    if (calls.length === 0) players.delete(entry.player);
    this.count--;
    return true;
  }
}
