import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { getEnv } from "@/lib/env";
import { DEFAULT_BUNGIE_RATE } from "@/lib/env-schema";
import { createBungieClient, type BungieClient } from "./http";
import { BUNGIE_LIMITS, type BungieLimiter, type LimitSettings } from "./limits";
import { createMemoryLimiter } from "./memory-limit-store";
import { createRedisLimiter } from "./redis-limit-store";

let defaultClient: BungieClient | undefined;

// Next's production server loads this module twice in one process: once for route handlers
// (/inventory/view, the sign-in routes) and once for pages and server actions. Each copy built
// its own client, and without Redis its own limiter: two rolling windows, so the process could
// send twice Bungie's rate (30 calls/s measured in the 50-player load test) and the fair line
// was split in two. The limiter is kept per process on globalThis; the clients stay per module
// (their BungieError class must be the one their own bundle's code checks with instanceof).
const globalForBungie = globalThis as unknown as {
  warmindBungieLimiters?: Map<string, BungieLimiter>;
};

function processLimiter(key: string, create: () => BungieLimiter): BungieLimiter {
  const limiters = (globalForBungie.warmindBungieLimiters ??= new Map());
  const existing = limiters.get(key);
  if (existing) return existing;
  const limiter = create();
  const shared: BungieLimiter = {
    ...limiter,
    close: async () => {
      if (limiters.get(key) === shared) limiters.delete(key);
      await limiter.close();
    },
  };
  limiters.set(key, shared);
  return shared;
}

/**
 * The app's client, built on first use from the environment: the configured origin and app
 * registration (the sandbox in demo mode), and Redis-shared limits when REDIS_URL is set so
 * that every instance together stays under Bungie's rate for their shared source IP.
 */
export function getBungieClient(): BungieClient {
  if (defaultClient) return defaultClient;
  const env = getEnv();
  const { origin, apiKey, clientId, clientSecret } = env.bungie;
  const scope = limitScope(apiKey, env.bungieRate);
  const { maxRequests, windowMs } = scope.settings;
  const key = `${env.REDIS_URL ? "redis" : "memory"}|${scope.prefix}|${scope.windowPrefix}|${maxRequests}/${windowMs}`;
  const limiter = processLimiter(key, () =>
    env.REDIS_URL
      ? createRedisLimiter({
          redis: env.REDIS_URL,
          prefix: scope.prefix,
          windowPrefix: scope.windowPrefix,
          settings: scope.settings,
        })
      : createMemoryLimiter(scope.settings),
  );
  defaultClient = createBungieClient({ origin, apiKey, clientId, clientSecret, limiter });
  return defaultClient;
}

/** Replaces the default client (tests, scripts); pass undefined to rebuild from the env. */
export function setBungieClient(client: BungieClient | undefined): void {
  defaultClient = client;
}

export type LimitScope = {
  /** Names the deployment (a hash of the API key); never a secret. */
  id: string;
  /** Redis key namespace of the players' action slots: Bungie paces a player per account. */
  prefix: string;
  /**
   * Redis key namespace of the rolling window, its line of waiting players and the throttle
   * backoff: Bungie counts those per source IP.
   */
  windowPrefix: string;
  settings: LimitSettings;
};

export type RateConfig = {
  perSecond?: number;
  windowSeconds?: number;
  /** A name for the source IP (BUNGIE_LIMIT_SCOPE), `instance`, or null for the deployment. */
  scope?: string | null;
};

// Each process's own window when BUNGIE_LIMIT_SCOPE=instance (one egress IP per instance).
const INSTANCE_ID = randomUUID();

/**
 * Whose budget the rolling window counts, and at what rate. Bungie throttles by SOURCE IP, so
 * the true scope is "everything that reaches Bungie from one address":
 * - by default, this deployment: every instance with the same API key (and Redis) shares one
 *   window, named by a hash of the key (the key itself never appears in Redis);
 * - BUNGIE_LIMIT_SCOPE=<name>: the instances that send from one address share a window by
 *   naming it alike (hosts with several egress addresses give each group its own name;
 *   deployments with different keys behind one address share it too);
 * - BUNGIE_LIMIT_SCOPE=instance: every instance its own window (each has its own address).
 * The rate is BUNGIE_RATE_PER_SECOND over BUNGIE_RATE_WINDOW_SECONDS (25 over 10 s: Bungie's).
 * Action spacing is Bungie's per player and stays shared under the key's prefix whatever the
 * scope. This is the one place that names the scope.
 */
export function limitScope(apiKey: string, rate: RateConfig = {}): LimitScope {
  const id = createHash("sha256").update(apiKey).digest("hex").slice(0, 16);
  const prefix = `warmind:bungie:${id}`;
  const source = rate.scope === "instance" ? `instance-${INSTANCE_ID}` : rate.scope;
  const windowSeconds = rate.windowSeconds ?? DEFAULT_BUNGIE_RATE.windowSeconds;
  const perSecond = rate.perSecond ?? DEFAULT_BUNGIE_RATE.perSecond;
  return {
    id,
    prefix,
    windowPrefix: source ? `warmind:bungie:ip:${source}` : prefix,
    settings: {
      ...BUNGIE_LIMITS,
      maxRequests: Math.max(1, Math.round(perSecond * windowSeconds)),
      windowMs: windowSeconds * 1000,
      // A fifth of the window kept for light players (see LimitSettings.reserve).
      reserve: Math.floor((perSecond * windowSeconds) / 5),
    },
  };
}
