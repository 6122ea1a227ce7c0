// Runs one manifest import in its own process, so the peak RSS it reports is the import's own:
//   tsx --conditions=react-server bench/manifest/import-child.ts <DATABASE_URL> <origin>
// Prints one JSON line with the figures.
import { createBungieClient, unlimited } from "@/lib/bungie";
import { openAdapter } from "@/lib/db/adapter";
import { attachRawExecute } from "@/lib/db/raw-execute";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { defaultManifestSources } from "@/lib/manifest/sources";
import { syncManifest } from "@/lib/manifest/sync";

export type ImportFigures = {
  ms: number;
  rows: number;
  itemRows: number;
  itemBytes: number;
  /** Highest RSS seen by sampling every 50 ms, and the kernel's max RSS of the process. */
  sampledPeakRssBytes: number;
  maxRssBytes: number;
  baselineRssBytes: number;
};

async function main() {
  const [databaseUrl, origin] = process.argv.slice(2);
  if (!databaseUrl || !origin) throw new Error("usage: import-child.ts <DATABASE_URL> <origin>");
  const adapter = openAdapter(databaseUrl);
  // As the app's own client (lib/db.ts): the import's bulk INSERTs bypass Prisma.
  const db = attachRawExecute(new PrismaClient({ adapter: adapter.factory }), adapter.execute);
  await db.$queryRaw`SELECT 1`;
  const client = createBungieClient({
    origin,
    apiKey: "bench",
    limiter: unlimited,
    logger: () => {},
  });
  const baselineRssBytes = process.memoryUsage().rss;
  let peak = baselineRssBytes;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const started = performance.now();
  const result = await syncManifest({
    db,
    force: true,
    sources: defaultManifestSources(client),
    log: (line) => process.stderr.write(`  ${line}\n`),
  });
  const ms = performance.now() - started;
  clearInterval(sampler);
  const items = result.tables.find((t) => t.table === "DestinyInventoryItemDefinition");
  const figures: ImportFigures = {
    ms: Math.round(ms),
    rows: result.rows,
    itemRows: items?.rows ?? 0,
    itemBytes: items?.bytes ?? 0,
    sampledPeakRssBytes: Math.max(peak, process.memoryUsage().rss),
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    baselineRssBytes,
  };
  await db.$disconnect();
  await adapter.close();
  await client.close();
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
