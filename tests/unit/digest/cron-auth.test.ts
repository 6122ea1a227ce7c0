import { describe, expect, it } from "vitest";
import { isCronAuthorized } from "@/lib/digest/cron-auth";

describe("isCronAuthorized", () => {
  const secret = "c".repeat(24);
  it("accepts exactly `Bearer <CRON_SECRET>`", () => {
    expect(isCronAuthorized(`Bearer ${secret}`, secret)).toBe(true);
    expect(isCronAuthorized(`Bearer ${secret}x`, secret)).toBe(false);
    expect(isCronAuthorized(secret, secret)).toBe(false);
    expect(isCronAuthorized(`bearer ${secret}`, secret)).toBe(false);
    expect(isCronAuthorized(null, secret)).toBe(false);
  });
  it("fails closed without a configured secret", () => {
    expect(isCronAuthorized("Bearer ", undefined)).toBe(false);
    expect(isCronAuthorized("Bearer undefined", undefined)).toBe(false);
    expect(isCronAuthorized("Bearer ", "")).toBe(false);
  });
});
