import { db } from "@/lib/db";
import { isCronAuthorized } from "@/lib/digest/cron-auth";
import { runVendorDigest } from "@/lib/digest/run-digest";
import { sendQueuedConfirmations } from "@/lib/digest/send-confirmation";
import { getEmailTransport } from "@/lib/email/transport";
import { getEnv } from "@/lib/env";

// Vercel Cron calls this shortly after the daily reset (vercel.json); self-hosters use
// `npm run digest` or call it themselves with the same header.
export const dynamic = "force-dynamic";
export const maxDuration = 300;

async function handle(request: Request): Promise<Response> {
  const env = getEnv();
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
  const transport = getEmailTransport();
  const log = (line: string) => console.warn(line);
  // Confirmation emails that waited for the hourly limit go first: a player is waiting on them.
  const confirmations = await sendQueuedConfirmations({ db, transport, env }, { log });
  const report = await runVendorDigest({
    db,
    transport,
    env,
    // Leave time to answer before the platform stops the function.
    budgetMs: (maxDuration - 30) * 1000,
    log,
  });
  console.info(
    `Vendor digest for reset ${report.resetId}: ${report.sent} sent, ${report.empty} empty, ${report.skipped} skipped, ${report.failed} failed, ${report.deferred} deferred of ${report.subscribers}; waiting confirmations: ${confirmations.sent} sent, ${confirmations.waiting} still waiting`,
  );
  return Response.json({ ...report, confirmations }, { headers: { "Cache-Control": "no-store" } });
}

export { handle as GET, handle as POST };
