// `npm run digest`: send the vendor digest now (see scripts/digest/command.ts).
//
// Runs WITHOUT `--conditions=react-server`, unlike the other scripts: rendering the emails needs
// react-dom/server, which React's server build refuses. The `server-only` marker would then
// throw, so this registers a loader hook that resolves it to an empty module first; everything
// else is imported after that, dynamically.
//
// With the embedded database (PGlite, the default) stop the server first: PGlite opens its data
// directory in one process at a time. The command says so when it finds the server running.
import { register } from "node:module";
import path from "node:path";
import { loadProjectEnv } from "./load-env.mjs";

const hook = `
export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: "data:text/javascript,export{}", shortCircuit: true };
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
loadProjectEnv(root);

try {
  const { runDigestCommand } = await import("./digest/command");
  process.exit(await runDigestCommand());
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
