// `npm start`: one command from a fresh clone to a running app.
//  1. demo mode needs no setup: an AUTH_SECRET is generated once into .data/ when none is set;
//  2. the environment is validated (one clear line on error);
//  3. migrations are applied (embedded PGlite by default, PostgreSQL when DATABASE_URL says so);
//  4. the production build is made when missing or older than the sources;
//  5. `next start` serves it (or `next dev` with --dev).
import { spawnSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { bungieConfigured, demoSecretFile, loadProjectEnv } from "./load-env.mjs";

const root = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");
const forceBuild = process.argv.includes("--build");
// Serve the build as it is, never rebuild: for a second server started beside a running one on
// the same build folder (tests/e2e/public-demo.spec.ts), which a rebuild would pull away.
const noBuild = process.argv.includes("--no-build");
process.chdir(root);
process.env.NEXT_TELEMETRY_DISABLED = "1";

loadProjectEnv(root);

if (!process.env.AUTH_SECRET && !bungieConfigured()) {
  const file = demoSecretFile(root);
  mkdirSync(path.dirname(file), { recursive: true });
  if (!existsSync(file))
    writeFileSync(file, randomBytes(33).toString("base64url"), { mode: 0o600 });
  process.env.AUTH_SECRET = readFileSync(file, "utf8").trim();
}

const tsx = path.join(root, "node_modules", ".bin", "tsx");
const next = path.join(root, "node_modules", ".bin", "next");

run(tsx, ["--conditions=react-server", "scripts/check-env.ts"]);
run(tsx, ["scripts/db.ts", "migrate"]);

if (!dev && !noBuild && (forceBuild || needsBuild())) {
  console.log("Building Warmind (first start, or the sources changed)...");
  run(next, ["build"]);
}

const port = process.env.PORT ?? "3000";
// Idle keep-alive connections stay open 65 s instead of Node's 5 s: a proxy or load balancer in
// front (nginx, most cloud balancers idle out at 60 s) must close first, or a request it sends on
// a connection the server is closing at that instant fails with a reset (seen as 502s).
const keepAlive = dev ? [] : ["--keepAliveTimeout", "65000"];
const child = spawn(next, [dev ? "dev" : "start", "--port", port, ...keepAlive], {
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));

function run(command, args) {
  const result = spawnSync(command, args, { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function needsBuild() {
  const buildId = path.join(root, process.env.NEXT_DIST_DIR ?? ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const sources = ["app", "components", "lib", "emails", "sandbox", "public", "proxy.ts"];
  const files = ["package.json", "next.config.mjs", "package-lock.json"];
  return (
    files.some((f) => existsSync(f) && statSync(f).mtimeMs > built) ||
    sources.some((dir) => newerThan(path.join(root, dir), built))
  );
}

function newerThan(target, time) {
  if (!existsSync(target)) return false;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs > time;
  return readdirSync(target).some(
    (name) =>
      name !== "generated" && name !== "node_modules" && newerThan(path.join(target, name), time),
  );
}
