import "server-only";
import { createHash } from "node:crypto";
import type { Redis } from "ioredis";
import { getEnv } from "@/lib/env";
import { openRedis } from "@/lib/redis";
import { createCache, type Cache } from "./cache";

// The app's caches: one per namespace ("profile", "clan", ...) and process, on globalThis so dev
// reloads keep them, all sharing one Redis connection when REDIS_URL is set. A feature holds only
// its namespace, its keys and its lifetimes.

const globalForCache = globalThis as unknown as {
  warmindCaches?: Map<string, Cache>;
  warmindCacheRedis?: Redis;
};

export type NamespaceSettings = {
  /** Entries this namespace keeps in each process's memory. */
  maxEntries: number;
};

export function appCache(namespace: string, settings: NamespaceSettings): Cache {
  const caches = (globalForCache.warmindCaches ??= new Map());
  const existing = caches.get(namespace);
  if (existing) return existing;
  const env = getEnv();
  // Keys carry the Bungie origin (hashed) so a demo and a real deployment sharing one Redis never
  // read each other's data. v2: entries hold { version, expiry, value }.
  const origin = createHash("sha256").update(env.bungie.origin).digest("hex").slice(0, 12);
  const redis = env.REDIS_URL
    ? (globalForCache.warmindCacheRedis ??= openRedis(env.REDIS_URL))
    : undefined;
  const cache = createCache({
    name: namespace,
    redis,
    prefix: `warmind:${namespace}:v2:${origin}`,
    maxEntries: settings.maxEntries,
  });
  caches.set(namespace, cache);
  return cache;
}

/** Replaces a namespace's cache (tests, benches); undefined rebuilds it on next use. */
export function setAppCache(namespace: string, cache: Cache | undefined): void {
  const caches = (globalForCache.warmindCaches ??= new Map());
  if (cache) caches.set(namespace, cache);
  else caches.delete(namespace);
}
