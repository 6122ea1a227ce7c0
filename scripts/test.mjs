// `npm test`: every check the project has, in order, stopping at the first failure.
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
process.env.NEXT_TELEMETRY_DISABLED = "1";

const steps = [
  ["lint", bin("eslint"), ["--max-warnings", "0", "."]],
  ["layers (import direction)", "npm", ["run", "--silent", "lint:layers"]],
  ["format", bin("prettier"), ["--check", "."]],
  ["typecheck", bin("tsc"), ["--noEmit"]],
  ["schema matches migrations", bin("tsx"), ["scripts/db.ts", "check"]],
  ["unit and integration tests", bin("vitest"), ["run"]],
  ["end-to-end tests (Chromium)", bin("playwright"), ["test"]],
  // PostgreSQL and Redis going away under the app, through fault proxies (the same build).
  [
    "end-to-end faults of our own infrastructure (Chromium, PostgreSQL, Redis)",
    bin("playwright"),
    ["test", "-c", "playwright.faults.config.ts"],
  ],
];

const only = process.argv.slice(2);
const timings = [];
for (const [name, command, args] of steps) {
  if (only.length && !only.some((o) => name.startsWith(o))) continue;
  console.log(`\n▶ ${name}`);
  const started = performance.now();
  const result = spawnSync(command, args, { stdio: "inherit", cwd: root });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  timings.push(`${name}: ${seconds} s`);
  if (result.status !== 0) {
    console.error(`\n✗ ${name} failed (${seconds} s)`);
    process.exit(result.status ?? 1);
  }
}
console.log(`\n✓ All checks passed\n  ${timings.join("\n  ")}`);
