// Manifest figures: importing a generated 150 MB DestinyInventoryItemDefinition (time and peak
// RSS of the importing process) and looking up 1,000 hashes cold and warm, on embedded PGlite
// (a data directory, as the app's default) and on PostgreSQL when it is reachable.
//   npx tsx --conditions=react-server bench/manifest.ts [--mb 150] [--only pglite|postgres]
//     [--heap-mb N]  (only this V8 old-space cap; default: both the app server's uncapped heap
//                     and the cap `npm run manifest` runs with, read from package.json)
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { openAdapter } from "@/lib/db/adapter";
import { applyMigrations } from "@/lib/db/schema-engine";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getDefinitions } from "@/lib/manifest/lookup";
import { generateLargeItemTableFile } from "@/sandbox/world/generate-large-items";
import type { ImportFigures } from "./manifest/import-child";
import { startBenchServer } from "./manifest/server";

export type ManifestBenchFigures = {
  /** generateMs is near 0 when an earlier run's file was reused. */
  table: { file: string; megabytes: number; items: number; generateMs: number };
  databases: {
    database: "pglite" | "postgres";
    /** "server": V8's own heap sizing, as in the app server; "command": `npm run manifest`'s cap. */
    process: "server" | "command";
    heapCapMb: number | null;
    import: ImportFigures & { megabytesPerSecond: number };
    lookups: {
      hashes: number;
      coldMs: number;
      warmMs: number;
      queriesCold: number;
      queriesWarm: number;
    };
  }[];
  skipped: string[];
};

/** The heap cap `npm run manifest -- sync` runs with: the bench measures what the command does. */
function manifestCommandHeapMb(): number | undefined {
  const pkg = JSON.parse(
    readFileSync(path.join(import.meta.dirname, "..", "package.json"), "utf8"),
  ) as { scripts: Record<string, string> };
  const cap = /--max-old-space-size=(\d+)/.exec(pkg.scripts.manifest ?? "")?.[1];
  return cap ? Number(cap) : undefined;
}

const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
const LOOKUPS = 1_000;

function runImportChild(
  databaseUrl: string,
  origin: string,
  heapMb?: number,
): Promise<ImportFigures> {
  const child = spawn(
    process.execPath,
    [
      // V8 lets garbage pile up while memory is plentiful; a cap shows the import's real need.
      ...(heapMb ? [`--max-old-space-size=${heapMb}`] : []),
      "--conditions=react-server",
      "--import",
      "tsx",
      path.join(import.meta.dirname, "manifest", "import-child.ts"),
      databaseUrl,
      origin,
    ],
    { stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, NODE_ENV: "production" } },
  );
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) reject(new Error(`import child exited with ${code}`));
      else resolve(JSON.parse(out.trim().split("\n").pop() ?? "{}") as ImportFigures);
    });
  });
}

async function measureLookups(databaseUrl: string, items: number) {
  const adapter = openAdapter(databaseUrl);
  const base = new PrismaClient({ adapter: adapter.factory });
  let queries = 0;
  // Counts every operation the client runs (raw queries included): the lookup's promise.
  const counted = base.$extends({
    query: {
      async $allOperations({ args, query }) {
        queries += 1;
        return query(args);
      },
    },
  }) as unknown as PrismaClient;
  try {
    // 1,000 item hashes spread over the table (md5 order: deterministic, not clustered). This
    // also connects: "cold" means an empty in-process cache, not a cold connection.
    const rows = await base.$queryRaw<{ hash: bigint }[]>`
      SELECT "hash" FROM "ManifestDefinition" WHERE "tableName" = 'DestinyInventoryItemDefinition'
      ORDER BY md5("hash"::text) LIMIT ${LOOKUPS}`;
    const hashes = rows.map((r) => Number(r.hash));
    if (hashes.length < Math.min(LOOKUPS, items)) throw new Error("bench table has too few items");
    const options = { db: counted, sources: false as const };
    let started = performance.now();
    const cold = await getDefinitions("DestinyInventoryItemDefinition", hashes, "en", options);
    const coldMs = performance.now() - started;
    const queriesCold = queries;
    if ([...cold].some((d) => d.unknown)) throw new Error("bench lookup returned unknown items");
    started = performance.now();
    await getDefinitions("DestinyInventoryItemDefinition", hashes, "en", options);
    const warmMs = performance.now() - started;
    return {
      hashes: hashes.length,
      coldMs: round(coldMs),
      warmMs: round(warmMs),
      queriesCold,
      queriesWarm: queries - queriesCold,
    };
  } finally {
    await base.$disconnect();
    await adapter.close();
  }
}

async function prepareDatabase(kind: "pglite" | "postgres") {
  if (kind === "pglite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "warmind-bench-pglite-"));
    const url = `pglite:${dir}`;
    const adapter = openAdapter(url);
    await applyMigrations(adapter.factory);
    await adapter.close(); // PGlite allows one process per data directory: free it for the child.
    return { url, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const schema = `bench_manifest_${process.pid}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE; CREATE SCHEMA "${schema}"`);
  await admin.end();
  const url = `${POSTGRES_URL}?schema=${schema}`;
  const adapter = openAdapter(url);
  await applyMigrations(adapter.factory);
  await adapter.close();
  return {
    url,
    drop: async () => {
      const c = new pg.Client({ connectionString: POSTGRES_URL });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await c.end();
    },
  };
}

export async function runManifestBench(
  options: {
    megabytes?: number;
    only?: "pglite" | "postgres";
    /** Only this --max-old-space-size for the importing process (default: uncapped, then the cap
     * `npm run manifest` uses). */
    heapMb?: number;
    log?: (line: string) => void;
  } = {},
): Promise<ManifestBenchFigures> {
  const log = options.log ?? console.log;
  const megabytes = options.megabytes ?? 150;
  const started = performance.now();
  // The sandbox's generator (deterministic; an earlier run's file is reused).
  const { file, sizeBytes } = await generateLargeItemTableFile({ targetMb: megabytes });
  const figures: ManifestBenchFigures = {
    table: {
      file,
      megabytes: round(sizeBytes / 2 ** 20),
      items: 0,
      generateMs: round(performance.now() - started),
    },
    databases: [],
    skipped: [],
  };
  log(`Item table: ${figures.table.megabytes} MB at ${file}`);

  const server = await startBenchServer(file);
  try {
    for (const kind of ["pglite", "postgres"] as const) {
      if (options.only && options.only !== kind) continue;
      let db: Awaited<ReturnType<typeof prepareDatabase>>;
      try {
        db = await prepareDatabase(kind);
      } catch (error) {
        figures.skipped.push(`${kind}: ${error instanceof Error ? error.message : error}`);
        log(`${kind}: skipped (${error instanceof Error ? error.message : error})`);
        continue;
      }
      try {
        const runs: { process: "server" | "command"; heapCapMb: number | null }[] =
          options.heapMb !== undefined
            ? [{ process: "command", heapCapMb: options.heapMb }]
            : [
                { process: "server", heapCapMb: null },
                { process: "command", heapCapMb: manifestCommandHeapMb() ?? null },
              ];
        for (const run of runs) {
          const label = `${kind}, ${run.heapCapMb ? `heap cap ${run.heapCapMb} MB` : "uncapped heap"}`;
          log(`${label}: importing…`);
          // A forced import of the same version each time: the second replaces the first.
          const imported = await runImportChild(db.url, server.url, run.heapCapMb ?? undefined);
          figures.table.items = imported.itemRows;
          const lookups = await measureLookups(db.url, imported.itemRows);
          const megabytesPerSecond = round(imported.itemBytes / 2 ** 20 / (imported.ms / 1000));
          figures.databases.push({
            database: kind,
            ...run,
            import: { ...imported, megabytesPerSecond },
            lookups,
          });
          log(
            `${label}: import ${(imported.ms / 1000).toFixed(1)} s (${megabytesPerSecond} MB/s), ` +
              `peak RSS ${mb(imported.sampledPeakRssBytes)} sampled / ${mb(imported.maxRssBytes)} max ` +
              `(baseline ${mb(imported.baselineRssBytes)}); ${LOOKUPS} lookups: cold ${lookups.coldMs} ms ` +
              `(${lookups.queriesCold} query), warm ${lookups.warmMs} ms (${lookups.queriesWarm} queries)`,
          );
        }
      } finally {
        await db.drop();
      }
    }
  } finally {
    await server.close();
  }
  return figures;
}

const round = (n: number) => Math.round(n * 10) / 10;
const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const value = (name: string) => {
    const at = args.indexOf(name);
    return at === -1 ? undefined : args[at + 1];
  };
  const only = value("--only");
  runManifestBench({
    megabytes: Number(value("--mb") ?? 150),
    heapMb: value("--heap-mb") ? Number(value("--heap-mb")) : undefined,
    only: only === "pglite" || only === "postgres" ? only : undefined,
  })
    .then((figures) => {
      console.log(JSON.stringify(figures, null, 2));
      process.exit(0);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
