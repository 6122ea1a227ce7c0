import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { valueIfKnown, withKnownValues } from "@/lib/async/known-within";

const after = <T>(ms: number, value: T) =>
  new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe("valueIfKnown", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("answers the value of data that settles within the window (cached data)", async () => {
    const known = valueIfKnown(after(5, "profile"), 25);
    await vi.advanceTimersByTimeAsync(5);
    await expect(known).resolves.toEqual({ value: "profile" });
  });

  it("answers null for data that is still on its way at the end of the window", async () => {
    const slow = after(400, "profile");
    const known = valueIfKnown(slow, 25);
    await vi.advanceTimersByTimeAsync(25);
    await expect(known).resolves.toBeNull();
    // The promise itself is untouched: the page streams it.
    await vi.advanceTimersByTimeAsync(375);
    await expect(slow).resolves.toBe("profile");
  });

  it("keeps a falsy value apart from 'not yet'", async () => {
    const known = valueIfKnown(Promise.resolve(0), 25);
    await expect(known).resolves.toEqual({ value: 0 });
  });

  it("throws a rejection that comes within the window, as awaiting would", async () => {
    const known = valueIfKnown(Promise.reject(new Error("Bungie is down")), 25);
    await expect(known).rejects.toThrow("Bungie is down");
  });

  it("leaves no timer behind once the data has settled", async () => {
    await valueIfKnown(Promise.resolve("x"), 25);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("withKnownValues", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("gives the settled ones as values and the slow and the failed ones as promises", async () => {
    const slow = after(500, "slow");
    const failed = Promise.reject(new Error("private profile"));
    failed.catch(() => {});
    const result = withKnownValues({ cached: after(3, "cached"), slow, failed }, 25);
    await vi.advanceTimersByTimeAsync(25);
    const values = await result;
    expect(values.cached).toBe("cached");
    expect(values.slow).toBe(slow);
    expect(values.failed).toBe(failed);
  });

  it("does not wait out the window when everything is at hand", async () => {
    const result = withKnownValues({ a: Promise.resolve(1), b: Promise.resolve(2) }, 10_000);
    await vi.advanceTimersByTimeAsync(0);
    await expect(result).resolves.toEqual({ a: 1, b: 2 });
  });
});
