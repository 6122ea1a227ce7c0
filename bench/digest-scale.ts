// `npm run bench -- digest`: the vendor digest at scale (bench/_digest-scale-run.ts).
//
// Rendering the emails needs react-dom/server, which React's server build refuses, so this runs
// WITHOUT `--conditions=react-server` (bench/run.ts starts every bench with it: this one starts
// itself again without it), and, like scripts/digest.ts, resolves `server-only` to an empty
// module before anything else is imported.
import { spawnSync } from "node:child_process";
import { register } from "node:module";
import path from "node:path";

const reactServer = process.execArgv.some((arg) => arg.includes("react-server"));
if (reactServer) {
  const tsx = path.join(import.meta.dirname, "..", "node_modules", ".bin", "tsx");
  const result = spawnSync(tsx, [import.meta.filename], { stdio: "inherit", env: process.env });
  process.exit(result.status ?? 1);
}

const hook = `
export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: "data:text/javascript,export{}", shortCircuit: true };
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
await import("./_digest-scale-run");
