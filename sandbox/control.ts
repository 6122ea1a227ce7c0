// The test control API under /__sandbox/ (never on Bungie's paths). JSON in, JSON out.
// Documented in sandbox/README.md.
import { readBodyText } from "./http/body";
import { jsonResponse } from "./http/envelope";
import { loadoutSlots } from "./rules/loadouts";
import type { SandboxState } from "./state";
import { CLAN_SIZE } from "./world/clan-size";
import { generateLargeItemTableFile } from "./world/generate-large-items";
import {
  type BungieUser,
  CHARACTER_ACTIVITIES,
  type CharacterActivity,
  type DestinyProfile,
} from "./world/types";
import { profilesOf } from "./services/user";
import { bucketOf } from "./render/items";
import { collectibleEntries } from "./world/collectibles";
import { getManifestDefinitions } from "./world/definitions";
import { applyHostileNames } from "./world/hostile-names";
import {
  addLoadPlayers,
  loadPlayerCount,
  loadPlayerKey,
  MAX_LOAD_PLAYERS,
} from "./world/load-players";

class ControlError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

async function body(request: Request): Promise<Record<string, unknown>> {
  const text = await readBodyText(request);
  if (!text.trim()) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ControlError("body is not JSON");
  }
  if (!value || typeof value !== "object" || Array.isArray(value))
    throw new ControlError("body must be a JSON object");
  return value as Record<string, unknown>;
}

function num(b: Record<string, unknown>, key: string, fallback?: number): number {
  const value = b[key];
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value))
    throw new ControlError(`${key} must be a number`);
  return value;
}

/**
 * A number within [min, max] (an integer when `integer`): every size, count and duration the
 * control API takes is capped, so no call can make the sandbox hold or write without bound.
 */
function bounded(
  b: Record<string, unknown>,
  key: string,
  range: { min: number; max: number; integer?: boolean },
  fallback?: number,
): number {
  const value = num(b, key, fallback);
  if (value < range.min || value > range.max || (range.integer && !Number.isInteger(value)))
    throw new ControlError(
      `${key} must be ${range.integer ? "an integer" : "a number"} from ${range.min} to ${range.max}`,
    );
  return value;
}

/** Caps of the control API's parameters. */
export const CONTROL_LIMITS = {
  /** The generated item table: the real one is about 190 MB. */
  largeItemTableMb: 256,
  latencyMs: 120_000,
  hangCount: 1_000,
  hangMaxMs: 600_000,
  throttleCount: 100_000,
  throttleSeconds: 3_600,
  rateLimitPerSecond: 1_000_000,
  accessTokenTtlSeconds: 90 * 86_400,
  clockOffsetMs: 5 * 365 * 86_400_000,
} as const;

function bool(b: Record<string, unknown>, key: string, fallback?: boolean): boolean {
  const value = b[key];
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value !== "boolean") throw new ControlError(`${key} must be a boolean`);
  return value;
}

/**
 * The user a control call names: a Bungie.net membership id, or a key. With demo copies on, a
 * demo key ("demo") names the copy of that account a visitor signed in to most recently (the
 * account a test just signed in as), and the account itself while nobody has; a key prefixed
 * with "original:" ("original:demo") always names the account itself.
 */
export function resolveControlUser(state: SandboxState, key: string): BungieUser | undefined {
  if (key.startsWith("original:")) return state.world.usersByKey.get(key.slice(9));
  return state.copies?.latest(key) ?? state.userByKeyOrId(key);
}

function userOf(state: SandboxState, key: unknown) {
  if (key === undefined) return undefined;
  if (typeof key !== "string") throw new ControlError("user must be a string");
  const user = resolveControlUser(state, key);
  if (!user) throw new ControlError(`unknown user ${key}`, 404);
  return user;
}

/** The Destiny profiles of the user with this key or membership id (404 when there is none). */
function profilesOfKey(state: SandboxState, key: string): DestinyProfile[] {
  const user = userOf(state, key);
  if (!user) throw new ControlError("user required");
  return profilesOf(state, user)
    .map((p) => state.profile(p.membershipId))
    .filter((p): p is DestinyProfile => p !== undefined);
}

/** Where every item of a profile is: tests compare these to prove nothing was lost or duplicated. */
export function profileSnapshot(state: SandboxState, profile: DestinyProfile) {
  const defs = getManifestDefinitions();
  const items = profile.items.map((item) => {
    const place = item.place;
    const where = "characterId" in place ? `${place.kind}:${place.characterId}` : place.kind;
    return {
      ...(item.itemInstanceId ? { itemInstanceId: item.itemInstanceId } : {}),
      itemHash: item.itemHash,
      quantity: item.quantity,
      where,
      bucketHash: bucketOf(item, defs.meta.get(item.itemHash)),
      locked: (item.state & 1) === 1,
      ...(item.power === undefined ? {} : { power: item.power }),
      ...(item.gearTier === undefined ? {} : { gearTier: item.gearTier }),
      ...(item.plugs ? { plugs: item.plugs } : {}),
    };
  });
  const stacks: Record<string, number> = {};
  for (const item of profile.items) {
    if (!item.itemInstanceId) stacks[item.itemHash] = (stacks[item.itemHash] ?? 0) + item.quantity;
  }
  return {
    membershipId: profile.membershipId,
    membershipType: profile.membershipType,
    version: profile.version,
    characters: profile.characters.map((c) => ({
      characterId: c.characterId,
      classType: c.classType,
      activity: c.activity,
      // In-game loadout slots as 206 renders them (empty ones with no items here).
      loadouts: loadoutSlots(c, defs.loadouts),
    })),
    counts: {
      instanced: profile.byInstanceId.size,
      vault: profile.items.filter((i) => i.place.kind === "vault").length,
      postmaster: Object.fromEntries(
        profile.characters.map((c) => [
          c.characterId,
          profile.items.filter(
            (i) => i.place.kind === "postmaster" && i.place.characterId === c.characterId,
          ).length,
        ]),
      ),
    },
    stackTotals: stacks,
    items,
  };
}

function usersSummary(state: SandboxState) {
  return [...state.world.usersByKey.keys()].map((key) => {
    const user = resolveControlUser(state, key)!;
    return userSummary(state, key, user);
  });
}

function userSummary(state: SandboxState, key: string, user: BungieUser) {
  return {
    key,
    /** Set when this is a visitor's copy of the account (demo copies): the account's key. */
    ...(user.key === key ? {} : { copyOf: key }),
    bungieName: `${user.bungieGlobalDisplayName}#${String(user.bungieGlobalDisplayNameCode).padStart(4, "0")}`,
    membershipId: user.membershipId,
    primaryMembershipId: user.primaryMembershipId,
    profiles: profilesOf(state, user).map((p) => ({
      membershipId: p.membershipId,
      membershipType: p.membershipType,
      isOverridden: p.isOverridden,
      characters: p.characters.map((c) => ({
        characterId: c.characterId,
        classType: c.classType,
        activity: c.activity,
      })),
    })),
  };
}

export async function handleControl(
  state: SandboxState,
  request: Request,
  url: URL,
  path: string,
): Promise<Response> {
  const route = path
    .replace(/^\/__sandbox\/?/i, "")
    .replace(/\/+$/, "")
    .toLowerCase();
  const method = request.method;
  try {
    if (method === "GET") {
      switch (route) {
        case "state": {
          const key = url.searchParams.get("user") ?? "demo";
          return jsonResponse({
            user: key,
            bungieNetMembershipId: userOf(state, key)?.membershipId,
            profiles: profilesOfKey(state, key).map((p) => profileSnapshot(state, p)),
          });
        }
        case "collectibles": {
          const key = url.searchParams.get("user") ?? "demo";
          return jsonResponse({
            user: key,
            profiles: profilesOfKey(state, key).map((p) => ({
              membershipId: p.membershipId,
              collectibles: collectibleEntries(getManifestDefinitions(), p),
            })),
          });
        }
        case "stats":
          return jsonResponse({
            total: [...state.stats.entries()]
              .filter(([op]) => !op.startsWith("Content."))
              .reduce((s, [, n]) => s + n, 0),
            operations: Object.fromEntries(state.stats),
          });
        case "users":
          return jsonResponse({ users: usersSummary(state) });
        case "copies":
          return jsonResponse({
            enabled: state.copies !== undefined,
            max: state.copies?.max ?? 0,
            copies: state.copies?.list() ?? [],
          });
        case "tokens": {
          const user = userOf(state, url.searchParams.get("user") ?? "demo");
          return jsonResponse({ tokens: user ? state.tokens.issuedTo(user.membershipId) : [] });
        }
        case "":
        case "config":
          return jsonResponse({
            apiKey: state.options.apiKey,
            clientId: state.options.clientId,
            redirectUrl: state.options.redirectUrl,
            basePath: state.options.basePath,
            seed: state.world.seed,
            fullVault: state.world.fullVault,
            clanSize: state.world.clanSize,
            accessTokenTtlSeconds: state.accessTokenTtlSeconds,
            now: new Date(state.now()).toISOString(),
            controls: state.controls,
          });
        default:
          throw new ControlError(`unknown control GET /__sandbox/${route}`, 404);
      }
    }
    if (method !== "POST") throw new ControlError("use GET or POST", 405);
    const b = await body(request);
    switch (route) {
      case "reset":
        state.reset({
          seed:
            b.seed === undefined
              ? undefined
              : bounded(b, "seed", { min: 0, max: 0xffffffff, integer: true }),
          fullVault: b.fullVault === undefined ? undefined : bool(b, "fullVault"),
          clanSize:
            b.clanSize === undefined
              ? undefined
              : bounded(b, "clanSize", { min: CLAN_SIZE.min, max: CLAN_SIZE.max, integer: true }),
        });
        return jsonResponse({
          ok: true,
          seed: state.world.seed,
          fullVault: state.world.fullVault,
          clanSize: state.world.clanSize,
        });
      case "token": {
        const user = userOf(state, b.user ?? "demo");
        if (!user) throw new ControlError("user required");
        return jsonResponse(
          state.tokens.issueTokens(user.membershipId, state.now(), state.accessTokenTtlSeconds),
        );
      }
      case "latency":
        state.controls.latency = {
          fixedMs: bounded(b, "fixedMs", { min: 0, max: CONTROL_LIMITS.latencyMs }, 0),
          jitterMs: bounded(b, "jitterMs", { min: 0, max: CONTROL_LIMITS.latencyMs }, 0),
        };
        return jsonResponse({ ok: true, latency: state.controls.latency });
      case "maintenance":
        state.controls.maintenance = bool(b, "enabled");
        return jsonResponse({ ok: true, maintenance: state.controls.maintenance });
      case "error-rate": {
        const rate = num(b, "rate");
        if (rate < 0 || rate > 1) throw new ControlError("rate must be within [0, 1]");
        state.controls.errorRate = {
          rate,
          status: bounded(b, "status", { min: 400, max: 599, integer: true }, 500),
        };
        return jsonResponse({ ok: true, errorRate: state.controls.errorRate });
      }
      case "throttle": {
        const count =
          b.count === undefined
            ? null
            : bounded(b, "count", { min: 0, max: CONTROL_LIMITS.throttleCount, integer: true });
        const errorCode = num(b, "errorCode", 31);
        if (errorCode !== 31 && errorCode !== 1672)
          throw new ControlError("errorCode must be 31 or 1672");
        state.controls.throttle = {
          enabled: count !== null ? count > 0 : bool(b, "enabled"),
          throttleSeconds: bounded(
            b,
            "throttleSeconds",
            { min: 0, max: CONTROL_LIMITS.throttleSeconds },
            10,
          ),
          remaining: count,
          errorCode,
        };
        return jsonResponse({ ok: true, throttle: state.controls.throttle });
      }
      case "rate-limit":
        state.controls.rateLimitPerSecond = bounded(b, "perSecond", {
          min: 0,
          max: CONTROL_LIMITS.rateLimitPerSecond,
        });
        state.keyWindows.clear();
        return jsonResponse({ ok: true, rateLimitPerSecond: state.controls.rateLimitPerSecond });
      case "activity": {
        const characterId = String(b.characterId ?? "");
        const activity: CharacterActivity =
          typeof b.activity === "string"
            ? (b.activity as CharacterActivity)
            : bool(b, "inActivity")
              ? "strike"
              : "orbit";
        if (!CHARACTER_ACTIVITIES.includes(activity))
          throw new ControlError(`activity must be one of ${CHARACTER_ACTIVITIES.join(", ")}`);
        // Visitors' copies keep their account's character ids: without `user`, the character
        // changes in the account and in every copy of it.
        const profiles =
          b.user === undefined
            ? [...state.world.profiles.values()]
            : profilesOfKey(state, String(b.user));
        let found = 0;
        for (const profile of profiles) {
          const character = profile.characters.find((c) => c.characterId === characterId);
          if (!character) continue;
          character.activity = activity;
          state.touch(profile);
          found++;
        }
        if (found === 0) throw new ControlError(`unknown character ${characterId}`, 404);
        return jsonResponse({ ok: true, characterId, activity, profiles: found });
      }
      case "tokens/expire": {
        const user = userOf(state, b.user);
        return jsonResponse({
          ok: true,
          expired: state.tokens.expireAccess(state.now(), user?.membershipId),
        });
      }
      case "tokens/revoke": {
        const user = userOf(state, b.user);
        return jsonResponse({ ok: true, revoked: state.tokens.revoke(user?.membershipId) });
      }
      case "config":
        if (b.accessTokenTtlSeconds !== undefined)
          state.accessTokenTtlSeconds = bounded(b, "accessTokenTtlSeconds", {
            min: 1,
            max: CONTROL_LIMITS.accessTokenTtlSeconds,
          });
        if (b.rateLimitPerSecond !== undefined)
          state.controls.rateLimitPerSecond = bounded(b, "rateLimitPerSecond", {
            min: 0,
            max: CONTROL_LIMITS.rateLimitPerSecond,
          });
        return jsonResponse({
          ok: true,
          accessTokenTtlSeconds: state.accessTokenTtlSeconds,
          rateLimitPerSecond: state.controls.rateLimitPerSecond,
        });
      case "hang":
        state.controls.hang = {
          remaining: bounded(
            b,
            "count",
            { min: 0, max: CONTROL_LIMITS.hangCount, integer: true },
            1,
          ),
          maxMs: bounded(b, "maxMs", { min: 0, max: CONTROL_LIMITS.hangMaxMs }, 600_000),
        };
        return jsonResponse({ ok: true, hang: state.controls.hang });
      case "clock":
        if (typeof b.now === "string") {
          const target = Date.parse(b.now);
          if (Number.isNaN(target)) throw new ControlError("now must be an ISO date");
          const offset = state.clockOffsetMs + target - state.now();
          if (Math.abs(offset) > CONTROL_LIMITS.clockOffsetMs)
            throw new ControlError("now must be within five years of the real clock");
          state.clockOffsetMs = offset;
        } else {
          state.clockOffsetMs = bounded(b, "offsetMs", {
            min: -CONTROL_LIMITS.clockOffsetMs,
            max: CONTROL_LIMITS.clockOffsetMs,
          });
        }
        return jsonResponse({
          ok: true,
          now: new Date(state.now()).toISOString(),
          offsetMs: state.clockOffsetMs,
        });
      case "stats/reset":
        state.stats.clear();
        return jsonResponse({ ok: true });
      case "players": {
        const count = b.count;
        if (
          typeof count !== "number" ||
          !Number.isInteger(count) ||
          count < 1 ||
          count > MAX_LOAD_PLAYERS
        )
          throw new ControlError(`count must be an integer from 1 to ${MAX_LOAD_PLAYERS}`);
        const added = addLoadPlayers(state.world, count);
        const players = loadPlayerCount(state.world);
        return jsonResponse({
          ok: true,
          added,
          players,
          keys: Array.from({ length: players }, (_, i) => loadPlayerKey(i + 1)),
        });
      }
      case "hostile-names":
        // Once per world: a second call answers what the first changed.
        state.hostileNames ??= applyHostileNames(state.world, getManifestDefinitions());
        return jsonResponse({ ok: true, ...state.hostileNames });
      case "manifest": {
        // Whole megabytes up to the cap: each size is one file in the temp dir, and a process
        // keeps at most one file it generated (generate-large-items.ts).
        const mb = bounded(
          b,
          "largeItemTableMb",
          { min: 0, max: CONTROL_LIMITS.largeItemTableMb, integer: true },
          0,
        );
        if (mb === 0) {
          state.largeItemTable = undefined;
        } else {
          state.largeItemTable = await generateLargeItemTableFile({
            targetMb: mb,
            dir: state.options.tempDir,
          });
        }
        state.manifestRevision++;
        return jsonResponse({ ok: true, largeItemTable: state.largeItemTable ?? null });
      }
      default:
        throw new ControlError(`unknown control POST /__sandbox/${route}`, 404);
    }
  } catch (error) {
    if (error instanceof ControlError)
      return jsonResponse({ ok: false, error: error.message }, error.status);
    throw error;
  }
}
