import "server-only";
import type { Redis } from "ioredis";
import { openRedis, redisServing } from "@/lib/redis";

// The app's one cache design, for anything read from Bungie that more than one request wants:
// a player's profile for a few seconds, a clan's roster and its members' public profiles for a
// few minutes, a character's vendors until Bungie's next refresh.
//
// Each process keeps entries in memory (a bounded LRU). With Redis they are shared by every app
// instance, and an invalidation made by one instance is seen by all at once: each key has a
// version number in Redis that invalidate() bumps, and copies made under an older version (in
// any instance's memory, or in Redis) are ignored. Redis is an optimisation only: when it fails,
// or is reconnecting, the cache answers from memory at once (a page must not wait on it); lib/redis
// logs Redis going and coming back, once each. Every value must be plain JSON.

export type CacheLogger = (message: string, error: unknown) => void;

export type CacheOptions = {
  /** Names the cache in its warnings ("profile", "clan"). */
  name?: string;
  /** A redis:// URL (the cache opens and closes the connection) or an ioredis client. */
  redis?: string | Redis;
  /** Key namespace in Redis. */
  prefix?: string;
  /** Entries kept in process memory; the least recently used go first. */
  maxEntries?: number;
  now?: () => number;
  log?: CacheLogger;
};

/**
 * How long to keep a value, chosen per value: for `ttlMs` from now (0 or less: not kept, only
 * shared with callers already waiting for it), or until an absolute time (epoch ms), such as a
 * vendor's nextRefreshDate.
 */
export type Lifetime<T> =
  { ttlMs: number | ((value: T) => number) } | { expiresAt: (value: T) => number };

export type GetOptions<T> = Lifetime<T> & {
  /** Skip cached copies and load (the loaded value is cached). */
  fresh?: boolean;
};

export interface Cache {
  /**
   * The cached value of `key`, or `load()`'s, kept for its lifetime. Callers asking for a key
   * that is already loading share that one load: two tabs, one Bungie call. A failed load is not
   * kept.
   */
  getOrLoad<T>(key: string, load: () => Promise<T>, options: GetOptions<T>): Promise<T>;
  /** The cached value, without loading. */
  peek<T>(key: string): Promise<T | undefined>;
  /** Stores a value read elsewhere (e.g. a fresh re-read); a load in flight won't replace it. */
  set<T>(key: string, value: T, lifetime: Lifetime<T>): Promise<void>;
  /** Drops the entry here and, with Redis, in every instance; loads in flight won't be kept. */
  invalidate(key: string): Promise<void>;
  close(): Promise<void>;
}

type Entry = { value: unknown; expiresAt: number; version: number };
/** What Redis holds: the key's version when written, the expiry (writer's clock), the value. */
type Stored = { v: number; e: number; d: unknown };

const WARN_EVERY_MS = 60_000;
/** No entry is kept longer (a week's vendors are the longest-lived data Bungie has)... */
const MAX_LIFETIME_MS = 30 * 24 * 3_600_000;
/**
 * ...so a version key outlives every copy made under an older version, and can expire instead of
 * staying in Redis forever. (Expired, it reads 0 again: copies under newer versions then miss.)
 */
const VERSION_TTL_MS = MAX_LIFETIME_MS + 24 * 3_600_000;

function expiryOf<T>(lifetime: Lifetime<T>, value: T, time: number): number {
  if ("expiresAt" in lifetime) return lifetime.expiresAt(value);
  const ttlMs = typeof lifetime.ttlMs === "function" ? lifetime.ttlMs(value) : lifetime.ttlMs;
  return time + ttlMs;
}

export function createCache(options: CacheOptions = {}): Cache {
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? 1_000;
  const prefix = options.prefix ?? "warmind:cache:v2";
  // lib/redis.ts logs the outage itself, once; a cache logs only when given a logger (tests).
  const log = options.log ?? (() => {});
  const memory = new Map<string, Entry>();
  // Bumped by invalidate() and set(): a load that started before the bump is not kept.
  const generations = new Map<string, number>();
  const inFlight = new Map<string, { generation: number; promise: Promise<unknown> }>();
  const ownsRedis = typeof options.redis === "string";
  const redis = typeof options.redis === "string" ? openRedis(options.redis) : options.redis;
  let warnedAt = Number.NEGATIVE_INFINITY;

  const dataKey = (key: string) => `${prefix}:data:${key}`;
  const versionKey = (key: string) => `${prefix}:ver:${key}`;
  const generation = (key: string) => generations.get(key) ?? 0;

  function warn(error: unknown) {
    if (now() - warnedAt < WARN_EVERY_MS) return;
    warnedAt = now();
    log("Redis unavailable; using this process's cache only", error);
  }

  /** The Redis client when it is worth asking; while it is down, memory answers alone. */
  function shared(): Redis | undefined {
    if (!redis) return undefined;
    if (!redisServing(redis)) {
      warn(new Error(`Redis connection is ${redis.status}`));
      return undefined;
    }
    return redis;
  }

  /** The key's version in Redis: 0 without Redis, null when Redis can't say now. */
  async function sharedVersion(key: string): Promise<number | null> {
    if (!redis) return 0;
    const client = shared();
    if (!client) return null;
    try {
      return Number((await client.get(versionKey(key))) ?? 0);
    } catch (error) {
      warn(error);
      return null;
    }
  }

  function readMemory(key: string): Entry | undefined {
    const entry = memory.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= now()) {
      memory.delete(key);
      return undefined;
    }
    // Maps iterate in insertion order: re-inserting makes this the most recently used.
    memory.delete(key);
    memory.set(key, entry);
    return entry;
  }

  function writeMemory(key: string, entry: Entry) {
    memory.delete(key);
    memory.set(key, entry);
    if (memory.size <= maxEntries) return;
    const time = now();
    for (const [k, e] of memory) if (e.expiresAt <= time) memory.delete(k);
    for (const k of memory.keys()) {
      if (memory.size <= maxEntries) break;
      memory.delete(k);
    }
  }

  async function readShared(key: string, version: number): Promise<Entry | undefined> {
    const client = shared();
    if (!client) return undefined;
    try {
      const text = await client.get(dataKey(key));
      if (text === null) return undefined;
      const stored = JSON.parse(text) as Partial<Stored>;
      if (stored.v !== version || typeof stored.e !== "number" || stored.e <= now()) {
        return undefined;
      }
      return { value: stored.d, expiresAt: stored.e, version };
    } catch (error) {
      warn(error);
      return undefined;
    }
  }

  async function writeShared(key: string, entry: Entry) {
    const ttlMs = Math.ceil(entry.expiresAt - now());
    const client = ttlMs > 0 ? shared() : undefined;
    if (!client) return;
    try {
      const stored: Stored = { v: entry.version, e: entry.expiresAt, d: entry.value };
      await client.set(dataKey(key), JSON.stringify(stored), "PX", ttlMs);
    } catch (error) {
      warn(error);
    }
  }

  async function keep<T>(key: string, value: T, lifetime: Lifetime<T>, version: number) {
    const time = now();
    const expiresAt = Math.min(expiryOf(lifetime, value, time), time + MAX_LIFETIME_MS);
    if (!(expiresAt > time)) {
      memory.delete(key);
      return;
    }
    const entry = { value, expiresAt, version };
    writeMemory(key, entry);
    await writeShared(key, entry);
  }

  function load<T>(
    key: string,
    loader: () => Promise<T>,
    lifetime: Lifetime<T>,
    version: number,
    startedIn: number,
  ): Promise<T> {
    const pending = inFlight.get(key);
    if (pending && pending.generation === startedIn) return pending.promise as Promise<T>;
    const promise = (async () => {
      const value = await loader();
      if (generation(key) === startedIn) await keep(key, value, lifetime, version);
      return value;
    })();
    inFlight.set(key, { generation: startedIn, promise });
    const settle = () => {
      if (inFlight.get(key)?.promise === promise) inFlight.delete(key);
    };
    promise.then(settle, settle);
    return promise;
  }

  return {
    async getOrLoad<T>(key: string, loader: () => Promise<T>, options: GetOptions<T>) {
      const fresh = options.fresh ?? false;
      // Taken before any await: an invalidation from here on means this read may predate it.
      const startedIn = generation(key);
      if (!fresh) {
        const pending = inFlight.get(key);
        if (pending && pending.generation === startedIn) return pending.promise as Promise<T>;
      }
      const version = await sharedVersion(key);
      if (!fresh) {
        const entry = readMemory(key);
        // Redis can't say (down): memory alone is trusted.
        if (entry && (version === null || entry.version === version)) return entry.value as T;
        const stored = version === null ? undefined : await readShared(key, version);
        if (stored) {
          writeMemory(key, stored);
          return stored.value as T;
        }
      }
      return load(key, loader, options, version ?? memory.get(key)?.version ?? 0, startedIn);
    },

    async peek<T>(key: string): Promise<T | undefined> {
      const version = await sharedVersion(key);
      const entry = readMemory(key);
      if (entry && (version === null || entry.version === version)) return entry.value as T;
      const stored = version === null ? undefined : await readShared(key, version);
      if (stored) writeMemory(key, stored);
      return stored?.value as T | undefined;
    },

    async set<T>(key: string, value: T, lifetime: Lifetime<T>) {
      generations.set(key, generation(key) + 1);
      inFlight.delete(key);
      const version = (await sharedVersion(key)) ?? memory.get(key)?.version ?? 0;
      await keep(key, value, lifetime, version);
    },

    async invalidate(key: string) {
      generations.set(key, generation(key) + 1);
      memory.delete(key);
      inFlight.delete(key);
      const client = shared();
      if (!client) return;
      try {
        await client
          .multi()
          .incr(versionKey(key))
          .pexpire(versionKey(key), VERSION_TTL_MS)
          .del(dataKey(key))
          .exec();
      } catch (error) {
        // Other instances keep their copy until it expires.
        warn(error);
      }
    },

    async close() {
      memory.clear();
      inFlight.clear();
      if (ownsRedis) redis?.disconnect();
    },
  };
}
