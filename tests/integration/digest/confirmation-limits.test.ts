// Double opt-in that cannot be turned into a mail cannon (issue 13 item 4), on both databases:
// limits per player, per recipient address and in total that no change of address resets, a
// line for the hourly limit that the cron run empties, and confirmations that count only for
// the kind of delivery that carried them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimConfirmationEmail, normaliseRecipient } from "@/lib/digest/confirmation-limits";
import { runVendorDigest } from "@/lib/digest/run-digest";
import {
  requestConfirmationEmail,
  sendQueuedConfirmations,
  type ConfirmationDeps,
} from "@/lib/digest/send-confirmation";
import {
  checkConfirmToken,
  confirmByToken,
  isConfirmed,
  saveSubscription,
} from "@/lib/digest/subscription";
import type { EmailMessage, EmailTransport, EmailTransportKind } from "@/lib/email/types";
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from "../../support/databases";

const SECRET = "confirmation-limits-secret-".padEnd(48, "x");
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A transport of the given kind that keeps what it was asked to send. */
function recordingTransport(kind: EmailTransportKind) {
  const sent: EmailMessage[] = [];
  const transport: EmailTransport = {
    kind,
    from: "Warmind <digest@warmind.test>",
    send: async (message) => {
      sent.push(message);
      return { id: `m${sent.length}`, transport: kind };
    },
    close: async () => {},
  };
  return { transport, sent };
}

/** The confirmation link in an email, as the player would open it. */
function linkToken(message: EmailMessage): string {
  const match = /\/api\/digest\/confirm\?token=([\w.-]+)/.exec(message.text);
  if (!match) throw new Error("no confirmation link in the email");
  return match[1]!;
}

const choice = (email: string) => ({ email, filters: [], vendorHashes: [], characterId: null });

describe("normaliseRecipient", () => {
  it("compares addresses lower-cased and without a +tag", () => {
    expect(normaliseRecipient(" Victim+Warmind@Example.COM ")).toBe("victim@example.com");
    expect(normaliseRecipient("victim@example.com")).toBe("victim@example.com");
    expect(normaliseRecipient("a+b+c@x.test")).toBe("a@x.test");
  });
});

describe.each(DATABASE_KINDS)("confirmation emails on %s", (kind) => {
  let database: TestDatabase;
  let userN = 0;
  let clock = Date.UTC(2026, 11, 1, 12);

  const newUser = async () =>
    (
      await database.db.user.create({
        data: { name: `Player ${++userN}`, bungieName: `P#${userN}` },
      })
    ).id;

  function depsFor(transport: EmailTransport, perHour = 500): ConfirmationDeps {
    return {
      db: database.db,
      transport,
      env: {
        appUrl: "http://warmind.test",
        AUTH_SECRET: SECRET,
        confirmationEmailsPerHour: perHour,
      },
      now: () => new Date(clock),
    };
  }

  /** Saves `email` as the player's address and asks for the confirmation email, as a save does. */
  async function save(deps: ConfirmationDeps, userId: string, email: string) {
    const { subscription, needsConfirmation } = await saveSubscription(
      database.db,
      userId,
      choice(email),
      deps.transport.kind,
    );
    if (!needsConfirmation) return { status: "confirmed" as const };
    return requestConfirmationEmail(deps, subscription, "Player");
  }

  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("alternating two addresses sends one confirmation a minute, and five a day at most", async () => {
    const { transport, sent } = recordingTransport("outbox");
    const deps = depsFor(transport);
    const userId = await newUser();
    const outcomes: string[] = [];
    const step = async (email: string) => {
      const outcome = await save(deps, userId, email);
      outcomes.push(outcome.status === "refused" ? outcome.reason : outcome.status);
    };
    // Every minute a save with one address, and a second later one with the other.
    for (let i = 0; i < 8; i++) {
      const [first, second] =
        i % 2 ? ["b@cannon.test", "a@cannon.test"] : ["a@cannon.test", "b@cannon.test"];
      await step(first);
      clock += 1_000;
      await step(second);
      clock += MINUTE - 1_000;
    }
    expect(sent.map((m) => m.to)).toEqual([
      "a@cannon.test",
      "b@cannon.test",
      "a@cannon.test",
      "b@cannon.test",
      "a@cannon.test",
    ]);
    expect(outcomes).toEqual([
      ...["sent", "spacing", "sent", "spacing", "sent", "spacing", "sent", "spacing"],
      ...["sent", "spacing", "player", "player", "player", "player", "player", "player"],
    ]);
    // A day later the player may ask again.
    clock += 24 * HOUR;
    expect((await save(deps, userId, "a@cannon.test")).status).toBe("sent");
  });

  it("sends at most three a day to one address across players, +tags and case included, and stores no address", async () => {
    const { transport, sent } = recordingTransport("outbox");
    const deps = depsFor(transport);
    clock += MINUTE;
    const addresses = ["Victim+1@Example.com", "victim@example.com", "VICTIM+x@example.com"];
    for (const address of addresses) {
      expect(await save(deps, await newUser(), address)).toEqual({ status: "sent" });
    }
    expect(await save(deps, await newUser(), "victim+4@example.com")).toEqual({
      status: "refused",
      reason: "recipient",
    });
    expect(sent.map((m) => m.to)).toEqual(addresses);
    // Another address is not affected.
    expect((await save(deps, await newUser(), "someone@example.com")).status).toBe("sent");

    const rows = await database.db.confirmationEmail.findMany();
    expect(JSON.stringify(rows)).not.toMatch(/victim|example\.com|someone/i);
    expect(rows.every((row) => /^[0-9a-f]{64}$/.test(row.recipientHash))).toBe(true);

    clock += 24 * HOUR + MINUTE;
    expect((await save(deps, await newUser(), "victim@example.com")).status).toBe("sent");
  });

  it("past the hourly limit, confirmations wait in line; the cron run sends them later", async () => {
    const { transport, sent } = recordingTransport("outbox");
    clock += 2 * HOUR;
    const deps = depsFor(transport, 2);
    const players = await Promise.all([newUser(), newUser(), newUser(), newUser()]);
    const outcomes = [];
    for (const [i, userId] of players.entries()) {
      outcomes.push(await save(deps, userId, `line${i}@example.com`));
      clock += 1_000;
    }
    expect(outcomes.map((o) => o.status)).toEqual(["sent", "sent", "queued", "queued"]);
    expect(sent).toHaveLength(2);
    const waiting = await database.db.digestSubscription.findMany({
      where: { confirmationQueuedAt: { not: null } },
      orderBy: { confirmationQueuedAt: "asc" },
    });
    expect(waiting.map((s) => s.userId)).toEqual(players.slice(2));

    // A second save keeps its place in line and sends nothing yet.
    expect((await save(deps, players[3]!, "line3@example.com")).status).toBe("queued");
    // Within the hour, the cron run finds the limit still reached.
    expect(await sendQueuedConfirmations(deps)).toEqual({
      sent: 0,
      waiting: 2,
      dropped: 0,
      failed: 0,
    });
    // An hour later it sends them, oldest first, and the line is empty.
    clock += HOUR;
    expect(await sendQueuedConfirmations(deps)).toEqual({
      sent: 2,
      waiting: 0,
      dropped: 0,
      failed: 0,
    });
    expect(sent.map((m) => m.to)).toEqual([
      "line0@example.com",
      "line1@example.com",
      "line2@example.com",
      "line3@example.com",
    ]);
    expect(
      await database.db.digestSubscription.count({
        where: { confirmationQueuedAt: { not: null } },
      }),
    ).toBe(0);
    // Their links work.
    const token = linkToken(sent[3]!);
    expect(await confirmByToken(database.db, token, SECRET, "outbox", new Date(clock))).toBe(
      "confirmed",
    );
  });

  it("racing claims never exceed a limit", async () => {
    clock += 3 * HOUR;
    const users = await Promise.all(Array.from({ length: 6 }, () => newUser()));
    const results = await Promise.all(
      users.map((userId) =>
        claimConfirmationEmail(database.db, {
          userId,
          email: "raced@example.com",
          transport: "outbox",
          secret: SECRET,
          limits: { perHour: 500 },
          now: new Date(clock),
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(3);
  });

  it("the link's page does not confirm; its button does", async () => {
    const { transport, sent } = recordingTransport("outbox");
    const deps = depsFor(transport);
    clock += MINUTE;
    const userId = await newUser();
    await save(deps, userId, "page@example.com");
    const token = linkToken(sent[0]!);
    const now = new Date(clock);
    expect(await checkConfirmToken(database.db, token, SECRET, "outbox", now)).toBe("confirmed");
    expect(await checkConfirmToken(database.db, token, SECRET, "outbox", now)).toBe("confirmed");
    const before = await database.db.digestSubscription.findUniqueOrThrow({ where: { userId } });
    expect(before.confirmedAt).toBeNull();
    expect(await confirmByToken(database.db, token, SECRET, "outbox", now)).toBe("confirmed");
    expect(await checkConfirmToken(database.db, token, SECRET, "outbox", now)).toBe(
      "already-confirmed",
    );
  });

  it("a confirmation delivered to the demo outbox does not count once real email is configured", async () => {
    const outbox = recordingTransport("outbox");
    const resend = recordingTransport("resend");
    clock += MINUTE;
    const userId = await newUser();
    await database.db.user.update({ where: { id: userId }, data: { bungieName: "Outbox#0001" } });
    await save(depsFor(outbox.transport), userId, "outbox@example.com");
    const outboxLink = linkToken(outbox.sent[0]!);

    // Read in the outbox, but Resend is configured by the time the player opens the link.
    expect(await confirmByToken(database.db, outboxLink, SECRET, "resend", new Date(clock))).toBe(
      "wrong-transport",
    );
    // Confirmed while the outbox was the transport...
    expect(await confirmByToken(database.db, outboxLink, SECRET, "outbox", new Date(clock))).toBe(
      "confirmed",
    );
    const subscription = await database.db.digestSubscription.findUniqueOrThrow({
      where: { userId },
    });
    expect(subscription.confirmedVia).toBe("outbox");
    expect(isConfirmed(subscription, "outbox")).toBe(true);
    // ...it counts for nothing with real email: no digest, and the player confirms again.
    expect(isConfirmed(subscription, "resend")).toBe(false);
    expect(isConfirmed(subscription, "smtp")).toBe(false);
    const digestFor = async (transport: EmailTransport) => {
      const loaded: string[] = [];
      await runVendorDigest({
        db: database.db,
        transport,
        env: { appUrl: "http://warmind.test", AUTH_SECRET: SECRET, bungie: {} as never },
        now: () => clock,
        loadVendors: async (subscriber) => {
          loaded.push(subscriber.id);
          throw new Error("no vendors in this test");
        },
      });
      return loaded;
    };
    expect(await digestFor(resend.transport)).not.toContain(subscription.id);
    expect(await digestFor(outbox.transport)).toContain(subscription.id);

    const again = await saveSubscription(
      database.db,
      userId,
      choice("outbox@example.com"),
      "resend",
    );
    expect(again.needsConfirmation).toBe(true);
    clock += MINUTE;
    await requestConfirmationEmail(depsFor(resend.transport), again.subscription, "Player");
    const mailed = resend.sent.find((m) => m.to === "outbox@example.com")!;
    expect(
      await confirmByToken(database.db, linkToken(mailed), SECRET, "resend", new Date(clock)),
    ).toBe("confirmed");
    const now = await database.db.digestSubscription.findUniqueOrThrow({ where: { userId } });
    expect(now.confirmedVia).toBe("resend");
    // Real email proves the address for either real transport, but not for the outbox.
    expect(isConfirmed(now, "smtp")).toBe(true);
    expect(isConfirmed(now, "outbox")).toBe(false);
  });
});
