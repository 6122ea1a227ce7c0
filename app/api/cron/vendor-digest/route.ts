import { after } from "next/server";
import { db } from "@/lib/db";
import { handleDigestCron } from "@/lib/digest/cron-handler";
import { getEmailTransport } from "@/lib/email/transport";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { guardRoute } from "@/lib/security/database-outage";

// Vercel Cron calls this shortly after the daily reset (vercel.json); self-hosters use
// `npm run digest` or call it themselves with the same header. A run that runs out of time
// calls this route again itself (lib/digest/carry-on.ts), so one schedule a day suffices.
export const dynamic = "force-dynamic";
export const maxDuration = 300;

const guarded = guardRoute((request: Request) =>
  handleDigestCron(request, {
    db,
    transport: getEmailTransport(),
    env: getEnv(),
    // Leave time to start the next run and answer before the platform stops the function.
    budgetMs: (maxDuration - 30) * 1000,
    defer: (task) => after(task),
    log,
  }),
);
export { guarded as GET, guarded as POST };
