// Server start-up checks (Node.js runtime only). A missing or malformed variable stops start-up
// with one line naming it, rather than a stack trace on the first request that needs it.
import { EnvError, parseEnv } from "./env-schema";

try {
  parseEnv(process.env);
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  console.error(error.message);
  process.exit(1);
}
