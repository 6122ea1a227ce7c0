import { connection } from "next/server";
import { getEnv } from "@/lib/env";

/** Liveness for load balancers and the test harness. Says nothing secret. */
export async function GET() {
  await connection();
  return Response.json({ ok: true, demo: getEnv().demo });
}
