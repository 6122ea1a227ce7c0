// The subscription's life in a real database: double opt-in, signed links, the per-reset claim.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimDelivery, finishDelivery } from "@/lib/digest/claim";
import { claimConfirmationEmail } from "@/lib/digest/confirmation-limits";
import { confirmByToken, saveSubscription, unsubscribeByToken } from "@/lib/digest/subscription";
import { confirmSubscriptionUrl, unsubscribeUrl } from "@/lib/email/links";
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from "../../support/databases";

const SECRET = "digest-test-secret-".padEnd(40, "x");
const env = { appUrl: "http://warmind.test", AUTH_SECRET: SECRET };
const tokenOf = (url: string) => new URL(url).searchParams.get("token")!;

describe.each(DATABASE_KINDS)("digest subscriptions on %s", (kind) => {
  let database: TestDatabase;
  let userN = 0;
  const newUser = async () => {
    const user = await database.db.user.create({ data: { name: `Player ${++userN}` } });
    return user.id;
  };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("needs confirmation for a new address, and only the current link confirms it", async () => {
    const userId = await newUser();
    const first = await saveSubscription(
      database.db,
      userId,
      {
        email: "first@example.com",
        filters: ["exotic"],
        vendorHashes: [2190858386],
        characterId: null,
      },
      "outbox",
    );
    expect(first.needsConfirmation).toBe(true);
    expect(first.subscription.vendorHashes).toEqual([2190858386n]);
    const oldLink = confirmSubscriptionUrl(env, first.subscription, "outbox");

    // A new address voids the links sent to the old one.
    const second = await saveSubscription(
      database.db,
      userId,
      {
        email: "second@example.com",
        filters: [],
        vendorHashes: [],
        characterId: null,
      },
      "outbox",
    );
    expect(second.subscription.tokenVersion).toBe(first.subscription.tokenVersion + 1);
    expect(await confirmByToken(database.db, tokenOf(oldLink), SECRET, "outbox")).toBe("invalid");

    const link = confirmSubscriptionUrl(env, second.subscription, "outbox");
    expect(await confirmByToken(database.db, tokenOf(link), SECRET, "outbox")).toBe("confirmed");
    expect(await confirmByToken(database.db, tokenOf(link), SECRET, "outbox")).toBe(
      "already-confirmed",
    );
    expect(
      await confirmByToken(database.db, tokenOf(link), "another-secret".padEnd(40, "y"), "outbox"),
    ).toBe("invalid");

    // Same address, new choices: stays confirmed, nothing to confirm.
    const edit = await saveSubscription(
      database.db,
      userId,
      {
        email: "Second@Example.com",
        filters: ["weapon", "mod"],
        vendorHashes: [],
        characterId: "2305843009000000001",
      },
      "outbox",
    );
    expect(edit.needsConfirmation).toBe(false);
    expect(edit.subscription.confirmedAt).not.toBeNull();
    expect(edit.subscription.filters).toEqual(["weapon", "mod"]);
  });

  it("unsubscribes through the signed link, and a restart asks to confirm again", async () => {
    const userId = await newUser();
    const { subscription } = await saveSubscription(
      database.db,
      userId,
      {
        email: "player@example.com",
        filters: [],
        vendorHashes: [],
        characterId: null,
      },
      "outbox",
    );
    await confirmByToken(
      database.db,
      tokenOf(confirmSubscriptionUrl(env, subscription, "outbox")),
      SECRET,
      "outbox",
    );
    const unsubscribe = tokenOf(unsubscribeUrl(env, subscription));

    expect(await unsubscribeByToken(database.db, unsubscribe.slice(0, -2), SECRET)).toBe("invalid");
    expect(await unsubscribeByToken(database.db, unsubscribe, SECRET)).toBe("unsubscribed");
    expect(await unsubscribeByToken(database.db, unsubscribe, SECRET)).toBe("unsubscribed");
    const stopped = await database.db.digestSubscription.findUniqueOrThrow({ where: { userId } });
    expect(stopped.unsubscribedAt).not.toBeNull();

    const again = await saveSubscription(
      database.db,
      userId,
      {
        email: "player@example.com",
        filters: [],
        vendorHashes: [],
        characterId: null,
      },
      "outbox",
    );
    expect(again.needsConfirmation).toBe(true);
    expect(again.subscription.unsubscribedAt).toBeNull();
    expect(again.subscription.confirmedAt).toBeNull();
    // The old unsubscribe link belonged to the old version.
    expect(await unsubscribeByToken(database.db, unsubscribe, SECRET)).toBe("invalid");
  });

  it("spaces a player's confirmation emails a minute apart, even when two requests race", async () => {
    const userId = await newUser();
    const claim = (email: string, now: Date) =>
      claimConfirmationEmail(database.db, {
        userId,
        email,
        transport: "outbox",
        secret: SECRET,
        limits: { perHour: 500 },
        now,
      });
    const now = new Date();
    const results = await Promise.all([
      claim("race@example.com", now),
      claim("race@example.com", now),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, reason: "spacing" });
    // Another address does not start the minute over.
    expect(await claim("other@example.com", new Date(now.getTime() + 30_000))).toEqual({
      ok: false,
      reason: "spacing",
    });
    expect((await claim("other@example.com", new Date(now.getTime() + 61_000))).ok).toBe(true);
  });

  it("lets exactly one run claim a subscriber's digest per reset", async () => {
    const userId = await newUser();
    const { subscription } = await saveSubscription(
      database.db,
      userId,
      {
        email: "claim@example.com",
        filters: [],
        vendorHashes: [],
        characterId: null,
      },
      "outbox",
    );
    const now = new Date();
    const claims = await Promise.all(
      Array.from({ length: 4 }, () => claimDelivery(database.db, subscription.id, 20_000, now)),
    );
    expect(claims.sort()).toEqual(["claimed", "taken", "taken", "taken"]);

    // A failure is retried (by one run), a success is final, another reset starts afresh.
    await finishDelivery(database.db, subscription.id, 20_000, {
      status: "failed",
      error: "SystemDisabled",
    });
    const retries = await Promise.all([
      claimDelivery(database.db, subscription.id, 20_000, now),
      claimDelivery(database.db, subscription.id, 20_000, now),
    ]);
    expect(retries.sort()).toEqual(["retry", "taken"]);
    await finishDelivery(database.db, subscription.id, 20_000, {
      status: "sent",
      messageId: "m1",
      at: now,
    });
    expect(await claimDelivery(database.db, subscription.id, 20_000, now)).toBe("taken");
    expect(await claimDelivery(database.db, subscription.id, 20_001, now)).toBe("claimed");

    const row = await database.db.digestDelivery.findUniqueOrThrow({
      where: { subscriptionId_resetId: { subscriptionId: subscription.id, resetId: 20_000 } },
    });
    expect(row).toMatchObject({ status: "sent", attempts: 2, messageId: "m1", error: null });
  });

  it("hands a claim whose run died to the next run once it lapses", async () => {
    const userId = await newUser();
    const { subscription } = await saveSubscription(
      database.db,
      userId,
      {
        email: "lapse@example.com",
        filters: [],
        vendorHashes: [],
        characterId: null,
      },
      "outbox",
    );
    const t0 = new Date();
    expect(await claimDelivery(database.db, subscription.id, 30_000, t0, 60_000)).toBe("claimed");
    expect(
      await claimDelivery(database.db, subscription.id, 30_000, new Date(t0.getTime() + 59_000)),
    ).toBe("taken");
    expect(
      await claimDelivery(database.db, subscription.id, 30_000, new Date(t0.getTime() + 61_000)),
    ).toBe("retry");
  });
});
