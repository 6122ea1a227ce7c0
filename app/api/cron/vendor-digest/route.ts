import { db } from "@/lib/db";
import { isCronAuthorized } from "@/lib/digest/cron-auth";
import { runVendorDigest } from "@/lib/digest/run-digest";
import { sendQueuedConfirmations } from "@/lib/digest/send-confirmation";
import { getEmailTransport } from "@/lib/email/transport";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { guardRoute } from "@/lib/security/database-outage";

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
  const problem = (line: string) => log.warn("digest.problem", { message: line });
  // Confirmation emails that waited for the hourly limit go first: a player is waiting on them.
  const confirmations = await sendQueuedConfirmations({ db, transport, env }, { log: problem });
  const report = await runVendorDigest({
    db,
    transport,
    env,
    // Leave time to answer before the platform stops the function.
    budgetMs: (maxDuration - 30) * 1000,
    log: problem,
  });
  log.info("digest.run", { ...report, confirmations });
  return Response.json({ ...report, confirmations }, { headers: { "Cache-Control": "no-store" } });
}

const guarded = guardRoute(handle);
export { guarded as GET, guarded as POST };
