import "server-only";
import { createPool } from "@/lib/async/pool";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { dailyPeriodIndex, lastDailyReset, nextDailyReset } from "@/lib/destiny/resets";
import type { EmailTransport } from "@/lib/email/types";
import type { Env } from "@/lib/env-schema";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { filterVendorsView, isSaleFilter, countSales } from "@/lib/vendors/filters";
import { claimDelivery, commitToSend, finishDelivery, CLAIM_MS } from "./claim";
import { confirmationCountsWhere } from "./confirmation-transport";
import { composeDigest } from "./compose";
import {
  loadSubscriberVendors,
  type DigestShared,
  type SubscriberVendors,
} from "./load-subscriber-vendors";
import { loadPublicStock, type PublicStock } from "./public-vendors";
import { stockDefinitions } from "./stock-definitions";
import { manifestLookup } from "@/lib/vendors/load-vendors";
import type { VendorDefinitionLookup } from "@/lib/vendors/build-view";

export type DigestSubscriber = {
  id: string;
  userId: string;
  email: string;
  tokenVersion: number;
  characterId: string | null;
  filters: string[];
  vendorHashes: bigint[];
};

/** What a loader gives the run; `calls` (what it cost at Bungie) goes into the report. */
export type LoadedVendors = Pick<SubscriberVendors, "characterLabel" | "view"> &
  Partial<Pick<SubscriberVendors, "calls">>;

export type DigestRunDeps = {
  db: PrismaClient;
  transport: EmailTransport;
  env: Pick<Env, "appUrl" | "AUTH_SECRET" | "bungie">;
  now?: () => number;
  /**
   * Defaults to loadSubscriberVendors: only the Bungie calls the subscriber's choices need, and
   * the run's shared public vendors.
   */
  loadVendors?: (subscriber: DigestSubscriber, shared: DigestShared) => Promise<LoadedVendors>;
  /** Subscribers handled at once (default 3). */
  concurrency?: number;
  claimMs?: number;
  /**
   * Stop starting new subscribers after this long (ms), so a run inside a time-limited function
   * ends cleanly; the rest are reported as `deferred` and the next run (carry-on.ts) picks them
   * up. Every run starts at least one subscriber, so a chain of runs always gets somewhere.
   */
  budgetMs?: number;
  log?: (line: string) => void;
  /**
   * How long to keep trying to record an outcome while the database is unreachable (default
   * 60 s): a sent digest must be recorded as sent, a failed one as failed (so the next run
   * retries it at once rather than after the claim runs out).
   */
  recordRetryMs?: number;
};

export type DigestRunReport = {
  /** The daily reset the run sent for (lib/destiny/resets.ts dailyPeriodIndex) and its time. */
  resetId: number;
  resetAt: string;
  transport: EmailTransport["kind"];
  /** Confirmed (through a delivery that counts with this transport), subscribed players. */
  subscribers: number;
  sent: number;
  /** Nothing matched the subscriber's vendors and filters: nothing sent. */
  empty: number;
  /** Done earlier this reset (sent or empty), or being sent by another run right now. */
  skipped: number;
  /** Recorded on the delivery and tried again by the next run. */
  failed: number;
  /**
   * Not started because the run's time budget ran out, or not claimed because the database
   * could not be reached: the next run sends them.
   */
  deferred: number;
  /**
   * Sent, but the database stayed away until the run gave up recording it. Each stays claimed
   * until the next reset, so no run sends it twice.
   */
  unrecorded: number;
  failures: { subscriptionId: string; error: string }[];
  /**
   * Bungie calls this run made: GetPublicVendors (0 when cached for this reset), and per
   * subscriber GetProfile and GetVendors. Token refreshes happen inside lib/auth and are not
   * counted here (the benchmark counts them at the limiter).
   */
  bungieCalls: { publicVendors: number; profile: number; vendors: number };
  durationMs: number;
};

/**
 * One digest run: for every confirmed subscriber, claim this reset's delivery, read their
 * vendors with their own stored token, render the email and send it. Idempotent per subscriber
 * and reset (see claimDelivery), so the cron may fire twice, or two runs may overlap, and each
 * subscriber still gets one digest. One subscriber's failure (revoked token, maintenance, a
 * refused send) is recorded and retried by the next run; the others go on.
 */
export async function runVendorDigest(deps: DigestRunDeps): Promise<DigestRunReport> {
  const started = Date.now();
  const nowMs = (deps.now ?? Date.now)();
  const resetId = dailyPeriodIndex(nowMs);
  const resetAt = lastDailyReset(nowMs);
  const log = deps.log ?? (() => {});
  const load =
    deps.loadVendors ??
    ((s, shared) =>
      loadSubscriberVendors(deps.env, { ...s, vendorHashes: s.vendorHashes.map(Number) }, shared));

  // Confirmed through a delivery that counts with this transport: an address confirmed in the
  // demo outbox gets no real email until its owner confirms it by email.
  const confirmed = {
    confirmedAt: { not: null },
    unsubscribedAt: null,
    ...confirmationCountsWhere(deps.transport.kind),
  };
  const total = await deps.db.digestSubscription.count({ where: confirmed });
  // Only those this reset still owes a digest: a carry-on run does not walk past the thousands
  // already served (those done, or claimed by a run that is still alive, count as skipped).
  const subscriptions = await deps.db.digestSubscription.findMany({
    where: {
      ...confirmed,
      deliveries: {
        none: {
          resetId,
          OR: [
            { status: { in: ["sent", "empty"] } },
            { status: "sending", claimedUntil: { gte: new Date(nowMs) } },
          ],
        },
      },
    },
    include: { user: { select: { bungieName: true, name: true } } },
    orderBy: { createdAt: "asc" },
  });

  const report: DigestRunReport = {
    resetId,
    resetAt: new Date(resetAt).toISOString(),
    transport: deps.transport.kind,
    subscribers: Math.max(total, subscriptions.length),
    sent: 0,
    empty: 0,
    skipped: Math.max(0, total - subscriptions.length),
    failed: 0,
    deferred: 0,
    unrecorded: 0,
    failures: [],
    bungieCalls: { publicVendors: 0, profile: 0, vendors: 0 },
    durationMs: 0,
  };

  // Read at most once per run (and cached per reset for the runs after it), by whichever
  // subscriber asks first. A failure is kept for the run: one failed call, not one per subscriber.
  let publicStock: Promise<PublicStock> | undefined;
  const definitions = new Map<string, Promise<VendorDefinitionLookup>>();
  const shared: DigestShared = {
    publicStock: () =>
      (publicStock ??= loadPublicStock(resetId, {
        call: { priority: "background" },
        onCall: () => report.bungieCalls.publicVendors++,
      })),
    publicDefinitions: (language) => {
      let found = definitions.get(language);
      if (!found) {
        found = shared
          .publicStock()
          .then((stock) => stockDefinitions(stock, manifestLookup(language)));
        definitions.set(language, found);
      }
      return found;
    },
  };

  const recordRetryMs = deps.recordRetryMs ?? 60_000;
  /** Records an outcome, waiting out a database outage for up to recordRetryMs. */
  const record = async (subscriptionId: string, outcome: Parameters<typeof finishDelivery>[3]) => {
    const giveUpAt = Date.now() + recordRetryMs;
    for (let attempt = 0; ; attempt++) {
      try {
        await finishDelivery(deps.db, subscriptionId, resetId, outcome);
        return true;
      } catch (error) {
        if (!isDatabaseUnavailable(error) || Date.now() >= giveUpAt) {
          log(
            `Vendor digest for subscription ${subscriptionId}: outcome ${outcome.status} not recorded: ${describe(error)}`,
          );
          return false;
        }
        await sleep(Math.min(250 * 2 ** attempt, 5_000, Math.max(0, giveUpAt - Date.now())));
      }
    }
  };

  const handle = async (subscription: (typeof subscriptions)[number]) => {
    let claim;
    try {
      claim = await claimDelivery(
        deps.db,
        subscription.id,
        resetId,
        new Date(nowMs),
        deps.claimMs ?? CLAIM_MS,
      );
    } catch (error) {
      // Nothing was recorded for this subscriber: the next run claims and sends it.
      if (!isDatabaseUnavailable(error)) throw error;
      log(`Vendor digest for subscription ${subscription.id} deferred: ${describe(error)}`);
      report.deferred++;
      return;
    }
    if (claim === "taken") {
      report.skipped++;
      return;
    }
    try {
      const loaded = await load(subscription, shared);
      report.bungieCalls.profile += loaded.calls?.profile ?? 0;
      report.bungieCalls.vendors += loaded.calls?.vendors ?? 0;
      const filters = subscription.filters.filter(isSaleFilter);
      const vendorHashes = subscription.vendorHashes.map(Number);
      const view = filterVendorsView(loaded.view, { filters, vendorHashes });
      if (countSales(view) === 0) {
        await finishDelivery(deps.db, subscription.id, resetId, {
          status: "empty",
          at: new Date(),
        });
        report.empty++;
        return;
      }
      const message = await composeDigest(deps.env, {
        subscription,
        playerName: subscription.user.bungieName ?? subscription.user.name ?? "Guardian",
        characterLabel: loaded.characterLabel,
        filters,
        vendorCount: vendorHashes.length || null,
        view,
        resetAt,
      });
      if (
        !(await commitToSend(deps.db, subscription.id, resetId, new Date(nextDailyReset(nowMs))))
      ) {
        report.skipped++;
        return;
      }
      const sent = await deps.transport.send(message);
      report.sent++;
      const recorded = await record(subscription.id, {
        status: "sent",
        messageId: sent.id,
        at: new Date(),
      });
      if (!recorded) report.unrecorded++;
    } catch (error) {
      const reason = describe(error);
      log(`Vendor digest for subscription ${subscription.id} failed: ${reason}`);
      await record(subscription.id, { status: "failed", error: reason });
      report.failed++;
      report.failures.push({ subscriptionId: subscription.id, error: reason });
    }
  };

  // Each subscriber is a handful of Bungie calls; a few at a time, in subscription order.
  const pool = createPool(deps.concurrency ?? 3);
  const budgetMs = deps.budgetMs ?? Infinity;
  let begun = 0;
  await Promise.all(
    subscriptions.map((subscription) =>
      pool.run(async () => {
        if (begun > 0 && Date.now() - started >= budgetMs) report.deferred++;
        else {
          begun++;
          await handle(subscription);
        }
      }),
    ),
  );
  report.durationMs = Date.now() - started;
  return report;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A short, secret-free reason: the error's name and message (Bungie errors are redacted). */
function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 500);
  return String(error).slice(0, 500);
}
