// `npm run digest` (scripts/digest.ts): one digest run now, in this process, for self-hosters
// who schedule it with their own cron. Exit code: 0 all good, 2 when some subscribers failed
// (recorded; the next run retries them), 1 when the run itself could not happen.
import { createBungieClient, setBungieClient } from "@/lib/bungie";
import { openAdapter, parseDatabaseUrl } from "@/lib/db/adapter";
import { applyMigrations } from "@/lib/db/schema-engine";
import { runVendorDigest } from "@/lib/digest/run-digest";
import { sendQueuedConfirmations } from "@/lib/digest/send-confirmation";
import { createEmailTransport } from "@/lib/email/transport";
import { getEnv } from "@/lib/env";
import { SANDBOX_MOUNT_PATH } from "@/lib/env-schema";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getMountedSandbox } from "@/sandbox/mount";

export async function runDigestCommand(): Promise<number> {
  const env = getEnv();
  const target = parseDatabaseUrl(env.databaseUrl);
  const serverUp = await isServerUp(env.appUrl);

  if (target.kind === "pglite" && target.dataDir && serverUp) {
    console.error(
      [
        `The Warmind server at ${env.appUrl} is running, and it holds the embedded database`,
        `(${target.dataDir}): PGlite lets one process at a time open it. Either stop the server`,
        `and run \`npm run digest\` again, or let the server send the digest:`,
        `  curl -H "Authorization: Bearer $CRON_SECRET" ${env.appUrl}/api/cron/vendor-digest`,
      ].join("\n"),
    );
    return 1;
  }

  if (env.demo && !serverUp) {
    // The demo's Bungie.net lives inside the app server; with it stopped, mount it here.
    const sandbox = await getMountedSandbox({
      appUrl: env.appUrl,
      basePath: SANDBOX_MOUNT_PATH,
      control: false,
    });
    setBungieClient(
      createBungieClient({
        ...env.bungie,
        fetch: (input, init) => sandbox.handle(new Request(input, init)),
      }),
    );
    console.warn(
      "Demo mode with the server stopped: using a fresh Bungie sandbox in this process. It does\n" +
        "not know sign-ins made while the server ran, so those players must sign in again first.",
    );
  }

  // One client for the whole process (lib/db and lib/auth use it too), closed at the end so
  // PGlite writes its data directory cleanly.
  const adapter = openAdapter(env.databaseUrl);
  // As `npm start` does: pending migrations first, so the command also works on a fresh clone
  // (before the first start) and right after an upgrade.
  await applyMigrations(adapter.factory);
  const db = new PrismaClient({ adapter: adapter.factory });
  (globalThis as { warmindDb?: PrismaClient }).warmindDb = db;
  const transport = createEmailTransport(env, db);
  try {
    const log = (line: string) => console.warn(line);
    const confirmations = await sendQueuedConfirmations({ db, transport, env }, { log });
    const report = await runVendorDigest({ db, transport, env, log });
    console.log(JSON.stringify({ ...report, confirmations }, null, 2));
    return report.failed > 0 || confirmations.failed > 0 ? 2 : 0;
  } finally {
    await transport.close();
    await db.$disconnect();
    await adapter.close();
  }
}

async function isServerUp(appUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${appUrl}/api/health`, { signal: AbortSignal.timeout(1500) });
    await response.body?.cancel();
    // 503: up, but its database is unreachable.
    return response.ok || response.status === 503;
  } catch {
    return false;
  }
}
