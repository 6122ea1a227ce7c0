// Everything a running sandbox remembers: the world, tokens, test controls, counters and
// render caches. `reset()` rebuilds it all from the options (optionally a new seed).
import { TokenStore } from "./auth/token-store";
import type { AccountCopy } from "./copies/copy-account";
import { DemoCopies } from "./copies/demo-copies";
import type { ResolvedOptions } from "./options";
import type { Recording } from "./record/recording";
import type { HostileNames } from "./world/hostile-names";
import { createPrng, type Prng } from "./world/prng";
import { createWorld } from "./world/seed-world";
import type { BungieUser, DestinyProfile, World } from "./world/types";

export interface Controls {
  latency: { fixedMs: number; jitterMs: number };
  maintenance: boolean;
  errorRate: { rate: number; status: number };
  /** Forced throttling: `remaining` null = every call while enabled; a number = the next N calls. */
  throttle: {
    enabled: boolean;
    throttleSeconds: number;
    remaining: number | null;
    errorCode: number;
  };
  /** The next N /Platform (and token) calls never answer (until the client gives up or reset). */
  hang: { remaining: number; maxMs: number };
  rateLimitPerSecond: number;
}

export interface LargeItemTable {
  file: string;
  sizeBytes: number;
  contentHash: string;
}

export class SandboxState {
  world!: World;
  tokens!: TokenStore;
  controls!: Controls;
  readonly stats = new Map<string, number>();
  /** Deterministic randomness for injected errors and latency jitter. */
  chaos!: Prng;
  /**
   * Time of the last accepted action per kind and user (`item:<id>`, `loadout:<id>`, `plug:<id>`;
   * ThrottleSecondsBetweenActionPerUser).
   */
  readonly lastActionAt = new Map<string, number>();
  /** Rolling per-API-key request counts, one bucket per second over 10 s. */
  readonly keyWindows = new Map<string, { second: number; buckets: number[] }>();
  /** Cached serialised renderings keyed by request shape; entries carry the state version. */
  readonly renderCache = new Map<string, { version: string; body: Uint8Array }>();
  recording?: Recording;
  largeItemTable?: LargeItemTable;
  /** Bumped whenever manifest content changes (large table, recordings), to change version. */
  manifestRevision = 0;
  /** Pending hung requests, released on reset. */
  readonly hung = new Set<() => void>();
  accessTokenTtlSeconds: number;
  /** Added to the configured clock (POST /__sandbox/clock), to visit Xûr or a reset. */
  clockOffsetMs = 0;
  /** What POST /__sandbox/hostile-names changed in this world (its vendor is listed while set). */
  hostileNames?: HostileNames;
  /** Visitors' private copies of the demo accounts (options.demoCopies), else undefined. */
  copies?: DemoCopies;

  constructor(readonly options: ResolvedOptions) {
    this.accessTokenTtlSeconds = options.accessTokenTtlSeconds;
    this.reset();
  }

  now(): number {
    return this.options.now() + this.clockOffsetMs;
  }

  reset(overrides: { seed?: number; fullVault?: boolean; clanSize?: number } = {}): void {
    const seed = overrides.seed ?? this.options.seed;
    const fullVault = overrides.fullVault ?? this.options.fullVault;
    const clanSize = overrides.clanSize ?? this.options.clanSize;
    this.clockOffsetMs = 0;
    this.hostileNames = undefined;
    this.world = createWorld({ seed, fullVault, clanSize, now: this.now() });
    this.tokens = new TokenStore();
    this.controls = {
      latency: { fixedMs: 0, jitterMs: 0 },
      maintenance: false,
      errorRate: { rate: 0, status: 500 },
      throttle: { enabled: false, throttleSeconds: 10, remaining: null, errorCode: 31 },
      hang: { remaining: 0, maxMs: 600_000 },
      rateLimitPerSecond: this.options.apiKeyRateLimitPerSecond,
    };
    this.chaos = createPrng(seed ^ 0x5eed);
    this.stats.clear();
    this.lastActionAt.clear();
    this.keyWindows.clear();
    this.renderCache.clear();
    this.accessTokenTtlSeconds = this.options.accessTokenTtlSeconds;
    for (const release of this.hung) release();
    this.hung.clear();
    this.copies = this.options.demoCopies
      ? new DemoCopies(this.options.demoCopies, (copy) => this.forgetCopy(copy))
      : undefined;
    this.recording = this.options.recording;
    if (this.recording) {
      this.world.users.set(this.recording.user.membershipId, this.recording.user);
      this.world.usersByKey.set("recorded", this.recording.user);
    }
  }

  /** Wall-clock time, for bookkeeping the clock control must not move (copies' expiry). */
  realNow(): number {
    return this.options.now();
  }

  /**
   * A copy was deleted (expired or recycled): its tokens die, and nothing remembers it (render
   * caches name its membership ids).
   */
  private forgetCopy(copy: AccountCopy): void {
    this.tokens.forget(copy.user.membershipId);
    this.lastActionAt.delete(copy.user.membershipId);
    const ids = copy.profiles.map((profile) => `|${profile.membershipId}|`);
    for (const key of [...this.renderCache.keys()]) {
      if (ids.some((id) => key.includes(id))) this.renderCache.delete(key);
    }
  }

  userByKeyOrId(keyOrId: string): BungieUser | undefined {
    return this.world.usersByKey.get(keyOrId) ?? this.world.users.get(keyOrId);
  }

  /** A profile by membership id, with lazily generated gear filled in. */
  profile(membershipId: string): DestinyProfile | undefined {
    const profile = this.world.profiles.get(membershipId);
    if (profile?.populate) {
      const populate = profile.populate;
      profile.populate = undefined;
      populate();
    }
    return profile;
  }

  /** Mark a profile changed (drops cached renderings of it). */
  touch(profile: DestinyProfile): void {
    profile.version++;
  }

  count(operation: string): void {
    this.stats.set(operation, (this.stats.get(operation) ?? 0) + 1);
  }
}
