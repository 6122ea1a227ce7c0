import "server-only";
import { z } from "zod";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import {
  DATABASE_RETRY_AFTER_SECONDS,
  DATABASE_UNAVAILABLE_MESSAGE,
  isDatabaseUnavailable,
} from "@/lib/db/unavailable";
import { log } from "@/lib/log";
import {
  limitPlayerAction,
  rateLimitMessage,
  type ActionLimitKind,
  type RateLimitResult,
} from "./player-rate-limit";

// Every server action of a signed-in player opens the same way, in this order: the session (the
// player comes from it, never from the form), the player's rate limit (counted before anything
// is parsed, so junk counts too), zod, and only then the work. Each returns the typed state its
// form shows (useActionState + an aria-live region). A database outage at any step is turned
// away the same way, with the one outage message: the work's own writes are single statements
// or transactions, so an action that meets an outage has changed nothing it recorded.

/** The one wording for an action that arrives without a live session. */
export const SESSION_ENDED_MESSAGE = "Your session has ended. Please sign in again.";

/** Why an action was turned away before its work started. */
export type ActionRefusal =
  | { reason: "signed-out"; message: string }
  | { reason: "rate-limited"; message: string; retryAfterSeconds: number }
  | { reason: "database-unavailable"; message: string; retryAfterSeconds: number }
  | {
      reason: "invalid";
      /** The first problem, in the schema's words. */
      message: string;
      /** The first problem per top-level field. */
      fieldErrors: Record<string, string>;
      issues: readonly z.core.$ZodIssue[];
    };

/** What an action reads from its form, and the zod schema that validates it. */
export type FormInput<Raw, Input> = {
  read: (formData: FormData) => Raw;
  schema: z.ZodType<Input>;
};

/** For actions whose form carries nothing (a button): anything sent is ignored. */
export const NO_INPUT: FormInput<Record<string, never>, Record<string, never>> = {
  read: () => ({}),
  schema: z.object({}),
};

export type PlayerAction<Raw, Input, State> = {
  /** Which per-player limit counts it (lib/security/player-rate-limit.ts). */
  limit: ActionLimitKind;
  input: FormInput<Raw, Input>;
  /** The state the form shows when the action is turned away; `raw` is what was submitted. */
  refuse: (refusal: ActionRefusal, raw: Raw) => State;
  /** The work, for a signed-in player within their limit, with valid input. */
  run: (player: CurrentUser, input: Input, raw: Raw) => Promise<State>;
};

export type PlayerActionDeps = {
  currentUser: () => Promise<CurrentUser | null>;
  limit: (userId: string, kind: ActionLimitKind) => Promise<RateLimitResult>;
};

const APP_DEPS: PlayerActionDeps = { currentUser: getCurrentUser, limit: limitPlayerAction };

/**
 * Session → rate limit → zod → the work. `deps` are the app's own except in tests. A database
 * outage anywhere on the way answers the outage message (Next's redirects and other errors
 * pass through).
 */
export async function runPlayerAction<Raw, Input, State>(
  action: PlayerAction<Raw, Input, State>,
  formData: FormData,
  deps: PlayerActionDeps = APP_DEPS,
): Promise<State> {
  const raw = action.input.read(formData);
  try {
    return await openAndRun(action, raw, deps);
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    log.warn("action.database_unavailable", { limit: action.limit, error });
    return action.refuse(
      {
        reason: "database-unavailable",
        message: DATABASE_UNAVAILABLE_MESSAGE,
        retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
      },
      raw,
    );
  }
}

async function openAndRun<Raw, Input, State>(
  action: PlayerAction<Raw, Input, State>,
  raw: Raw,
  deps: PlayerActionDeps,
): Promise<State> {
  const player = await deps.currentUser();
  if (!player) return action.refuse({ reason: "signed-out", message: SESSION_ENDED_MESSAGE }, raw);
  const limit = await deps.limit(player.id, action.limit);
  if (!limit.ok) {
    return action.refuse(
      {
        reason: "rate-limited",
        message: rateLimitMessage(limit),
        retryAfterSeconds: limit.retryAfterSeconds,
      },
      raw,
    );
  }
  const parsed = action.input.schema.safeParse(raw);
  if (!parsed.success) return action.refuse(invalid(parsed.error.issues), raw);
  return action.run(player, parsed.data, raw);
}

function invalid(issues: readonly z.core.$ZodIssue[]): ActionRefusal {
  const fieldErrors: Record<string, string> = {};
  for (const issue of issues) {
    const field = issue.path[0];
    if (field !== undefined) fieldErrors[String(field)] ??= issue.message;
  }
  return {
    reason: "invalid",
    message: issues[0]?.message ?? "That request is not valid.",
    fieldErrors,
    issues,
  };
}
