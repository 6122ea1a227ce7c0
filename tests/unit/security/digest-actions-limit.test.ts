// The digest settings page's actions open through runPlayerAction with the settings limit:
// stopDigest too (it had no limit before), with the app's own rate-limit store.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ACTION_LIMITS } from "@/lib/security/player-rate-limit";

const work = vi.hoisted(() => ({ stopped: 0, resent: 0 }));

vi.mock("@/lib/auth/current-user", () => ({
  getCurrentUser: async () => ({ id: "digest-limit-user", bungieName: null, image: null }),
}));
vi.mock("@/lib/digest/settings-actions", () => ({
  saveDigestSettingsFor: async () => ({ status: "saved", message: "Saved." }),
  resendConfirmationFor: async () => (work.resent++, { status: "saved", message: "Sent." }),
  stopDigestFor: async () => (
    work.stopped++,
    { status: "stopped", message: "The digest is off. Nothing more will be sent." }
  ),
}));

beforeAll(() => {
  // The app's rate-limit store reads the environment: in memory, without REDIS_URL.
  vi.stubEnv("AUTH_SECRET", "a".repeat(40));
  vi.stubEnv("REDIS_URL", "");
});
afterAll(() => {
  vi.unstubAllEnvs();
});

describe("stopDigest", () => {
  it("is rate limited like the other settings actions: the 31st in a minute waits", async () => {
    const { stopDigest } = await import("@/app/settings/digest/actions");
    const idle = { status: "idle" as const, message: "" };
    const limit = ACTION_LIMITS.settings.limit;
    for (let i = 0; i < limit; i++) {
      expect((await stopDigest(idle, new FormData())).status).toBe("stopped");
    }
    const refused = await stopDigest(idle, new FormData());
    expect(refused.status).toBe("error");
    expect(refused.message).toMatch(/Too many actions in a short time\. Please wait \d+ s/);
    expect(refused.at).toBeGreaterThan(0);
    expect(work.stopped).toBe(limit);
  });
});
