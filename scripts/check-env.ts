// Validates the environment before the server starts; prints one line naming a bad variable.
import { EnvError, parseEnv } from "../lib/env-schema";

try {
  const env = parseEnv(process.env);
  console.log(
    env.demo
      ? `Warmind in demo mode (built-in Bungie sandbox) at ${env.appUrl}`
      : `Warmind talking to ${env.bungie.origin} as client ${env.bungie.clientId}, at ${env.appUrl}`,
  );
} catch (error) {
  if (error instanceof EnvError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
