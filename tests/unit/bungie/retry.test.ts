import { describe, expect, it } from "vitest";
import { BungieError, ClientErrorCodes } from "@/lib/bungie/errors";
import { DEFAULT_RETRY_POLICY, retryDelay } from "@/lib/bungie/retry";

const error = (code: number, extra: { throttleSeconds?: number; httpStatus?: number } = {}) =>
  BungieError.fromCode(code, "/X/", extra);
const noJitter = () => 0;
const fullJitter = () => 0.999;

describe("retryDelay", () => {
  it("waits ThrottleSeconds on a throttled read, with a floor and a little jitter", () => {
    expect(
      retryDelay(error(36, { throttleSeconds: 10 }), "read", 0, DEFAULT_RETRY_POLICY, noJitter),
    ).toBe(10_000);
    expect(
      retryDelay(error(31, { throttleSeconds: 0 }), "read", 0, DEFAULT_RETRY_POLICY, noJitter),
    ).toBe(1_000);
    const jittered = retryDelay(
      error(1672, { throttleSeconds: 2 }),
      "read",
      0,
      DEFAULT_RETRY_POLICY,
      fullJitter,
    )!;
    expect(jittered).toBeGreaterThanOrEqual(2_000);
    expect(jittered).toBeLessThan(2_250);
  });

  it("surfaces a throttle that asks for longer than the cap", () => {
    expect(retryDelay(error(35, { throttleSeconds: 60 }), "read", 0)).toBeNull();
  });

  it("backs off exponentially with jitter on transient read failures", () => {
    const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 200, maxDelayMs: 1_000 };
    const transient = error(3);
    expect(retryDelay(transient, "read", 0, policy, noJitter)).toBe(100);
    expect(retryDelay(transient, "read", 1, policy, noJitter)).toBe(200);
    expect(retryDelay(transient, "read", 2, policy, noJitter)).toBe(400);
    expect(retryDelay(transient, "read", 2, policy, fullJitter)).toBeLessThan(800);
    // Capped at maxDelayMs.
    expect(
      retryDelay(transient, "read", 2, { ...policy, maxRetries: 10 }, fullJitter),
    ).toBeLessThanOrEqual(800);
    expect(
      retryDelay(transient, "read", 8, { ...policy, maxRetries: 10 }, fullJitter),
    ).toBeLessThanOrEqual(1_000);
  });

  it("retries timeouts, network errors and 5xx gateway pages, a bounded number of times", () => {
    for (const e of [
      error(ClientErrorCodes.Timeout),
      error(ClientErrorCodes.NetworkError),
      error(ClientErrorCodes.InvalidResponse, { httpStatus: 502 }),
      error(1618),
    ]) {
      expect(retryDelay(e, "read", 0)).not.toBeNull();
      expect(retryDelay(e, "read", DEFAULT_RETRY_POLICY.maxRetries)).toBeNull();
    }
  });

  it("never retries a write", () => {
    for (const e of [
      error(36),
      error(3),
      error(ClientErrorCodes.Timeout),
      error(ClientErrorCodes.NetworkError),
    ]) {
      expect(retryDelay(e, "write", 0)).toBeNull();
    }
  });

  it("does not retry errors that would repeat", () => {
    for (const code of [5, 18, 1623, 1642, 2111, 99, ClientErrorCodes.Aborted]) {
      expect(retryDelay(error(code), "read", 0)).toBeNull();
    }
    expect(
      retryDelay(error(ClientErrorCodes.InvalidResponse, { httpStatus: 200 }), "read", 0),
    ).toBeNull();
  });

  it("knows which write failures happened before any action", () => {
    expect(error(36).isRejectedBeforeAction).toBe(true);
    expect(error(5).isRejectedBeforeAction).toBe(true);
    expect(error(2111).isRejectedBeforeAction).toBe(true);
    expect(error(1672).isRejectedBeforeAction).toBe(false);
    expect(error(ClientErrorCodes.Timeout).isRejectedBeforeAction).toBe(false);
    expect(error(1642).isRejectedBeforeAction).toBe(false);
  });
});
