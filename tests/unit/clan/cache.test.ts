import { describe, expect, it, vi } from "vitest";
import { createClanCache } from "@/lib/clan/cache";

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("clan cache (in process)", () => {
  it("serves a loaded value until its time to live runs out", async () => {
    const time = clock();
    const cache = createClanCache({ now: time.now });
    const load = vi.fn(async () => ({ n: load.mock.calls.length }));
    const ttl = { ttlMs: () => 300_000 };
    expect(await cache.getOrLoad("k", load, ttl)).toEqual({ n: 1 });
    time.advance(299_999);
    expect(await cache.getOrLoad("k", load, ttl)).toEqual({ n: 1 });
    expect(load).toHaveBeenCalledTimes(1);
    time.advance(1);
    expect(await cache.getOrLoad("k", load, ttl)).toEqual({ n: 2 });
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("shares one load between callers asking at the same time", async () => {
    const cache = createClanCache();
    let release!: (v: string) => void;
    const load = vi.fn(() => new Promise<string>((r) => (release = r)));
    const a = cache.getOrLoad("k", load, { ttlMs: () => 1000 });
    const b = cache.getOrLoad("k", load, { ttlMs: () => 1000 });
    await vi.waitFor(() => expect(load).toHaveBeenCalled());
    const c = cache.getOrLoad("k", load, { ttlMs: () => 1000 });
    release("one call");
    expect(await Promise.all([a, b, c])).toEqual(["one call", "one call", "one call"]);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("keeps a value only as long as ttlMs(value) says (0: not at all)", async () => {
    const time = clock();
    const cache = createClanCache({ now: time.now });
    let answer = "failed";
    const load = vi.fn(async () => answer);
    const ttl = { ttlMs: (v: string) => (v === "failed" ? 0 : 60_000) };
    expect(await cache.getOrLoad("k", load, ttl)).toBe("failed");
    answer = "ok";
    expect(await cache.getOrLoad("k", load, ttl)).toBe("ok");
    expect(await cache.getOrLoad("k", load, ttl)).toBe("ok");
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("does not cache a load that throws, and lets the next caller try again", async () => {
    const cache = createClanCache();
    const load = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new Error("Bungie down"))
      .mockResolvedValueOnce("back");
    await expect(cache.getOrLoad("k", load, { ttlMs: () => 1000 })).rejects.toThrow("Bungie down");
    expect(await cache.getOrLoad("k", load, { ttlMs: () => 1000 })).toBe("back");
  });

  it("drops the oldest entries beyond maxEntries", async () => {
    const cache = createClanCache({ maxEntries: 2 });
    const ttl = { ttlMs: () => 60_000 };
    for (const key of ["a", "b", "c"]) await cache.getOrLoad(key, async () => key, ttl);
    expect(await cache.peek("a")).toBeUndefined();
    expect(await cache.peek("b")).toBe("b");
    expect(await cache.peek("c")).toBe("c");
  });

  it("forgets a deleted key", async () => {
    const cache = createClanCache();
    await cache.getOrLoad("k", async () => 1, { ttlMs: () => 60_000 });
    await cache.delete("k");
    expect(await cache.peek("k")).toBeUndefined();
  });
});
