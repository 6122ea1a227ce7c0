// Options accepted by createSandbox (and the node server / CLI on top of it).
import type { DemoCopiesOptions } from "./copies/demo-copies";
import type { Recording } from "./record/recording";
import { CLAN_SIZE } from "./world/clan-size";

export interface SandboxOptions {
  /** The X-API-Key every /Platform call must carry. Default "sandbox-api-key". */
  apiKey?: string;
  /** The registered OAuth client. Defaults "sandbox-client" / "sandbox-secret". */
  clientId?: string;
  clientSecret?: string;
  /** The single registered redirect URL. Default http://localhost:3000/api/auth/callback/bungie */
  redirectUrl?: string;
  /** Path prefix the sandbox is mounted under (e.g. "/sandbox"); "" for the root. */
  basePath?: string;
  /** World seed. Same seed (and clock) → same world. */
  seed?: number;
  /** Fill the demo player's vault to its 700-item capacity. */
  fullVault?: boolean;
  /** Members of the demo clan, the demo player included: 2 to 100 (Bungie's cap). Default 60. */
  clanSize?: number;
  /**
   * Recorded real Bungie responses to serve (README: "Recordings"), as `loadRecording(dir)`
   * (record/recording.ts) reads them; `startSandboxServer` and the CLI take `recordDir`. Read
   * by the caller so the sandbox itself never touches the file system for them (a mounted
   * sandbox has no recordings, and a bundler need not trace arbitrary paths).
   */
  recording?: Recording;
  /** Lifetime of access tokens. Default 3600 (Bungie's). */
  accessTokenTtlSeconds?: number;
  /** Clock (ms since epoch). Default Date.now. Drives tokens, throttles, resets and Xûr. */
  now?: () => number;
  /**
   * Per-API-key limit in requests per second, averaged over a rolling 10 s window (Bungie's
   * is ~25). Default 10,000: out of the way of benchmarks; lower it to test throttling.
   */
  apiKeyRateLimitPerSecond?: number;
  /** Where generated large manifest tables go. Default: the OS temp dir. */
  tempDir?: string;
  /**
   * Serve the test control API under /__sandbox/. Default true (the standalone sandbox, on
   * 127.0.0.1); the app's demo mount turns it on only with SANDBOX_CONTROL=1, so a public demo
   * answers 404 there.
   */
  control?: boolean;
  /**
   * Each sign-in through the consent page gets a private copy of the demo account it picked
   * (copies/demo-copies.ts), so visitors of a public demo never share data. Default off (tests
   * of the standalone sandbox use the accounts themselves); the app's demo mount turns it on.
   */
  demoCopies?: boolean | DemoCopiesOptions;
}

export interface ResolvedOptions {
  apiKey: string;
  clientId: string;
  clientSecret: string;
  redirectUrl: string;
  basePath: string;
  seed: number;
  fullVault: boolean;
  clanSize: number;
  recording?: Recording;
  accessTokenTtlSeconds: number;
  now: () => number;
  apiKeyRateLimitPerSecond: number;
  tempDir?: string;
  control: boolean;
  /** null: no copies. */
  demoCopies: DemoCopiesOptions | null;
}

export const DEFAULT_OPTIONS = {
  apiKey: "sandbox-api-key",
  clientId: "sandbox-client",
  clientSecret: "sandbox-secret",
  redirectUrl: "http://localhost:3000/api/auth/callback/bungie",
  accessTokenTtlSeconds: 3600,
  apiKeyRateLimitPerSecond: 10_000,
} as const;

export function normaliseBasePath(basePath: string | undefined): string {
  if (!basePath || basePath === "/") return "";
  const withSlash = basePath.startsWith("/") ? basePath : `/${basePath}`;
  return withSlash.replace(/\/+$/, "");
}

export function resolveOptions(options: SandboxOptions, defaultSeed: number): ResolvedOptions {
  return {
    apiKey: options.apiKey ?? DEFAULT_OPTIONS.apiKey,
    clientId: options.clientId ?? DEFAULT_OPTIONS.clientId,
    clientSecret: options.clientSecret ?? DEFAULT_OPTIONS.clientSecret,
    redirectUrl: options.redirectUrl ?? DEFAULT_OPTIONS.redirectUrl,
    basePath: normaliseBasePath(options.basePath),
    seed: options.seed ?? defaultSeed,
    fullVault: options.fullVault ?? false,
    clanSize: options.clanSize ?? CLAN_SIZE.default,
    recording: options.recording,
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? DEFAULT_OPTIONS.accessTokenTtlSeconds,
    now: options.now ?? Date.now,
    apiKeyRateLimitPerSecond:
      options.apiKeyRateLimitPerSecond ?? DEFAULT_OPTIONS.apiKeyRateLimitPerSecond,
    tempDir: options.tempDir,
    control: options.control ?? true,
    demoCopies:
      options.demoCopies === true
        ? {}
        : options.demoCopies === false || options.demoCopies === undefined
          ? null
          : options.demoCopies,
  };
}
