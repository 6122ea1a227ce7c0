// The test control API under /__sandbox/ (never on Bungie's paths). JSON in, JSON out.
// Documented in sandbox/README.md.
import { jsonResponse } from "./http/envelope";
import { loadoutSlots } from "./rules/loadouts";
import type { SandboxState } from "./state";
import { generateLargeItemTableFile } from "./world/generate-large-items";
import { CHARACTER_ACTIVITIES, type CharacterActivity, type DestinyProfile } from "./world/types";
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
  const text = await request.text();
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

function bool(b: Record<string, unknown>, key: string, fallback?: boolean): boolean {
  const value = b[key];
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value !== "boolean") throw new ControlError(`${key} must be a boolean`);
  return value;
}

function userOf(state: SandboxState, key: unknown) {
  if (key === undefined) return undefined;
  if (typeof key !== "string") throw new ControlError("user must be a string");
  const user = state.userByKeyOrId(key);
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
  return [...state.world.usersByKey.entries()].map(([key, user]) => ({
    key,
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
  }));
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
          seed: b.seed === undefined ? undefined : num(b, "seed"),
          fullVault: b.fullVault === undefined ? undefined : bool(b, "fullVault"),
        });
        return jsonResponse({ ok: true, seed: state.world.seed, fullVault: state.world.fullVault });
      case "token": {
        const user = userOf(state, b.user ?? "demo");
        if (!user) throw new ControlError("user required");
        return jsonResponse(
          state.tokens.issueTokens(user.membershipId, state.now(), state.accessTokenTtlSeconds),
        );
      }
      case "latency":
        state.controls.latency = {
          fixedMs: Math.max(0, num(b, "fixedMs", 0)),
          jitterMs: Math.max(0, num(b, "jitterMs", 0)),
        };
        return jsonResponse({ ok: true, latency: state.controls.latency });
      case "maintenance":
        state.controls.maintenance = bool(b, "enabled");
        return jsonResponse({ ok: true, maintenance: state.controls.maintenance });
      case "error-rate": {
        const rate = num(b, "rate");
        if (rate < 0 || rate > 1) throw new ControlError("rate must be within [0, 1]");
        state.controls.errorRate = { rate, status: num(b, "status", 500) };
        return jsonResponse({ ok: true, errorRate: state.controls.errorRate });
      }
      case "throttle": {
        const count = b.count === undefined ? null : num(b, "count");
        const errorCode = num(b, "errorCode", 31);
        if (errorCode !== 31 && errorCode !== 1672)
          throw new ControlError("errorCode must be 31 or 1672");
        state.controls.throttle = {
          enabled: count !== null ? count > 0 : bool(b, "enabled"),
          throttleSeconds: num(b, "throttleSeconds", 10),
          remaining: count,
          errorCode,
        };
        return jsonResponse({ ok: true, throttle: state.controls.throttle });
      }
      case "rate-limit":
        state.controls.rateLimitPerSecond = num(b, "perSecond");
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
        for (const profile of state.world.profiles.values()) {
          const character = profile.characters.find((c) => c.characterId === characterId);
          if (character) {
            character.activity = activity;
            state.touch(profile);
            return jsonResponse({ ok: true, characterId, activity });
          }
        }
        throw new ControlError(`unknown character ${characterId}`, 404);
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
          state.accessTokenTtlSeconds = num(b, "accessTokenTtlSeconds");
        if (b.rateLimitPerSecond !== undefined)
          state.controls.rateLimitPerSecond = num(b, "rateLimitPerSecond");
        return jsonResponse({
          ok: true,
          accessTokenTtlSeconds: state.accessTokenTtlSeconds,
          rateLimitPerSecond: state.controls.rateLimitPerSecond,
        });
      case "hang":
        state.controls.hang = {
          remaining: Math.max(0, num(b, "count", 1)),
          maxMs: num(b, "maxMs", 600_000),
        };
        return jsonResponse({ ok: true, hang: state.controls.hang });
      case "clock":
        if (typeof b.now === "string") {
          const target = Date.parse(b.now);
          if (Number.isNaN(target)) throw new ControlError("now must be an ISO date");
          state.clockOffsetMs += target - state.now();
        } else {
          state.clockOffsetMs = num(b, "offsetMs");
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
        const mb = num(b, "largeItemTableMb", 0);
        if (mb <= 0) {
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
