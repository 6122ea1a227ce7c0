import "server-only";
import type { Env } from "@/lib/env-schema";
import type { DigestRunReport } from "./run-digest";

// Vercel's Hobby plan runs a cron job once a day, and a function for at most maxDuration: a run
// that reaches its time budget with subscribers left calls the cron route again (same Bearer
// secret) before it ends, and that run does the same, until everyone is served.

/** The number of the run in today's chain: 0 for the scheduled run, 1 for the first carry-on. */
export const CHAIN_HEADER = "x-warmind-digest-chain";
/**
 * The longest chain: with a 270 s budget, 24 runs are 1.8 hours, about 160,000 calls at 25/s,
 * far more than the subscribers any deployment here has. A bug can never make it an endless loop.
 */
export const MAX_CHAIN = 24;
/** How long the caller waits for the next run to answer; it needs only to have started. */
export const CARRY_ON_TIMEOUT_MS = 3_000;

export const CRON_PATH = "/api/cron/vendor-digest";

/** The chain position a request claims; anything unreadable counts as the end of the chain. */
export function chainOf(header: string | null): number {
  if (header === null) return 0;
  if (!/^\d{1,3}$/.test(header)) return MAX_CHAIN;
  return Math.min(Number(header), MAX_CHAIN);
}

/**
 * Carry on only when this run left subscribers for lack of time, got somewhere itself (a run
 * that could serve nobody, a database outage, would only call the next to fail the same way),
 * and the chain is not at its end. Failed deliveries alone do not carry on: Bungie down for
 * maintenance would fail them again at once.
 */
export function shouldCarryOn(
  report: Pick<DigestRunReport, "deferred" | "sent" | "empty" | "failed" | "unrecorded">,
  chain: number,
): boolean {
  const served = report.sent + report.empty + report.failed + report.unrecorded;
  return report.deferred > 0 && served > 0 && chain + 1 < MAX_CHAIN;
}

export type CarryOnResult =
  | { status: "started"; chain: number; httpStatus?: number }
  | { status: "failed"; chain: number; error: string };

/**
 * Calls the cron route for the next run and does not wait for it to finish: an answer, or no
 * answer within the timeout (that run is busy serving), means it started. Only a refused
 * connection or an error status is a failure, logged by the caller; the next day's cron still
 * serves whoever is left.
 */
export async function carryOn(
  env: Pick<Env, "appUrl" | "CRON_SECRET">,
  chain: number,
  options: { fetch?: typeof fetch; timeoutMs?: number } = {},
): Promise<CarryOnResult> {
  const next = chain + 1;
  if (!env.CRON_SECRET) return { status: "failed", chain: next, error: "no CRON_SECRET" };
  const doFetch = options.fetch ?? fetch;
  try {
    const response = await doFetch(new URL(CRON_PATH, env.appUrl), {
      method: "POST",
      headers: { authorization: `Bearer ${env.CRON_SECRET}`, [CHAIN_HEADER]: String(next) },
      signal: AbortSignal.timeout(options.timeoutMs ?? CARRY_ON_TIMEOUT_MS),
      cache: "no-store",
    });
    // The body is the next run's report, which we do not wait for.
    void response.body?.cancel().catch(() => {});
    if (response.status >= 400) {
      return { status: "failed", chain: next, error: `HTTP ${response.status}` };
    }
    return { status: "started", chain: next, httpStatus: response.status };
  } catch (error) {
    if (error instanceof Error && error.name === "TimeoutError") {
      return { status: "started", chain: next };
    }
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { status: "failed", chain: next, error: message.slice(0, 200) };
  }
}
