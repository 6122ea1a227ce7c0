import { describe, expect, it } from "vitest";
import { LruCache } from "@/lib/manifest/lru-cache";

describe("LruCache", () => {
  it("evicts the least recently used entry past its capacity", () => {
    const cache = new LruCache<string, number>(2);
    cache.set("a", 1);
    cache.set("b", 2);
    expect(cache.get("a")).toBe(1); // "b" is now the least recently used
    cache.set("c", 3);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")).toBe(1);
    expect(cache.get("c")).toBe(3);
    expect(cache.size).toBe(2);
  });

  it("deletes matching keys (a replaced version's entries)", () => {
    const cache = new LruCache<string, number>(10);
    for (const key of ["1:en:a", "1:en:b", "2:en:a"]) cache.set(key, 0);
    expect(cache.deleteWhere((key) => key.startsWith("1:"))).toBe(2);
    expect(cache.get("2:en:a")).toBe(0);
    expect(cache.size).toBe(1);
  });
});
