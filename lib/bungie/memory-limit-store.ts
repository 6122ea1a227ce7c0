import "server-only";
import {
  ACTION_POLL_MS,
  BUNGIE_LIMITS,
  createLimiter,
  type BungieLimiter,
  type LimitSettings,
  type LimitStore,
} from "./limits";

type PlayerSlot = { leaseId: string | null; leaseUntil: number; lastDone: number };

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
    async tryAction(playerKey, leaseId, leaseMs) {
      const t = now();
      const slot = players.get(playerKey);
      if (slot?.leaseId && slot.leaseUntil > t) {
        return Math.min(ACTION_POLL_MS, slot.leaseUntil - t);
      }
      if (slot && t - slot.lastDone < settings.actionSpacingMs) {
        return slot.lastDone + settings.actionSpacingMs - t;
      }
      players.set(playerKey, { leaseId, leaseUntil: t + leaseMs, lastDone: slot?.lastDone ?? 0 });
      // Forget idle players so the map stays small.
      if (players.size > 10_000) {
        for (const [key, s] of players) {
          if (!s.leaseId && t - s.lastDone >= settings.actionSpacingMs) players.delete(key);
        }
      }
      return 0;
    },
    async releaseAction(playerKey, leaseId) {
      const slot = players.get(playerKey);
      // A lease that expired and was taken over belongs to someone else now.
      if (slot?.leaseId !== leaseId) return;
      players.set(playerKey, { leaseId: null, leaseUntil: 0, lastDone: now() });
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
