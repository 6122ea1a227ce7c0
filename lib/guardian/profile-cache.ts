import "server-only";
import type { Redis } from "ioredis";
import { openRedis } from "@/lib/redis";

// A short cache of each player's profile (one GetProfile with every inventory component): a page
// load right after another, or an action right after the page, costs no Bungie call. Bungie's own
// data can be a minute old, so 15 s adds little staleness; our own actions invalidate the entry
// at once so the next read shows what they did.
//
// Each process keeps entries in memory. With REDIS_URL they are shared by every instance, and an
// invalidation made by one instance is seen by all: a per-key version number in Redis is bumped,
// and memory copies made under an older version are ignored. Redis is an optimisation: when it
// fails the cache falls back to memory alone.

export const PROFILE_TTL_MS = 15_000;

type Entry<T> = { value: T; expiresAt: number; version: number };

export type ProfileCacheOptions = {
  ttlMs?: number;
  /** redis:// URL or an ioredis client. */
  redis?: string | Redis;
  prefix?: string;
  maxEntries?: number;
  now?: () => number;
};

export interface ProfileCache<T> {
  /** The cached value, or `load()`'s (shared by concurrent callers), cached for the TTL. */
  get(key: string, load: () => Promise<T>, options?: { fresh?: boolean }): Promise<T>;
  /** Drops the entry here and, with Redis, everywhere; loads in flight won't be cached. */
  invalidate(key: string): Promise<void>;
  /** Puts a value just read elsewhere (e.g. a fresh re-read after a failed action). */
  set(key: string, value: T): Promise<void>;
  close(): Promise<void>;
}

export function createProfileCache<T>(options: ProfileCacheOptions = {}): ProfileCache<T> {
  const ttl = options.ttlMs ?? PROFILE_TTL_MS;
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? 500;
  const prefix = options.prefix ?? "warmind:profile:v1";
  const memory = new Map<string, Entry<T>>();
  // Bumped by invalidate(): a load that started before the bump is not cached.
  const generations = new Map<string, number>();
  const inFlight = new Map<string, { generation: number; promise: Promise<T> }>();
  const ownsRedis = typeof options.redis === "string";
  const redis = typeof options.redis === "string" ? openRedis(options.redis) : options.redis;

  const generation = (key: string) => generations.get(key) ?? 0;
  // Once Redis has failed, pages don't wait for it to come back: memory answers meanwhile.
  const shared = () =>
    redis && !["reconnecting", "close", "end"].includes(redis.status) ? redis : undefined;

  async function sharedVersion(key: string): Promise<number | null> {
    if (!redis) return 0;
    const client = shared();
    if (!client) return null;
    try {
      return Number((await client.get(`${prefix}:${key}:ver`)) ?? 0);
    } catch {
      return null;
    }
  }

  function remember(key: string, value: T, version: number) {
    memory.delete(key);
    memory.set(key, { value, expiresAt: now() + ttl, version });
    while (memory.size > maxEntries) {
      const oldest = memory.keys().next().value;
      if (oldest === undefined) break;
      memory.delete(oldest);
    }
  }

  async function readShared(key: string, version: number): Promise<T | undefined> {
    const client = shared();
    if (!client) return undefined;
    try {
      const raw = await client.get(`${prefix}:${key}`);
      if (!raw) return undefined;
      const stored = JSON.parse(raw) as { v: number; value: T };
      return stored.v === version ? stored.value : undefined;
    } catch {
      return undefined;
    }
  }

  async function writeShared(key: string, value: T, version: number) {
    const client = shared();
    if (!client) return;
    try {
      await client.set(`${prefix}:${key}`, JSON.stringify({ v: version, value }), "PX", ttl);
    } catch {
      // Memory still has it.
    }
  }

  async function load(
    key: string,
    loader: () => Promise<T>,
    version: number,
    startedIn: number,
  ): Promise<T> {
    const pending = inFlight.get(key);
    if (pending && pending.generation === startedIn) return pending.promise;
    const promise = loader().then(async (value) => {
      if (generation(key) === startedIn) {
        remember(key, value, version);
        await writeShared(key, value, version);
      }
      return value;
    });
    inFlight.set(key, { generation: startedIn, promise });
    promise.then(
      () => inFlight.get(key)?.promise === promise && inFlight.delete(key),
      () => inFlight.get(key)?.promise === promise && inFlight.delete(key),
    );
    return promise;
  }

  return {
    async get(key, loader, { fresh = false } = {}) {
      // Taken before any await: an invalidation from here on means this read may predate it.
      const startedIn = generation(key);
      const version = await sharedVersion(key);
      if (version === null) {
        // Redis unreachable: trust memory alone.
        const entry = memory.get(key);
        if (!fresh && entry && entry.expiresAt > now()) return entry.value;
        return load(key, loader, entry?.version ?? 0, startedIn);
      }
      if (!fresh) {
        const entry = memory.get(key);
        if (entry && entry.expiresAt > now() && entry.version === version) return entry.value;
        const shared = await readShared(key, version);
        if (shared !== undefined) {
          remember(key, shared, version);
          return shared;
        }
      }
      return load(key, loader, version, startedIn);
    },
    async invalidate(key) {
      generations.set(key, generation(key) + 1);
      memory.delete(key);
      inFlight.delete(key);
      const client = shared();
      if (!client) return;
      try {
        await client.multi().incr(`${prefix}:${key}:ver`).del(`${prefix}:${key}`).exec();
      } catch {
        // Other instances keep their copy until it expires (at most the TTL).
      }
    },
    async set(key, value) {
      generations.set(key, generation(key) + 1);
      inFlight.delete(key);
      const version = (await sharedVersion(key)) ?? memory.get(key)?.version ?? 0;
      remember(key, value, version);
      await writeShared(key, value, version);
    },
    async close() {
      memory.clear();
      if (ownsRedis) await redis?.quit().catch(() => {});
    },
  };
}
