import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { CurrentUser } from "@/lib/auth/current-user";
import { DATABASE_UNAVAILABLE_MESSAGE, DatabaseUnavailableError } from "@/lib/db/unavailable";
import {
  NO_INPUT,
  runPlayerAction,
  SESSION_ENDED_MESSAGE,
  type ActionRefusal,
  type PlayerAction,
  type PlayerActionDeps,
} from "@/lib/security/player-action";
import {
  ACTION_LIMITS,
  checkRateLimit,
  createMemoryRateLimitStore,
} from "@/lib/security/player-rate-limit";

// The app's session reader needs next-auth's runtime; these tests bring their own deps.
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: async () => null }));

const PLAYER: CurrentUser = { id: "user-1", bungieName: "Aurora Vale#4821", image: null };

type State = { status: "ok" | "error"; message: string; fieldErrors?: Record<string, string> };

/** The app's order with a real in-memory rate limit; `signedIn` decides the session. */
function deps(signedIn: CurrentUser | null = PLAYER) {
  const store = createMemoryRateLimitStore();
  const counted: string[] = [];
  const d: PlayerActionDeps = {
    currentUser: async () => signedIn,
    limit: (userId, kind) => {
      counted.push(`${kind}:${userId}`);
      return checkRateLimit(store, `${kind}:${userId}`, ACTION_LIMITS[kind]);
    },
  };
  return { deps: d, counted };
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

function renameAction() {
  const work = vi.fn(async (player: CurrentUser, input: { name: string }) => ({
    status: "ok" as const,
    message: `${player.id} is now ${input.name}`,
  }));
  const refusals: ActionRefusal[] = [];
  const action: PlayerAction<Record<string, FormDataEntryValue>, { name: string }, State> = {
    limit: "settings",
    input: {
      read: (formData) => Object.fromEntries(formData),
      schema: z.object({ name: z.string().trim().min(3, "A name has at least 3 letters.") }),
    },
    refuse: (refusal) => {
      refusals.push(refusal);
      return {
        status: "error",
        message: refusal.message,
        ...(refusal.reason === "invalid" ? { fieldErrors: refusal.fieldErrors } : {}),
      };
    },
    run: work,
  };
  return { action, work, refusals };
}

describe("runPlayerAction: session, then rate limit, then zod, then the work", () => {
  it("does the work for a signed-in player with valid input, with the parsed values", async () => {
    const { action, work } = renameAction();
    const state = await runPlayerAction(action, form({ name: "  Osiris " }), deps().deps);
    expect(state).toEqual({ status: "ok", message: "user-1 is now Osiris" });
    expect(work).toHaveBeenCalledWith(PLAYER, { name: "Osiris" }, { name: "  Osiris " });
  });

  it("without a session: the one message, nothing counted, the work never runs", async () => {
    const { action, work, refusals } = renameAction();
    const { deps: d, counted } = deps(null);
    const state = await runPlayerAction(action, form({ name: "Osiris" }), d);
    expect(state).toEqual({ status: "error", message: SESSION_ENDED_MESSAGE });
    expect(SESSION_ENDED_MESSAGE).toBe("Your session has ended. Please sign in again.");
    expect(refusals.map((r) => r.reason)).toEqual(["signed-out"]);
    expect(counted).toEqual([]);
    expect(work).not.toHaveBeenCalled();
  });

  it("over the limit: the wait in words, and the work never runs", async () => {
    const { action, work, refusals } = renameAction();
    const { deps: d, counted } = deps();
    const limit = ACTION_LIMITS.settings.limit;
    for (let i = 0; i < limit; i++) {
      expect((await runPlayerAction(action, form({ name: `Name ${i}` }), d)).status).toBe("ok");
    }
    const state = await runPlayerAction(action, form({ name: "One more" }), d);
    expect(state.status).toBe("error");
    expect(state.message).toMatch(/^Too many actions in a short time\. Please wait \d+ s/);
    expect(refusals).toMatchObject([{ reason: "rate-limited" }]);
    expect(work).toHaveBeenCalledTimes(limit);
    expect(counted).toHaveLength(limit + 1);
  });

  it("invalid input: field errors, counted against the limit, and the work never runs", async () => {
    const { action, work } = renameAction();
    const { deps: d, counted } = deps();
    const state = await runPlayerAction(action, form({ name: "x" }), d);
    expect(state).toEqual({
      status: "error",
      message: "A name has at least 3 letters.",
      fieldErrors: { name: "A name has at least 3 letters." },
    });
    // Junk counts too: a script can't probe the schema without spending its limit.
    expect(counted).toEqual(["settings:user-1"]);
    expect(work).not.toHaveBeenCalled();
  });

  it("NO_INPUT ignores whatever a forged form carries", async () => {
    const run = vi.fn(async () => ({ status: "ok" as const, message: "done" }));
    const state = await runPlayerAction(
      {
        limit: "settings",
        input: NO_INPUT,
        refuse: (r) => ({ status: "error", message: r.message }),
        run,
      },
      form({ junk: "9".repeat(10_000) }),
      deps().deps,
    );
    expect(state).toEqual({ status: "ok", message: "done" });
    expect(run).toHaveBeenCalledWith(PLAYER, {}, {});
  });
});

describe("runPlayerAction when the database is away", () => {
  const outage = () =>
    new DatabaseUnavailableError(
      Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }),
    );

  it("answers the outage message, not 'session ended', when the session cannot be looked up", async () => {
    const { action, work, refusals } = renameAction();
    const { deps: d } = deps();
    d.currentUser = async () => {
      throw outage();
    };
    const state = await runPlayerAction(action, form({ name: "Aurora" }), d);
    expect(state).toMatchObject({ status: "error", message: DATABASE_UNAVAILABLE_MESSAGE });
    expect(refusals).toEqual([
      {
        reason: "database-unavailable",
        message: DATABASE_UNAVAILABLE_MESSAGE,
        retryAfterSeconds: expect.any(Number),
      },
    ]);
    expect(work).not.toHaveBeenCalled();
  });

  it("answers the same when the work itself meets the outage, and lets every other error through", async () => {
    const { action } = renameAction();
    action.run = async () => {
      throw outage();
    };
    const state = await runPlayerAction(action, form({ name: "Aurora" }), deps().deps);
    expect(state).toMatchObject({ status: "error", message: DATABASE_UNAVAILABLE_MESSAGE });

    action.run = async () => {
      throw new TypeError("a bug");
    };
    await expect(runPlayerAction(action, form({ name: "Aurora" }), deps().deps)).rejects.toThrow(
      "a bug",
    );
  });
});
