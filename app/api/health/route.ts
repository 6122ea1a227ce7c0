import { connection } from "next/server";
import { DATABASE_RETRY_AFTER_SECONDS } from "@/lib/db/unavailable";
import { checkHealth } from "@/lib/health/check-health";

/**
 * Health for load balancers, operators and the test harness: database, Redis and Bungie
 * reachability with timings. 503 while the database is unreachable. Says nothing secret.
 */
export async function GET() {
  await connection();
  const report = await checkHealth();
  return Response.json(report, {
    status: report.ok ? 200 : 503,
    headers: {
      "Cache-Control": "no-store",
      ...(report.ok ? {} : { "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS) }),
    },
  });
}
