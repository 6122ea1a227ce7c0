// Throttles, per-player spacing, timeouts, maintenance, token expiry and 5xx against the
// sandbox's fault controls: reads are retried within bounds, writes never.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setItemLockState, transferItem, type ItemActionContext } from "@/lib/bungie/actions";
import { BungieError, ClientErrorCodes } from "@/lib/bungie/errors";
import { unlimited } from "@/lib/bungie/limits";
import { getProfile } from "@/lib/bungie/profile";
import { reshapeProfile } from "@/lib/bungie/reshape/profile";
import { getMembershipsForCurrentUser } from "@/lib/bungie/user";
import { isEquippableBucket } from "@/lib/destiny/buckets";
import { demoPlayer, startHarness, type DemoPlayer, type Harness } from "./sandbox-harness";

let harness: Harness;
let demo: DemoPlayer;
let accessToken: string;

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.close());
beforeEach(async () => {
  await harness.control("reset");
  demo = await demoPlayer(harness);
  accessToken = (await harness.token()).access_token;
});

const own = () => ({
  membershipType: demo.membershipType,
  membershipId: demo.membershipId,
  accessToken,
});
const context = (characterId: string): ItemActionContext => ({
  accessToken,
  bungieMembershipId: demo.bungieMembershipId,
  membershipType: demo.membershipType,
  characterId,
});
// Fast backoff for transient failures; throttle waits still follow ThrottleSeconds.
const FAST = { baseDelayMs: 10, maxDelayMs: 40 };

async function rejection(promise: Promise<unknown>): Promise<BungieError> {
  const error = await promise.then(
    () => new Error("expected a BungieError"),
    (e: unknown) => e,
  );
  if (!(error instanceof BungieError)) throw error;
  return error;
}

async function someLockableItem(client: Parameters<typeof getProfile>[1]) {
  const profile = reshapeProfile(await getProfile(own(), client));
  const item = profile.items.find(
    (i) => i.lockable && i.itemInstanceId !== null && i.ownerCharacterId !== null,
  );
  if (!item) throw new Error("no lockable item in the sandbox world");
  return item;
}

describe("throttling", () => {
  it("waits ThrottleSeconds and retries a throttled read", async () => {
    const { client, sent } = harness.client({ retry: FAST });
    await harness.control("throttle", { count: 1, throttleSeconds: 1 });
    const started = performance.now();
    const profile = await getProfile(own(), { client });
    expect(performance.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(profile.profile?.data?.userInfo.membershipId).toBe(demo.membershipId);
    expect(sent).toHaveLength(2);
  });

  it("also retries game-server pushback (1672) on reads", async () => {
    const { client, sent } = harness.client({ retry: FAST });
    await harness.control("throttle", { count: 2, throttleSeconds: 1, errorCode: 1672 });
    await getMembershipsForCurrentUser(accessToken, { client });
    expect(sent).toHaveLength(3);
  });

  it("surfaces a throttle longer than it is willing to wait, without waiting", async () => {
    const { client, sent } = harness.client({ retry: FAST });
    await harness.control("throttle", { count: 1, throttleSeconds: 60 });
    const started = performance.now();
    const error = await rejection(getProfile(own(), { client }));
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(error).toMatchObject({ code: 31, throttleSeconds: 60, isThrottle: true });
    expect(sent).toHaveLength(1);
  });

  it("never retries a throttled write; Bungie did nothing, so the item has not moved", async () => {
    const { client, sent } = harness.client({ retry: FAST });
    const profile = reshapeProfile(await getProfile(own(), { client }));
    const weapon = profile.items.find(
      (i) =>
        i.location === "inventory" &&
        i.itemInstanceId &&
        i.transferStatus === 0 &&
        isEquippableBucket(i.bucketHash),
    )!;
    await harness.control("throttle", { count: 1, throttleSeconds: 1 });
    sent.length = 0;
    const error = await rejection(
      transferItem(
        {
          ...context(weapon.ownerCharacterId!),
          itemId: weapon.itemInstanceId,
          itemReferenceHash: weapon.itemHash,
          stackSize: 1,
          transferToVault: true,
        },
        { client },
      ),
    );
    expect(error.isThrottle).toBe(true);
    expect(error.isRejectedBeforeAction).toBe(true);
    expect(sent).toHaveLength(1);
    const after = reshapeProfile(await getProfile(own(), { client }));
    expect(after.items.find((i) => i.itemInstanceId === weapon.itemInstanceId)?.location).toBe(
      "inventory",
    );
  });
});

describe("per-player spacing of item actions", () => {
  it("runs one player's concurrent actions one at a time, 100 ms after each answer: never a 36", async () => {
    const { client } = harness.client();
    const item = await someLockableItem({ client });
    const started = performance.now();
    await Promise.all(
      [true, false, true, false, true].map((locked) =>
        setItemLockState(
          { ...context(item.ownerCharacterId!), itemId: item.itemInstanceId!, locked },
          { client },
        ),
      ),
    );
    expect(performance.now() - started).toBeGreaterThanOrEqual(400);
  });

  it("(control) without the limiter the sandbox does answer 36", async () => {
    const { client } = harness.client({ limiter: unlimited });
    const item = await someLockableItem({ client });
    const results = await Promise.allSettled(
      [true, false, true].map((locked) =>
        setItemLockState(
          { ...context(item.ownerCharacterId!), itemId: item.itemInstanceId!, locked },
          { client },
        ),
      ),
    );
    const codes = results.map((r) =>
      r.status === "rejected" ? (r.reason as BungieError).code : 1,
    );
    expect(codes).toContain(36);
  });
});

describe("timeouts", () => {
  it("times out slow reads with a Timeout error after bounded retries", async () => {
    const { client, sent } = harness.client({ timeoutMs: 150, retry: { ...FAST, maxRetries: 2 } });
    await harness.control("latency", { fixedMs: 600 });
    const started = performance.now();
    const error = await rejection(getProfile(own(), { client }));
    expect(error).toMatchObject({
      code: ClientErrorCodes.Timeout,
      name: "Timeout",
      httpStatus: null,
      isTimeout: true,
    });
    expect(sent).toHaveLength(3);
    expect(performance.now() - started).toBeLessThan(3 * 150 + 500);
  });

  it("recovers when only the first attempt hangs", async () => {
    const { client, sent } = harness.client({ timeoutMs: 200, retry: FAST });
    await harness.control("hang", { count: 1 });
    await getMembershipsForCurrentUser(accessToken, { client });
    expect(sent).toHaveLength(2);
  });

  it("does not retry a write that timed out", async () => {
    const { client, sent } = harness.client({ writeTimeoutMs: 200, retry: FAST });
    const item = await someLockableItem({ client });
    await harness.control("hang", { count: 1 });
    sent.length = 0;
    const error = await rejection(
      setItemLockState(
        { ...context(item.ownerCharacterId!), itemId: item.itemInstanceId!, locked: true },
        { client },
      ),
    );
    expect(error.isTimeout).toBe(true);
    expect(error.isRejectedBeforeAction).toBe(false);
    expect(sent).toHaveLength(1);
  });
});

describe("maintenance, auth and server errors", () => {
  it("surfaces SystemDisabled as isMaintenance, without retrying", async () => {
    const { client, sent } = harness.client({ retry: FAST });
    await harness.control("maintenance", { enabled: true });
    const error = await rejection(getProfile(own(), { client }));
    expect(error).toMatchObject({
      code: 5,
      name: "SystemDisabled",
      httpStatus: 503,
      isMaintenance: true,
      isAuth: false,
    });
    expect(sent).toHaveLength(1);
  });

  it("surfaces an expired token (2111 / 401) as isAuth", async () => {
    const { client, sent } = harness.client({ retry: FAST });
    await harness.control("tokens/expire", {});
    const error = await rejection(getMembershipsForCurrentUser(accessToken, { client }));
    expect(error).toMatchObject({ code: 2111, httpStatus: 401, isAuth: true });
    expect(sent).toHaveLength(1);
  });

  it("surfaces a revoked token as isAuth", async () => {
    const { client } = harness.client({ retry: FAST });
    await harness.control("tokens/revoke", {});
    const error = await rejection(getMembershipsForCurrentUser(accessToken, { client }));
    expect(error.isAuth).toBe(true);
  });

  it("retries UnhandledException a bounded number of times, then throws it", async () => {
    const { client, sent } = harness.client({ retry: { ...FAST, maxRetries: 3 } });
    await harness.control("error-rate", { rate: 1 });
    const error = await rejection(getProfile(own(), { client }));
    expect(error).toMatchObject({ code: 3, isTransient: true });
    expect(sent).toHaveLength(4);
  });

  it("reports a bad API key as a configuration problem, not the player's", async () => {
    const { client } = harness.client({ apiKey: "wrong-key" });
    const error = await rejection(getMembershipsForCurrentUser(accessToken, { client }));
    expect(error.code).toBe(2101);
    expect(error.isApiKeyProblem).toBe(true);
    expect(error.isAuth).toBe(false);
  });
});
