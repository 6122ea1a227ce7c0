import "server-only";
import type { EmailTransport } from "@/lib/email/types";
import type { Env } from "@/lib/env-schema";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { log } from "@/lib/log";
import { carryOn, chainOf, shouldCarryOn, CHAIN_HEADER, type CarryOnResult } from "./carry-on";
import { isCronAuthorized } from "./cron-auth";
import { runVendorDigest, type DigestRunDeps } from "./run-digest";
import { sendQueuedConfirmations } from "./send-confirmation";

export type DigestCronDeps = {
  db: PrismaClient;
  transport: EmailTransport;
  env: Pick<Env, "appUrl" | "AUTH_SECRET" | "bungie" | "CRON_SECRET" | "confirmationEmailsPerHour">;
  /** Time the run may spend before it stops starting subscribers (run-digest.ts). */
  budgetMs: number;
  /**
   * Runs a task after the answer is sent, keeping the function alive for it (Next's `after`,
   * which is Vercel's waitUntil): a carry-on run answers its caller at once, then works.
   */
  defer: (task: () => Promise<void>) => void;
  log: Pick<typeof log, "info" | "warn">;
  /** Starts the next run of the chain (tests pass their own). */
  carryOn?: (chain: number) => Promise<CarryOnResult>;
  /** Passed on to the run (tests: the clock, the loader). */
  run?: Partial<Pick<DigestRunDeps, "now" | "loadVendors" | "concurrency">>;
};

/**
 * The cron route: `Authorization: Bearer $CRON_SECRET` (fail closed), then one digest run. The
 * scheduled call (no chain header) answers with the run's report; when the run left subscribers
 * for lack of time it first starts the next run, which answers 202 at once and works after.
 */
export async function handleDigestCron(request: Request, deps: DigestCronDeps): Promise<Response> {
  const { env } = deps;
  if (!isCronAuthorized(request.headers.get("authorization"), env.CRON_SECRET)) {
    return Response.json(
      {
        error: env.CRON_SECRET
          ? "Unauthorized"
          : "Unauthorized: CRON_SECRET is not configured, so scheduled routes are disabled",
      },
      { status: 401, headers: { "WWW-Authenticate": "Bearer" } },
    );
  }
  const chain = chainOf(request.headers.get(CHAIN_HEADER));
  const work = () => runOnce(deps, chain);
  if (chain === 0) {
    const result = await work();
    return Response.json(result, { headers: { "Cache-Control": "no-store" } });
  }
  deps.defer(async () => {
    try {
      await work();
    } catch (error) {
      deps.log.warn("digest.carry_on_run_failed", { chain, error });
    }
  });
  return Response.json(
    { accepted: true, chain },
    { status: 202, headers: { "Cache-Control": "no-store" } },
  );
}

async function runOnce(deps: DigestCronDeps, chain: number) {
  const { db, transport, env } = deps;
  const problem = (line: string) => deps.log.warn("digest.problem", { message: line });
  // Confirmation emails that waited for the hourly limit go first: a player is waiting on them.
  const confirmations = await sendQueuedConfirmations({ db, transport, env }, { log: problem });
  const report = await runVendorDigest({
    db,
    transport,
    env,
    budgetMs: deps.budgetMs,
    log: problem,
    ...deps.run,
  });
  let next: CarryOnResult | null = null;
  if (shouldCarryOn(report, chain)) {
    next = await (deps.carryOn ?? ((c) => carryOn(env, c)))(chain);
    if (next.status === "failed") deps.log.warn("digest.carry_on_failed", { ...next });
  }
  deps.log.info("digest.run", { ...report, confirmations, chain, next });
  return { ...report, confirmations, chain, next };
}
