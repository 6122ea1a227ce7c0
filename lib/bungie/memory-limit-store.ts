import "server-only";
import {
  ACTION_POLL_MS,
  BUNGIE_LIMITS,
  createLimiter,
  longestSpacing,
  type ActionKind,
  type BungieLimiter,
  type LimitSettings,
  type LimitStore,
} from "./limits";

type PlayerSlot = {
  leaseId: string | null;
  leaseUntil: number;
  /** When the player's last action of each kind was answered. */
  done: Partial<Record<ActionKind, number>>;
};

/**
 * The limits kept in this process: right for one app instance. With several instances behind a
 * load balancer each would allow the full rate, so production with REDIS_URL uses Redis.
 */
export function createMemoryLimitStore(
  settings: LimitSettings = BUNGIE_LIMITS,
  now: () => number = Date.now,
): LimitStore {
  // Send times within the window, oldest first. At most maxRequests entries.
  const sent: number[] = [];
  const players = new Map<string, PlayerSlot>();
  const remembered = longestSpacing(settings);

  return {
    kind: "memory",
    async tryRequest() {
      const t = now();
      // An entry exactly windowMs old has left the window (same rule as the Redis script).
      while (sent.length > 0 && sent[0]! <= t - settings.windowMs) sent.shift();
      if (sent.length < settings.maxRequests) {
        sent.push(t);
        return 0;
      }
      return Math.max(1, sent[0]! + settings.windowMs - t);
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
