// `npm run manifest -- <command>`: imports Destiny's manifest ahead of time (deployments, cron),
// so no player waits for the first import. See `npm run manifest -- help`.
import path from "node:path";
import { createBungieClient, type BungieClient } from "@/lib/bungie";
import { openAdapter } from "@/lib/db/adapter";
import { attachRawExecute } from "@/lib/db/raw-execute";
import { parseEnv, type Env } from "@/lib/env-schema";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { MANIFEST_LANGUAGES } from "@/lib/destiny/game-facts";
import { listManifestVersions } from "@/lib/manifest/current";
import { isManifestLanguage } from "@/lib/manifest/language";
import { megabytes, type ImportProgress } from "@/lib/manifest/progress";
import { defaultManifestSources } from "@/lib/manifest/sources";
import { syncManifest } from "@/lib/manifest/sync";
import { loadProjectEnv } from "./load-env.mjs";

const HELP = `Usage: npm run manifest -- <command> [options]

Commands
  sync [--language <key>] [--force]
        Checks Bungie's manifest and imports the tables Warmind uses when their content
        paths changed (or always, with --force). Safe to run from cron: when nothing
        changed it only fetches the manifest; when another instance is importing, it
        waits for that import instead of starting a second one.
  status
        Lists the stored manifest versions and which one each language reads.
  help  Shows this text.

Options
  --language <key>  One of: ${MANIFEST_LANGUAGES.join(", ")} (default en). A language
                    Bungie does not serve falls back to en, with a log line.
  --force           Import even when nothing changed.

Environment (the app's own)
  DATABASE_URL   postgres://... or pglite:<dir> (default pglite:.data/pglite).
                 Embedded PGlite allows ONE process at a time: stop the app
                 (npm run dev / npm start) before running this against a pglite: URL,
                 or use a PostgreSQL DATABASE_URL, which any number of processes share.
  BUNGIE_API_KEY, BUNGIE_CLIENT_ID, BUNGIE_CLIENT_SECRET, BUNGIE_ORIGIN
                 Without credentials (demo mode) the manifest comes from the built-in
                 sandbox, run inside this process.

The database must be migrated first: npm run db:migrate.`;

type Args = { command: string; language: string; force: boolean };

function parseArgs(argv: string[]): Args {
  const [command = "help", ...rest] = argv;
  const args: Args = { command, language: "en", force: false };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === "--force") args.force = true;
    else if (arg === "--language" || arg === "-l") {
      const value = rest[++i];
      if (!value || !isManifestLanguage(value)) {
        throw new UsageError(`--language needs one of: ${MANIFEST_LANGUAGES.join(", ")}`);
      }
      args.language = value;
    } else throw new UsageError(`Unknown option: ${arg}`);
  }
  return args;
}

class UsageError extends Error {}

/** The Bungie client: Bungie.net (or BUNGIE_ORIGIN), or in demo mode the sandbox in-process. */
async function bungieClient(env: Env): Promise<BungieClient> {
  if (!env.demo) {
    const { origin, apiKey, clientId, clientSecret } = env.bungie;
    return createBungieClient({ origin, apiKey, clientId, clientSecret });
  }
  // The app mounts the sandbox on its own origin, which is not running while this runs (and
  // cannot, on PGlite): answer the client's requests from a sandbox in this process instead.
  const { createSandbox } = await import("@/sandbox");
  const sandbox = createSandbox({ apiKey: env.bungie.apiKey });
  return createBungieClient({
    origin: "http://sandbox.invalid",
    apiKey: env.bungie.apiKey,
    fetch: async (input, init) => sandbox.handle(new Request(input, init)),
  });
}

function progressLine(p: ImportProgress): string {
  const bar =
    p.fraction === null ? "" : ` ${"#".repeat(Math.round(p.fraction * 20)).padEnd(20, ".")}`;
  const size =
    p.totalBytes === null
      ? megabytes(p.bytes)
      : `${megabytes(p.bytes)} / ${megabytes(p.totalBytes)}`;
  return `  [${p.tableNumber}/${p.tableCount}] ${p.table}${bar} ${size}, ${p.rows.toLocaleString("en")} rows`;
}

async function sync(db: PrismaClient, env: Env, args: Args) {
  const client = await bungieClient(env);
  const interactive = process.stdout.isTTY;
  try {
    const result = await syncManifest({
      db,
      language: args.language,
      force: args.force,
      sources: defaultManifestSources(client),
      // On a terminal the progress bar replaces the periodic log lines; in CI/cron logs,
      // the lines are the progress.
      log: (line) => {
        if (interactive) process.stdout.write("\r\x1b[K");
        console.log(line);
      },
      onProgress: interactive
        ? (p) => process.stdout.write(`\r\x1b[K${progressLine(p)}`)
        : undefined,
    });
    if (interactive) process.stdout.write("\r\x1b[K");
    const seconds = (result.durationMs / 1000).toFixed(1);
    if (result.status === "imported") {
      console.log(
        `Imported manifest ${result.version} (${result.language}): ${result.rows.toLocaleString("en")} definitions in ${seconds} s.`,
      );
    } else {
      console.log(
        `Manifest ${result.version} (${result.language}) is up to date${result.waited ? " (imported by another instance while this one waited)" : ""}.`,
      );
    }
  } finally {
    await client.close();
  }
}

async function status(db: PrismaClient) {
  const versions = await listManifestVersions(db);
  if (versions.length === 0) {
    console.log("No manifest imported yet. Run: npm run manifest -- sync");
    return;
  }
  for (const v of versions) {
    const when = (v.finishedAt ?? v.startedAt).toISOString();
    console.log(
      `${v.current ? "*" : " "} ${v.language.padEnd(6)} ${v.version}  #${v.id} ${v.status}, ${v.rowCount.toLocaleString("en")} definitions, ${when}`,
    );
  }
  console.log("(* = the version readers of that language use)");
}

async function main(): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${HELP}`);
    return 2;
  }
  if (args.command === "help" || args.command === "--help" || args.command === "-h") {
    console.log(HELP);
    return 0;
  }
  if (args.command !== "sync" && args.command !== "status") {
    console.error(`Unknown command: ${args.command}\n\n${HELP}`);
    return 2;
  }
  // The same settings `npm start` reads (DATABASE_URL, BUNGIE_*) from the project's .env.
  loadProjectEnv(path.resolve(import.meta.dirname, ".."));
  // AUTH_SECRET is required by the app but irrelevant here (as in scripts/db.ts).
  const env = parseEnv({ AUTH_SECRET: "x".repeat(32), ...process.env });
  const adapter = openAdapter(env.databaseUrl);
  // As the app's own client (lib/db.ts): the import's bulk INSERTs bypass Prisma.
  const db = attachRawExecute(new PrismaClient({ adapter: adapter.factory }), adapter.execute);
  try {
    if (args.command === "sync") await sync(db, env, args);
    else await status(db);
    return 0;
  } finally {
    await db.$disconnect();
    await adapter.close();
  }
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
    process.exit(1);
  });
