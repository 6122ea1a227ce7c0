// Private copies of the demo accounts, one per visitor and account, so visitors of a public
// demo never see or change each other's data. A visitor is a browser: the consent page gives it
// an unguessable handle in a cookie, and signing in again as the same account from that browser
// returns the same copy (what a player changed survives signing out). Copies expire after a day
// without use; at most `max` exist, and past that the least recently used copy is recycled,
// unless even that one was used recently (then sign-in waits: the demo is full). One network may
// make only `perNetwork` new copies an hour: otherwise a script that drops cookies could take
// every copy within seconds and keep the demo full for everyone.
import type { BungieUser, World } from "../world/types";
import { copyAccount, removeAccount, type AccountCopy } from "./copy-account";

export interface DemoCopiesOptions {
  /** Copies at most (default 200). */
  max?: number;
  /** A copy unused for this long is deleted (default 24 h). */
  idleMs?: number;
  /** At the cap, the oldest copy is recycled only when unused for this long (default 10 min). */
  recycleAfterMs?: number;
  /** New copies one network may make per `networkWindowMs` (default 20). */
  perNetwork?: number;
  /** Default an hour. */
  networkWindowMs?: number;
}

export interface CopySummary {
  /** The Bungie.net membership id of the copy. */
  membershipId: string;
  /** The template's key ("demo", "rival"...). */
  of: string;
  destinyMembershipIds: string[];
  createdAt: string;
  signedInAt: string;
  lastUsedAt: string;
}

interface Copy extends AccountCopy {
  of: string;
  visitor: string;
  createdAt: number;
  signedInAt: number;
  lastUsedAt: number;
}

export type CopySignIn =
  | { ok: true; user: BungieUser; visitor: string; created: boolean }
  | { ok: false; reason: "full" }
  | { ok: false; reason: "network"; retryAfterMs: number };

export const DEFAULT_COPY_LIMITS = {
  max: 200,
  idleMs: 24 * 3_600_000,
  recycleAfterMs: 10 * 60_000,
  perNetwork: 20,
  networkWindowMs: 3_600_000,
} as const;

const SWEEP_EVERY_MS = 60_000;

export class DemoCopies {
  readonly max: number;
  readonly idleMs: number;
  readonly recycleAfterMs: number;
  readonly perNetwork: number;
  readonly networkWindowMs: number;
  /** When each network made its recent copies, oldest first. */
  private readonly madeBy = new Map<string, number[]>();
  private readonly copies = new Map<string, Copy>();
  private readonly visitors = new Map<string, Map<string, string>>();
  private readonly clanOwners = new Map<string, string>();
  private lastSweep = 0;

  constructor(
    options: DemoCopiesOptions,
    /** Called with every copy taken out (its tokens and caches go with it). */
    private readonly onRemove: (copy: AccountCopy) => void,
  ) {
    this.max = options.max ?? DEFAULT_COPY_LIMITS.max;
    this.idleMs = options.idleMs ?? DEFAULT_COPY_LIMITS.idleMs;
    this.recycleAfterMs = options.recycleAfterMs ?? DEFAULT_COPY_LIMITS.recycleAfterMs;
    this.perNetwork = options.perNetwork ?? DEFAULT_COPY_LIMITS.perNetwork;
    this.networkWindowMs = options.networkWindowMs ?? DEFAULT_COPY_LIMITS.networkWindowMs;
  }

  get size(): number {
    return this.copies.size;
  }

  /**
   * The copy of `template` (key `of`) for the visitor with this handle: theirs when they have one,
   * else a new one (and a new handle when theirs is unknown), if `network` (undefined: not
   * limited) has made fewer than `perNetwork` within the window.
   */
  signIn(
    world: World,
    of: string,
    template: BungieUser,
    from: { handle: string | undefined; network: string | undefined },
    now: number,
    profileOf: Parameters<typeof copyAccount>[2],
  ): CopySignIn {
    const { handle, network } = from;
    this.sweep(world, now, true);
    const known = handle !== undefined ? this.visitors.get(handle) : undefined;
    const existing = known?.get(of);
    const mine = existing !== undefined ? this.copies.get(existing) : undefined;
    if (mine) {
      mine.signedInAt = now;
      mine.lastUsedAt = now;
      return { ok: true, user: mine.user, visitor: mine.visitor, created: false };
    }
    const made = network !== undefined ? this.recentlyMadeBy(network, now) : [];
    if (made.length >= this.perNetwork)
      return { ok: false, reason: "network", retryAfterMs: made[0]! + this.networkWindowMs - now };
    if (this.copies.size >= this.max) {
      const oldest = this.leastRecentlyUsed();
      if (!oldest || now - oldest.lastUsedAt < this.recycleAfterMs)
        return { ok: false, reason: "full" };
      this.remove(world, oldest);
    }
    const visitor = known && handle !== undefined ? handle : newHandle();
    const copy: Copy = {
      ...copyAccount(world, template, profileOf),
      of,
      visitor,
      createdAt: now,
      signedInAt: now,
      lastUsedAt: now,
    };
    this.copies.set(copy.user.membershipId, copy);
    for (const clan of copy.clans) this.clanOwners.set(clan.groupId, copy.user.membershipId);
    const owned = this.visitors.get(visitor) ?? new Map<string, string>();
    owned.set(of, copy.user.membershipId);
    this.visitors.set(visitor, owned);
    if (network !== undefined) this.madeBy.set(network, [...made, now]);
    return { ok: true, user: copy.user, visitor, created: true };
  }

  /** When `network` made the copies still in the window (and forgets older ones). */
  private recentlyMadeBy(network: string, now: number): number[] {
    const made = (this.madeBy.get(network) ?? []).filter((at) => now - at < this.networkWindowMs);
    if (made.length > 0) this.madeBy.set(network, made);
    else this.madeBy.delete(network);
    return made;
  }

  /**
   * Marks a copy used (a token of it reached the sandbox). False when `bnetId` names a copy that
   * expired (it is deleted now) or no longer exists; true for every other user.
   */
  use(world: World, bnetId: string, now: number): boolean {
    const copy = this.copies.get(bnetId);
    let alive = true;
    if (copy && now - copy.lastUsedAt >= this.idleMs) {
      this.remove(world, copy);
      alive = false;
    } else if (copy) {
      copy.lastUsedAt = now;
    }
    this.sweep(world, now, false);
    return alive;
  }

  /** The copy of `of` a visitor signed in to most recently, if any. */
  latest(of: string): BungieUser | undefined {
    let best: Copy | undefined;
    for (const copy of this.copies.values()) {
      if (copy.of === of && (!best || copy.signedInAt >= best.signedInAt)) best = copy;
    }
    return best?.user;
  }

  /** The Bungie.net id of the copy a copied clan belongs to. */
  clanOwner(groupId: string): string | undefined {
    return this.clanOwners.get(groupId);
  }

  list(): CopySummary[] {
    return [...this.copies.values()].map((copy) => ({
      membershipId: copy.user.membershipId,
      of: copy.of,
      destinyMembershipIds: [...copy.user.destinyMembershipIds],
      createdAt: new Date(copy.createdAt).toISOString(),
      signedInAt: new Date(copy.signedInAt).toISOString(),
      lastUsedAt: new Date(copy.lastUsedAt).toISOString(),
    }));
  }

  /** Deletes the copies unused for `idleMs` (at most once a minute unless `force`). */
  private sweep(world: World, now: number, force: boolean): void {
    if (!force && now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    for (const copy of [...this.copies.values()]) {
      if (now - copy.lastUsedAt >= this.idleMs) this.remove(world, copy);
    }
    // Bounded anyway (copies are made at most `max` per recycle time), but kept small.
    for (const network of [...this.madeBy.keys()]) this.recentlyMadeBy(network, now);
  }

  private leastRecentlyUsed(): Copy | undefined {
    let oldest: Copy | undefined;
    for (const copy of this.copies.values()) {
      if (!oldest || copy.lastUsedAt < oldest.lastUsedAt) oldest = copy;
    }
    return oldest;
  }

  private remove(world: World, copy: Copy): void {
    removeAccount(world, copy);
    this.copies.delete(copy.user.membershipId);
    for (const clan of copy.clans) this.clanOwners.delete(clan.groupId);
    const owned = this.visitors.get(copy.visitor);
    owned?.delete(copy.of);
    if (owned?.size === 0) this.visitors.delete(copy.visitor);
    this.onRemove(copy);
  }
}

/** 256 random bits, URL-safe: a visitor's handle cannot be guessed from anyone else's. */
function newHandle(): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString("base64url");
}
