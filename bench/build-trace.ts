// What a production build ships with each route: Next.js traces the files every server route
// needs (<distDir>/server/app/**/*.nft.json) and a deployment copies exactly those. Prints the
// total bytes traced for the largest route, the next few, and the mounted Bungie sandbox's
// route (which once traced the whole repository: tests, benchmarks, docs).
//
// By default it builds into its own folder (.next-bench) and checks that the build left the
// working tree as it was (no tracked file changed, no file added): builds into other folders
// once rewrote tsconfig.json.
//   npx tsx bench/build-trace.ts                 build into .next-bench, then measure it
//   npx tsx bench/build-trace.ts --dist .next    measure an existing build (no build, no check)
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

const root = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({ options: { dist: { type: "string" } } });
const SANDBOX_ROUTE = "app/sandbox/[...path]/route";

interface RouteTrace {
  route: string;
  files: number;
  bytes: number;
}

/** The route's own chunk and every file its trace lists (paths relative to the .nft.json). */
function traceOf(distDir: string, nftFile: string): RouteTrace {
  const { files } = JSON.parse(readFileSync(nftFile, "utf8")) as { files: string[] };
  let bytes = 0;
  const unique = new Set(files.map((file) => path.resolve(path.dirname(nftFile), file)));
  for (const file of unique) {
    if (existsSync(file)) bytes += statSync(file).size;
  }
  const route = path
    .relative(path.join(distDir, "server"), nftFile)
    .replace(/\.js\.nft\.json$/, "")
    .split(path.sep)
    .join("/");
  return { route, files: unique.size, bytes };
}

function routeTraces(distDir: string): RouteTrace[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith(".js.nft.json")) found.push(file);
    }
  };
  walk(path.join(distDir, "server", "app"));
  return found.map((file) => traceOf(distDir, file)).sort((a, b) => b.bytes - a.bytes);
}

/** What `git status` sees, and the content of every change: equal before and after = untouched. */
function workingTree(): string | undefined {
  const git = (args: string[]) => spawnSync("git", args, { cwd: root, encoding: "buffer" });
  const status = git(["status", "--porcelain=v1", "--untracked-files=all"]);
  if (status.status !== 0) return undefined;
  const diff = git(["diff", "HEAD", "--binary"]);
  return `${status.stdout.toString()}\n${createHash("sha256").update(diff.stdout).digest("hex")}`;
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

const distDir = values.dist ? path.resolve(root, values.dist) : path.join(root, ".next-bench");
if (!values.dist) {
  const before = workingTree();
  // next-env.d.ts is generated (git-ignored) and names the dist dir's route types; put it back
  // so that `tsc` keeps checking against the usual build afterwards.
  const nextEnv = path.join(root, "next-env.d.ts");
  const nextEnvBefore = existsSync(nextEnv) ? readFileSync(nextEnv) : undefined;
  console.log(`Building into ${path.relative(root, distDir)} ...`);
  const started = performance.now();
  const build = spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build"], {
    cwd: root,
    env: {
      ...process.env,
      NEXT_DIST_DIR: path.relative(root, distDir),
      NEXT_TELEMETRY_DISABLED: "1",
    },
    encoding: "utf8",
  });
  const output = `${build.stdout}${build.stderr}`;
  if (nextEnvBefore) writeFileSync(nextEnv, nextEnvBefore);
  if (build.status !== 0) {
    console.error(output.slice(-4000));
    process.exit(1);
  }
  console.log(`  built in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  const tracingWarnings = output.match(/Dynamic filesystem access causes tracing/g)?.length ?? 0;
  console.log(`  "tracing of the whole project" warnings: ${tracingWarnings}`);
  const after = workingTree();
  if (before === undefined) {
    console.log("  (not a git checkout: working tree not checked)");
  } else if (after !== before) {
    console.error(
      "✗ the build changed the working tree:\n" + `before:\n${before}\nafter:\n${after}`,
    );
    process.exit(1);
  } else {
    console.log("  working tree unchanged by the build (git status and diff as before)");
  }
  if (tracingWarnings > 0) process.exit(1);
} else if (!existsSync(path.join(distDir, "BUILD_ID"))) {
  console.error(`${distDir} holds no production build`);
  process.exit(1);
}

const traces = routeTraces(distDir);
const largest = traces[0];
if (!largest) {
  console.error(`no route traces under ${distDir}/server/app`);
  process.exit(1);
}
console.log(`\nFiles traced per server route (${traces.length} routes), largest first:`);
for (const trace of traces.slice(0, 5))
  console.log(
    `  ${mb(trace.bytes).padStart(8)}  ${String(trace.files).padStart(4)} files  ${trace.route}`,
  );
const sandbox = traces.find((trace) => trace.route === SANDBOX_ROUTE);
if (sandbox)
  console.log(
    `  ${mb(sandbox.bytes).padStart(8)}  ${String(sandbox.files).padStart(4)} files  ${sandbox.route}`,
  );
console.log(
  `\nLargest route: ${largest.route}, ${largest.files} files, ${largest.bytes} bytes (${mb(largest.bytes)}) traced`,
);
