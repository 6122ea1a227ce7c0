import "server-only";
import { claimScore } from "./fair-queue";
import {
  ACTION_POLL_MS,
  ANONYMOUS_PLAYER,
  BUNGIE_LIMITS,
  QUEUE_POLL_MS,
  QUEUE_STALE_MS,
  servedKeepMs,
  createLimiter,
  longestSpacing,
  type ActionKind,
  type BungieLimiter,
  type LimitSettings,
  type Claimant,
  type LimitStore,
  type RequestTry,
} from "./limits";

const ANONYMOUS_PAGE: readonly Claimant[] = [{ priority: "page", player: ANONYMOUS_PLAYER }];
const lineKey = (c: Claimant) => `${c.priority}|${c.player}`;

type PlayerSlot = {
  leaseId: string | null;
  leaseUntil: number;
  /** When the player's last action of each kind was answered. */
  done: Partial<Record<ActionKind, number>>;
};

/**
 * The limits kept in this process: right for one app instance. With several instances behind a
 * load balancer each would allow the full rate, so production with REDIS_URL uses Redis. The
 * same rules as the Redis scripts (redis-limit-store.ts): a rolling window, a line of waiting
 * claimants served least-recently-served first, and a backoff after Bungie throttles.
 */
export function createMemoryLimitStore(
  settings: LimitSettings = BUNGIE_LIMITS,
  now: () => number = Date.now,
): LimitStore {
  // Sends within the window, oldest first (at most maxRequests), and how many each player has.
  // `at` is when the slot was taken, or when its answer came in (LimitStore.answered).
  const sent: { at: number; player: string; id: string }[] = [];
  const usage = new Map<string, number>();
  const players = new Map<string, PlayerSlot>();
  const remembered = longestSpacing(settings);
  // The line: each waiting (class, player) with when it last asked. Its score is computed when
  // ranking, from when the player was last granted a slot (`served`, within the window only).
  const line = new Map<string, { claimant: Claimant; seen: number }>();
  const served = new Map<string, number>();
  let backoffUntil = 0;
  let sends = 0;

  const scoreOf = (c: Claimant) => claimScore(c.priority, served.get(c.player) ?? 0);

  return {
    kind: "memory",
    async tryRequest(candidates = ANONYMOUS_PAGE): Promise<RequestTry> {
      const t = now();
      // An entry exactly windowMs old has left the window (same rule as the Redis script).
      while (sent.length > 0 && sent[0]!.at <= t - settings.windowMs) {
        const { player } = sent.shift()!;
        const left = (usage.get(player) ?? 1) - 1;
        if (left > 0) usage.set(player, left);
        else usage.delete(player);
      }
      for (const [player, at] of served)
        if (at <= t - servedKeepMs(settings)) served.delete(player);
      for (const [key, entry] of line) if (entry.seen <= t - QUEUE_STALE_MS) line.delete(key);
      for (const claimant of candidates) line.set(lineKey(claimant), { claimant, seen: t });
      if (backoffUntil > t) return { granted: -1, waitMs: backoffUntil - t };
      const free = settings.maxRequests - sent.length;
      const untilOldestLeaves = () => Math.max(1, sent[0]!.at + settings.windowMs - t);
      if (free <= 0) return { granted: -1, waitMs: untilOldestLeaves() };
      // Down to the reserve, only light players may take a slot (LimitSettings.reserve).
      const reserve = settings.reserve ?? 0;
      const eligible = (c: Claimant) => free > reserve || (usage.get(c.player) ?? 0) < reserve;
      let best = -1;
      let bestScore = Infinity;
      for (const [index, claimant] of candidates.entries()) {
        const score = scoreOf(claimant);
        if (eligible(claimant) && score < bestScore) [best, bestScore] = [index, score];
      }
      const chosen = candidates[best];
      if (!chosen) return { granted: -1, waitMs: candidates.length ? untilOldestLeaves() : 1 };
      let ahead = 0;
      for (const { claimant } of line.values()) {
        if (eligible(claimant) && scoreOf(claimant) < bestScore) ahead++;
      }
      // Players listed before it (cancelled ones leave the line) get the free slots first.
      if (ahead >= free) return { granted: -1, waitMs: QUEUE_POLL_MS };
      const id = `${chosen.player}|${++sends}`;
      sent.push({ at: t, player: chosen.player, id });
      usage.set(chosen.player, (usage.get(chosen.player) ?? 0) + 1);
      served.set(chosen.player, t);
      line.delete(lineKey(chosen));
      return { granted: best, waitMs: 0, send: id };
    },
    async answered(id) {
      const t = now();
      // From the newest: a call is answered soon after its send, so it is near the end.
      let index = sent.length - 1;
      while (index >= 0 && sent[index]!.id !== id) index--;
      // Gone, or left the window (not yet dropped: that happens on the next try).
      if (index < 0 || sent[index]!.at <= t - settings.windowMs) return;
      // Now is the latest time in the list, so moving the send to the end keeps it in order.
      const [entry] = sent.splice(index, 1);
      sent.push({ ...entry!, at: Math.max(entry!.at, t) });
    },
    async leaveQueue(claimants) {
      for (const claimant of claimants) line.delete(lineKey(claimant));
    },
    async backOff(ms) {
      backoffUntil = Math.max(backoffUntil, now() + ms);
    },
    async tryAction({ player, action, leaseId, leaseMs, minSpacingMs = 0 }) {
      const t = now();
      const slot = players.get(player);
      if (slot?.leaseId && slot.leaseUntil > t) {
        return Math.min(ACTION_POLL_MS, slot.leaseUntil - t);
      }
      const last = slot?.done[action];
      const spacing = Math.max(settings.actionSpacingMs[action], minSpacingMs);
      if (last !== undefined && t - last < spacing) return last + spacing - t;
      players.set(player, { leaseId, leaseUntil: t + leaseMs, done: slot?.done ?? {} });
      // Forget idle players so the map stays small.
      if (players.size > 10_000) {
        for (const [key, s] of players) {
          const latest = Math.max(0, ...Object.values(s.done));
          if (!s.leaseId && t - latest >= remembered) players.delete(key);
        }
      }
      return 0;
    },
    async releaseAction(player, action, leaseId) {
      const slot = players.get(player);
      // A lease that expired and was taken over belongs to someone else now.
      if (slot?.leaseId !== leaseId) return;
      players.set(player, {
        leaseId: null,
        leaseUntil: 0,
        done: { ...slot.done, [action]: now() },
      });
    },
    async close() {},
  };
}

export function createMemoryLimiter(
  settings: LimitSettings = BUNGIE_LIMITS,
  now?: () => number,
): BungieLimiter {
  return createLimiter(createMemoryLimitStore(settings, now));
}
