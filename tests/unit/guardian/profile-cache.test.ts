import { describe, expect, it, vi } from "vitest";
import { createProfileCache } from "@/lib/guardian/profile-cache";

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe("profile cache (in memory)", () => {
  it("serves a loaded profile for the TTL, then loads again", async () => {
    const time = clock();
    const cache = createProfileCache<string>({ ttlMs: 15_000, now: time.now });
    const load = vi.fn(async () => `v${load.mock.calls.length}`);
    expect(await cache.get("3:1", load)).toBe("v1");
    time.advance(14_999);
    expect(await cache.get("3:1", load)).toBe("v1");
    time.advance(1);
    expect(await cache.get("3:1", load)).toBe("v2");
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("keeps players apart, and `fresh` skips the cache but refills it", async () => {
    const cache = createProfileCache<string>();
    const load = vi.fn(async () => `v${load.mock.calls.length}`);
    await cache.get("3:1", load);
    expect(await cache.get("3:2", async () => "other")).toBe("other");
    expect(await cache.get("3:1", load, { fresh: true })).toBe("v2");
    expect(await cache.get("3:1", load)).toBe("v2");
  });

  it("shares one load between concurrent callers", async () => {
    const cache = createProfileCache<string>();
    const gate = deferred<string>();
    const load = vi.fn(() => gate.promise);
    const both = Promise.all([cache.get("k", load), cache.get("k", load)]);
    gate.resolve("once");
    expect(await both).toEqual(["once", "once"]);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("invalidate drops the entry, and a load that started before it is not cached", async () => {
    const cache = createProfileCache<string>();
    await cache.get("k", async () => "before");
    await cache.invalidate("k");
    expect(await cache.get("k", async () => "after")).toBe("after");

    // A read racing our own action: its (pre-action) result must not be kept.
    const gate = deferred<string>();
    const racing = cache.get("k", () => gate.promise, { fresh: true });
    await cache.invalidate("k");
    gate.resolve("stale");
    expect(await racing).toBe("stale");
    const next = vi.fn(async () => "current");
    expect(await cache.get("k", next)).toBe("current");
    expect(next).toHaveBeenCalledTimes(1);
  });

  it("does not cache failures", async () => {
    const cache = createProfileCache<string>();
    await expect(cache.get("k", async () => Promise.reject(new Error("down")))).rejects.toThrow(
      "down",
    );
    expect(await cache.get("k", async () => "up")).toBe("up");
  });

  it("evicts the oldest players beyond its size", async () => {
    const cache = createProfileCache<string>({ maxEntries: 2 });
    await cache.get("a", async () => "a");
    await cache.get("b", async () => "b");
    await cache.get("c", async () => "c");
    const reload = vi.fn(async () => "a2");
    expect(await cache.get("a", reload)).toBe("a2");
    expect(await cache.get("c", async () => "never")).toBe("c");
  });

  it("set() stores a value read elsewhere (a fresh re-read after a failed action)", async () => {
    const cache = createProfileCache<string>();
    await cache.set("k", "re-read");
    expect(await cache.get("k", async () => "never")).toBe("re-read");
  });
});
