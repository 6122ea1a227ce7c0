// The app's one cache (lib/cache) in process memory: what the profile, clan and vendor caches
// rely on. Sharing through Redis is in tests/integration/cache.
import { describe, expect, it, vi } from "vitest";
import { createCache } from "@/lib/cache/cache";

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("cache lifetimes", () => {
  it("serves a loaded value for its TTL, then loads again", async () => {
    const time = clock();
    const cache = createCache({ now: time.now });
    const load = vi.fn(async () => `v${load.mock.calls.length}`);
    const ttl = { ttlMs: 15_000 };
    expect(await cache.getOrLoad("3:1", load, ttl)).toBe("v1");
    time.advance(14_999);
    expect(await cache.getOrLoad("3:1", load, ttl)).toBe("v1");
    time.advance(1);
    expect(await cache.getOrLoad("3:1", load, ttl)).toBe("v2");
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("keeps a value only as long as ttlMs(value) says (0: not at all)", async () => {
    const time = clock();
    const cache = createCache({ now: time.now });
    let answer = "failed";
    const load = vi.fn(async () => answer);
    const ttl = { ttlMs: (v: string) => (v === "failed" ? 0 : 60_000) };
    expect(await cache.getOrLoad("k", load, ttl)).toBe("failed");
    answer = "ok";
    expect(await cache.getOrLoad("k", load, ttl)).toBe("ok");
    expect(await cache.getOrLoad("k", load, ttl)).toBe("ok");
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("keeps a value until an absolute time taken from it (a vendor's next refresh)", async () => {
    const time = clock(Date.parse("2026-11-24T16:00:00Z"));
    const cache = createCache({ now: time.now });
    const stock = { sales: 12, nextRefreshDate: "2026-11-24T17:00:00Z" };
    const load = vi.fn(async () => stock);
    const untilRefresh = { expiresAt: (v: typeof stock) => Date.parse(v.nextRefreshDate) };
    // Per-character keys: each character has its own vendors.
    expect(await cache.getOrLoad("vendors:3:46:c1", load, untilRefresh)).toEqual(stock);
    time.advance(60 * 60_000 - 1);
    expect(await cache.getOrLoad("vendors:3:46:c1", load, untilRefresh)).toEqual(stock);
    expect(load).toHaveBeenCalledTimes(1);
    time.advance(1);
    await cache.getOrLoad("vendors:3:46:c1", load, untilRefresh);
    expect(load).toHaveBeenCalledTimes(2);
    // A refresh time already past: not kept at all.
    const stale = vi.fn(async () => ({ sales: 0, nextRefreshDate: "2026-11-24T16:00:00Z" }));
    await cache.getOrLoad("vendors:3:46:c2", stale, untilRefresh);
    await cache.getOrLoad("vendors:3:46:c2", stale, untilRefresh);
    expect(stale).toHaveBeenCalledTimes(2);
  });

  it("keeps keys apart, and `fresh` skips the cache but refills it", async () => {
    const cache = createCache();
    const ttl = { ttlMs: 15_000 };
    const load = vi.fn(async () => `v${load.mock.calls.length}`);
    await cache.getOrLoad("3:1", load, ttl);
    expect(await cache.getOrLoad("3:2", async () => "other", ttl)).toBe("other");
    expect(await cache.getOrLoad("3:1", load, { ...ttl, fresh: true })).toBe("v2");
    expect(await cache.getOrLoad("3:1", load, ttl)).toBe("v2");
  });
});

describe("cache loads", () => {
  it("shares one load between callers asking at the same time", async () => {
    const cache = createCache();
    const gate = deferred<string>();
    const load = vi.fn(() => gate.promise);
    const ttl = { ttlMs: 1000 };
    const a = cache.getOrLoad("k", load, ttl);
    const b = cache.getOrLoad("k", load, ttl);
    await vi.waitFor(() => expect(load).toHaveBeenCalled());
    const c = cache.getOrLoad("k", load, ttl);
    gate.resolve("one call");
    expect(await Promise.all([a, b, c])).toEqual(["one call", "one call", "one call"]);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("does not keep a load that fails, and lets the next caller try again", async () => {
    const cache = createCache();
    const load = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new Error("Bungie down"))
      .mockResolvedValueOnce("back");
    const ttl = { ttlMs: 1000 };
    await expect(cache.getOrLoad("k", load, ttl)).rejects.toThrow("Bungie down");
    expect(await cache.getOrLoad("k", load, ttl)).toBe("back");
  });

  it("invalidate drops the entry, and a load that started before it is not kept", async () => {
    const cache = createCache();
    const ttl = { ttlMs: 15_000 };
    await cache.getOrLoad("k", async () => "before", ttl);
    await cache.invalidate("k");
    expect(await cache.peek("k")).toBeUndefined();
    expect(await cache.getOrLoad("k", async () => "after", ttl)).toBe("after");

    // A read racing our own action: its (pre-action) result must not be kept.
    const gate = deferred<string>();
    const racing = cache.getOrLoad("k", () => gate.promise, { ...ttl, fresh: true });
    await cache.invalidate("k");
    gate.resolve("stale");
    expect(await racing).toBe("stale");
    const next = vi.fn(async () => "current");
    expect(await cache.getOrLoad("k", next, ttl)).toBe("current");
    expect(next).toHaveBeenCalledTimes(1);
  });

  it("set() stores a value read elsewhere, and a load already in flight does not replace it", async () => {
    const cache = createCache();
    const ttl = { ttlMs: 15_000 };
    await cache.set("k", "re-read", ttl);
    expect(await cache.getOrLoad("k", async () => "never", ttl)).toBe("re-read");

    const gate = deferred<string>();
    const older = cache.getOrLoad("j", () => gate.promise, ttl);
    await cache.set("j", "newer", ttl);
    gate.resolve("older");
    expect(await older).toBe("older");
    expect(await cache.peek("j")).toBe("newer");
  });

  it("peek() answers without loading", async () => {
    const cache = createCache();
    expect(await cache.peek("k")).toBeUndefined();
    await cache.getOrLoad("k", async () => ({ n: 1 }), { ttlMs: 1000 });
    expect(await cache.peek("k")).toEqual({ n: 1 });
  });
});

describe("cache memory bound", () => {
  it("drops the least recently used entries beyond maxEntries", async () => {
    const cache = createCache({ maxEntries: 2 });
    const ttl = { ttlMs: 60_000 };
    for (const key of ["a", "b", "c"]) await cache.getOrLoad(key, async () => key, ttl);
    expect(await cache.peek("a")).toBeUndefined();
    expect(await cache.peek("b")).toBe("b");
    expect(await cache.peek("c")).toBe("c");
    // "b" was just read, so "c" is now the least recently used.
    await cache.peek("b");
    await cache.getOrLoad("d", async () => "d", ttl);
    expect(await cache.peek("c")).toBeUndefined();
    expect(await cache.peek("b")).toBe("b");
  });

  it("drops expired entries before live ones when full", async () => {
    const time = clock();
    const cache = createCache({ maxEntries: 2, now: time.now });
    await cache.getOrLoad("long", async () => "long", { ttlMs: 60_000 });
    await cache.getOrLoad("short", async () => "short", { ttlMs: 1_000 });
    time.advance(2_000);
    await cache.getOrLoad("new", async () => "new", { ttlMs: 60_000 });
    expect(await cache.peek("long")).toBe("long");
    expect(await cache.peek("new")).toBe("new");
  });
});
