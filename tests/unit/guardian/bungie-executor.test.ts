// The executor sends plan steps through lib/bungie with nothing of its own in between: pacing
// comes from the limiter's per-player lease, resends after a 36 or a refused token go through it
// too, and EquipItems' per-item results come back typed.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { unlimited, type BungieLimiter } from "@/lib/bungie/limits";
import { createMemoryLimiter } from "@/lib/bungie/memory-limit-store";
import type { PlanStep } from "@/lib/destiny/planner-state";
import { PlatformErrorCodes } from "@/lib/destiny/platform-error-codes";
import { bungieExecutor } from "@/lib/guardian/bungie-executor";
import type { GuardianContext } from "@/lib/guardian/guardian-context";
import { envelope, testClient, type Recorded, type Reply } from "../bungie/fake-fetch";

const tokens = vi.hoisted(() => ({ issued: [] as string[], rejected: [] as (string | null)[] }));
vi.mock("@/lib/auth/access-token", () => ({
  getBungieAccessToken: async (_userId: string, options?: { rejected?: string | null }) => {
    if (options?.rejected !== undefined) tokens.rejected.push(options.rejected);
    const token = `tok-${tokens.issued.length + 1}`;
    tokens.issued.push(token);
    return token;
  },
}));

const context: GuardianContext = {
  userId: "user-1",
  bungieMembershipId: "20000001",
  account: {
    membershipType: 3,
    membershipId: "4611686018400000001",
    displayName: "Aurora",
    crossSaveOverride: 0,
    applicableMembershipTypes: [3],
    isPrimary: true,
  },
  accountCount: 1,
  chosenCharacterId: null,
  language: "en",
};

const lock = (itemInstanceId: string): PlanStep => ({
  kind: "lock",
  itemKey: itemInstanceId,
  itemInstanceId,
  characterId: "7",
  locked: true,
  why: "requested",
});

/** A client whose fake Bungie answers from `replies` and notes when each call arrived and ended. */
function timedClient(replies: Reply[], limiter: BungieLimiter) {
  const arrived: number[] = [];
  const answered: number[] = [];
  const queue = [...replies];
  const { client, calls } = testClient(
    (_call: Recorded) => {
      arrived.push(performance.now());
      const reply = queue.shift();
      if (!reply) throw new Error("no reply scripted");
      answered.push(performance.now());
      return reply;
    },
    { limiter },
  );
  return { client, calls, arrived, answered };
}

beforeEach(() => {
  tokens.issued.length = 0;
  tokens.rejected.length = 0;
});

describe("bungieExecutor", () => {
  it("keeps no pacing of its own: without a limiter, steps go back to back", async () => {
    const { client, arrived } = timedClient(
      [{ json: envelope(0) }, { json: envelope(0) }, { json: envelope(0) }],
      unlimited,
    );
    const executor = bungieExecutor(context, client);
    for (const id of ["1", "2", "3"]) expect(await executor.run(lock(id))).toEqual([]);
    expect(executor.calls).toBe(3);
    // A private gate would hold each step 105 ms after the previous answer.
    expect(arrived[2]! - arrived[0]!).toBeLessThan(100);
  });

  it("paces steps through the limiter's lease: each sent ≥ 100 ms after the previous answer", async () => {
    const { client, arrived, answered } = timedClient(
      [{ json: envelope(0) }, { json: envelope(0) }, { json: envelope(0) }],
      createMemoryLimiter(),
    );
    const executor = bungieExecutor(context, client);
    for (const id of ["1", "2", "3"]) await executor.run(lock(id));
    for (let i = 1; i < 3; i++) {
      expect(arrived[i]! - answered[i - 1]!).toBeGreaterThanOrEqual(99);
    }
  });

  it("resends a step Bungie refused with 36 once the limiter held the player back", async () => {
    const throttled = envelope(0, PlatformErrorCodes.ThrottleLimitExceededMomentarily, {
      ThrottleSeconds: 0,
    });
    const { client, calls, arrived, answered } = timedClient(
      [{ status: 500, json: throttled }, { json: envelope(0) }],
      createMemoryLimiter(),
    );
    const executor = bungieExecutor(context, client);
    expect(await executor.run(lock("1"))).toEqual([]);
    expect(calls).toHaveLength(2);
    expect(executor.calls).toBe(2);
    // ThrottleSeconds 0 still waits a quarter second after the refusal, not the usual 0.1 s.
    expect(arrived[1]! - answered[0]!).toBeGreaterThanOrEqual(249);
  });

  it("refreshes a token Bungie refused and sends the step once more with the new one", async () => {
    const expired = envelope(0, PlatformErrorCodes.AccessTokenHasExpired);
    const { client, calls } = timedClient(
      [{ status: 401, json: expired }, { json: envelope(0) }],
      createMemoryLimiter(),
    );
    const executor = bungieExecutor(context, client);
    await executor.run(lock("1"));
    expect(calls.map((c) => c.headers.authorization)).toEqual(["Bearer tok-1", "Bearer tok-2"]);
    expect(tokens.rejected).toEqual(["tok-1"]);
  });

  it("gives up after two resends, and never resends what Bungie may have done", async () => {
    const throttled = envelope(0, PlatformErrorCodes.ThrottleLimitExceededMomentarily);
    const { client, calls } = timedClient(
      [
        { status: 500, json: throttled },
        { status: 401, json: envelope(0, 99) },
        { status: 500, json: throttled },
      ],
      createMemoryLimiter(),
    );
    await expect(bungieExecutor(context, client).run(lock("1"))).rejects.toMatchObject({
      code: PlatformErrorCodes.ThrottleLimitExceededMomentarily,
    });
    expect(calls).toHaveLength(3);

    const failed = timedClient(
      [{ status: 500, json: envelope(0, PlatformErrorCodes.DestinyUnexpectedError) }],
      createMemoryLimiter(),
    );
    await expect(bungieExecutor(context, failed.client).run(lock("1"))).rejects.toMatchObject({
      code: PlatformErrorCodes.DestinyUnexpectedError,
    });
    expect(failed.calls).toHaveLength(1);
  });

  it("returns the items EquipItems could not equip as typed results", async () => {
    const { client } = timedClient(
      [
        {
          json: envelope({
            equipResults: [
              { itemInstanceId: "1", equipStatus: PlatformErrorCodes.Success },
              {
                itemInstanceId: "2",
                equipStatus: PlatformErrorCodes.DestinyItemUniqueEquipRestricted,
              },
            ],
          }),
        },
      ],
      createMemoryLimiter(),
    );
    const unequipped = await bungieExecutor(context, client).run({
      kind: "equip-set",
      itemKeys: ["1", "2"],
      itemInstanceIds: ["1", "2"],
      characterId: "7",
      why: "requested",
    });
    expect(unequipped).toEqual([
      {
        itemInstanceId: "2",
        equipStatus: PlatformErrorCodes.DestinyItemUniqueEquipRestricted,
        ok: false,
      },
    ]);
  });
});
