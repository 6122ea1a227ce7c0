import "server-only";
import type { Redis } from "ioredis";
import { openRedis } from "@/lib/redis";

// The clan page's short-lived cache: rosters and public member profiles for about five minutes,
// so a revisit (or a clan mate opening the same roster) costs no Bungie calls. Each process keeps
// its own copy in memory; with REDIS_URL the entries are also shared by every app instance.
// Redis is an optimisation only: when it is down the cache falls back to memory, and every value
// must be plain JSON.

export type CacheLogger = (message: string, error: unknown) => void;

export type ClanCacheOptions = {
  /** A redis:// URL (the cache opens and closes the connection) or an ioredis client. */
  redis?: string | Redis;
  /** Key namespace in Redis. */
  prefix?: string;
  /** Entries kept in process memory; the oldest go first. */
  maxEntries?: number;
  now?: () => number;
  log?: CacheLogger;
};

export type LoadOptions<T> = {
  /** How long to keep a freshly loaded value; 0 or less keeps it only for callers in flight. */
  ttlMs: (value: T) => number;
};

export interface ClanCache {
  /**
   * The cached value of `key`, or the result of `load()` (cached for `ttlMs(value)`). Callers
   * asking for a key that is already loading share that one load: two tabs, one Bungie call.
   */
  getOrLoad<T>(key: string, load: () => Promise<T>, options: LoadOptions<T>): Promise<T>;
  /** The cached value, without loading. */
  peek<T>(key: string): Promise<T | undefined>;
  delete(key: string): Promise<void>;
  close(): Promise<void>;
}

type Entry = { value: unknown; expiresAt: number };
type Stored = { v: unknown; e: number };

export function createClanCache(options: ClanCacheOptions = {}): ClanCache {
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? 5_000;
  const prefix = options.prefix ?? "warmind:clan:v1";
  const memory = new Map<string, Entry>();
  const inFlight = new Map<string, Promise<unknown>>();
  const ownsRedis = typeof options.redis === "string";
  // Fail fast: a page waits on this, and a hung Redis must cost a Bungie call, not time.
  const redis = typeof options.redis === "string" ? openRedis(options.redis) : options.redis;
  let warnedAt = Number.NEGATIVE_INFINITY;

  const warn = (message: string, error: unknown) => {
    if (now() - warnedAt < 60_000) return;
    warnedAt = now();
    (options.log ?? ((m, e) => console.warn(`[clan cache] ${m}`, e)))(message, error);
  };

  function readMemory(key: string): Entry | undefined {
    const entry = memory.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= now()) {
      memory.delete(key);
      return undefined;
    }
    return entry;
  }

  function writeMemory(key: string, value: unknown, expiresAt: number) {
    memory.delete(key);
    memory.set(key, { value, expiresAt });
    if (memory.size <= maxEntries) return;
    const time = now();
    for (const [k, entry] of memory) if (entry.expiresAt <= time) memory.delete(k);
    // Maps iterate in insertion order: the first keys are the oldest writes.
    for (const k of memory.keys()) {
      if (memory.size <= maxEntries) break;
      memory.delete(k);
    }
  }

  async function readShared(key: string): Promise<Entry | undefined> {
    if (!redis) return undefined;
    try {
      const text = await redis.get(`${prefix}:${key}`);
      if (text === null) return undefined;
      const stored = JSON.parse(text) as Stored;
      if (typeof stored?.e !== "number" || stored.e <= now()) return undefined;
      return { value: stored.v, expiresAt: stored.e };
    } catch (error) {
      warn("Redis unavailable; using this process's cache only", error);
      return undefined;
    }
  }

  async function writeShared(key: string, value: unknown, ttlMs: number, expiresAt: number) {
    if (!redis) return;
    try {
      const stored: Stored = { v: value, e: expiresAt };
      await redis.set(`${prefix}:${key}`, JSON.stringify(stored), "PX", Math.ceil(ttlMs));
    } catch (error) {
      warn("Redis unavailable; using this process's cache only", error);
    }
  }

  async function loadThrough<T>(
    key: string,
    load: () => Promise<T>,
    options: LoadOptions<T>,
  ): Promise<T> {
    const shared = await readShared(key);
    if (shared) {
      writeMemory(key, shared.value, shared.expiresAt);
      return shared.value as T;
    }
    const value = await load();
    const ttlMs = options.ttlMs(value);
    if (ttlMs > 0) {
      const expiresAt = now() + ttlMs;
      writeMemory(key, value, expiresAt);
      await writeShared(key, value, ttlMs, expiresAt);
    }
    return value;
  }

  return {
    getOrLoad<T>(key: string, load: () => Promise<T>, options: LoadOptions<T>): Promise<T> {
      const cached = readMemory(key);
      if (cached) return Promise.resolve(cached.value as T);
      const pending = inFlight.get(key);
      if (pending) return pending as Promise<T>;
      const promise = loadThrough(key, load, options).finally(() => inFlight.delete(key));
      inFlight.set(key, promise);
      return promise;
    },
    async peek<T>(key: string): Promise<T | undefined> {
      const entry = readMemory(key) ?? (await readShared(key));
      return entry?.value as T | undefined;
    },
    async delete(key: string) {
      memory.delete(key);
      if (!redis) return;
      try {
        await redis.del(`${prefix}:${key}`);
      } catch (error) {
        warn("Redis unavailable; using this process's cache only", error);
      }
    },
    async close() {
      memory.clear();
      if (ownsRedis) redis?.disconnect();
    },
  };
}
