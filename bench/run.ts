// `npm run bench`: runs every benchmark in bench/ (each its own script, in its own process so
// memory figures are not polluted by the others) and prints their figures.
//   npm run bench                 all of them
//   npm run bench -- manifest     only files whose name contains "manifest"
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const dir = import.meta.dirname;
const filters = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && f !== "run.ts" && !f.startsWith("_"))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

const cpu = os.cpus()[0]?.model ?? "unknown CPU";
console.log(
  `Warmind benchmarks on ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}\n`,
);
let failed = 0;
for (const file of files) {
  console.log(`━━ ${file} ━━`);
  const result = spawnSync(
    path.join(dir, "..", "node_modules", ".bin", "tsx"),
    ["--conditions=react-server", path.join(dir, file)],
    // SANDBOX_CONTROL: a benchmark that mounts the demo sandbox drives it through its control
    // API, which is off unless asked for.
    { stdio: "inherit", env: { ...process.env, NODE_ENV: "production", SANDBOX_CONTROL: "1" } },
  );
  if (result.status !== 0) {
    failed++;
    console.error(`✗ ${file} exited with ${result.status}`);
  }
  console.log();
}
process.exit(failed ? 1 : 0);
