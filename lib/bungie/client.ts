import "server-only";
import { createHash } from "node:crypto";
import { getEnv } from "@/lib/env";
import { createBungieClient, type BungieClient } from "./http";
import { createMemoryLimiter } from "./memory-limit-store";
import { createRedisLimiter } from "./redis-limit-store";

let defaultClient: BungieClient | undefined;

/**
 * The app's client, built on first use from the environment: the configured origin and app
 * registration (the sandbox in demo mode), and Redis-shared limits when REDIS_URL is set so
 * that every instance together stays under Bungie's per-key rate.
 */
export function getBungieClient(): BungieClient {
  if (defaultClient) return defaultClient;
  const env = getEnv();
  const { origin, apiKey, clientId, clientSecret } = env.bungie;
  const limiter = env.REDIS_URL
    ? createRedisLimiter({ redis: env.REDIS_URL, prefix: limiterPrefix(apiKey) })
    : createMemoryLimiter();
  defaultClient = createBungieClient({ origin, apiKey, clientId, clientSecret, limiter });
  return defaultClient;
}

/** Replaces the default client (tests, scripts); pass undefined to rebuild from the env. */
export function setBungieClient(client: BungieClient | undefined): void {
  defaultClient = client;
}

/** Limits are per API key; Redis key names carry a hash of it, never the key itself. */
export function limiterPrefix(apiKey: string): string {
  const digest = createHash("sha256").update(apiKey).digest("hex").slice(0, 16);
  return `warmind:bungie:${digest}`;
}
