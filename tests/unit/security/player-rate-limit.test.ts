import { describe, expect, it } from "vitest";
import { checkRateLimit, createMemoryRateLimitStore } from "@/lib/security/player-rate-limit";

describe("per-player rate limit", () => {
  it("allows the limit within a window, refuses the next with the wait, and resets", async () => {
    let now = 1_000_000;
    const store = createMemoryRateLimitStore(() => now);
    const rule = { limit: 3, windowMs: 10_000 };
    for (let i = 0; i < 3; i++)
      expect(await checkRateLimit(store, "item:u1", rule)).toEqual({ ok: true });
    now += 2_500;
    expect(await checkRateLimit(store, "item:u1", rule)).toEqual({
      ok: false,
      retryAfterSeconds: 8,
    });
    // Another player is not affected.
    expect(await checkRateLimit(store, "item:u2", rule)).toEqual({ ok: true });
    now += 7_500;
    expect(await checkRateLimit(store, "item:u1", rule)).toEqual({ ok: true });
  });
});
