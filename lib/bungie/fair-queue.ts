import "server-only";

/**
 * Who goes first when calls wait for Bungie's window, highest first: token calls (a page
 * stalled on a refresh holds everything it would send after it), then item actions (a player is
 * watching a move), then page reads, then background jobs (the digest), which nobody watches.
 */
export const PRIORITIES = ["token", "action", "page", "background"] as const;
export type Priority = (typeof PRIORITIES)[number];

export type QueueEntry = { readonly priority: Priority; readonly player: string };

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
