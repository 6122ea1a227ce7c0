import "server-only";
import { parseEnv, type Env } from "./env-schema";

// Parsed once per process. Start-up (scripts/start.mjs and instrumentation.ts) validates the
// same way first, so a bad variable stops the server with one line instead of failing later.
let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
