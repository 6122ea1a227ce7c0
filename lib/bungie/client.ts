import "server-only";
import { createHash } from "node:crypto";
import { getEnv } from "@/lib/env";
import { createBungieClient, type BungieClient } from "./http";
import { BUNGIE_LIMITS, type LimitSettings } from "./limits";
import { createMemoryLimiter } from "./memory-limit-store";
import { createRedisLimiter } from "./redis-limit-store";

let defaultClient: BungieClient | undefined;

/**
 * The app's client, built on first use from the environment: the configured origin and app
 * registration (the sandbox in demo mode), and Redis-shared limits when REDIS_URL is set so
 * that every instance together stays under Bungie's rate for their shared address.
 */
export function getBungieClient(): BungieClient {
  if (defaultClient) return defaultClient;
  const env = getEnv();
  const { origin, apiKey, clientId, clientSecret } = env.bungie;
  const scope = limitScope(apiKey);
  const limiter = env.REDIS_URL
    ? createRedisLimiter({ redis: env.REDIS_URL, prefix: scope.prefix, settings: scope.settings })
    : createMemoryLimiter(scope.settings);
  defaultClient = createBungieClient({ origin, apiKey, clientId, clientSecret, limiter });
  return defaultClient;
}

/** Replaces the default client (tests, scripts); pass undefined to rebuild from the env. */
export function setBungieClient(client: BungieClient | undefined): void {
  defaultClient = client;
}

export type LimitScope = {
  /** Names the budget; never a secret. */
  id: string;
  /** Redis key namespace of the scope's window and action slots. */
  prefix: string;
  settings: LimitSettings;
};

/**
 * Whose budget the rolling window counts. Bungie throttles by SOURCE ADDRESS, so the true scope
 * is "everything that reaches Bungie from this deployment's address". Without configuration
 * that is this deployment: every instance with the same API key (and Redis) shares one window,
 * named by a hash of the key (the key itself never appears in Redis). Deployments that share an
 * address but not a key, or a different rate, are configured here: this is the one place.
 */
export function limitScope(apiKey: string): LimitScope {
  const id = createHash("sha256").update(apiKey).digest("hex").slice(0, 16);
  return { id, prefix: `warmind:bungie:${id}`, settings: BUNGIE_LIMITS };
}
