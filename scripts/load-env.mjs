// The project's `.env` and demo secret, for every command that runs outside `next` (start,
// manifest, digest, migrations): they must read the same settings the server reads, or a
// self-hoster's `npm run manifest -- sync` would fill a different database than `npm start` serves.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * Loads `<root>/.env` into process.env without overriding what the shell already set, then, in
 * demo mode (no Bungie credentials) without an AUTH_SECRET, the one `npm start` generated (it
 * seals stored tokens, so every command must use the same one). With Bungie credentials the
 * secret must be set explicitly: a production deployment never falls back to a file.
 * @param {string} root the project directory
 */
export function loadProjectEnv(root) {
  const file = path.join(root, ".env");
  if (existsSync(file)) {
    for (const line of readFileSync(file, "utf8").split(/\r?\n/)) {
      const match = /^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/.exec(line);
      if (!match || line.trimStart().startsWith("#")) continue;
      const [, key = "", raw = ""] = match;
      if (process.env[key] === undefined) process.env[key] = raw.replace(/^(['"])(.*)\1$/, "$2");
    }
  }
  const secretFile = demoSecretFile(root);
  if (!process.env.AUTH_SECRET && !bungieConfigured() && existsSync(secretFile)) {
    process.env.AUTH_SECRET = readFileSync(secretFile, "utf8").trim();
  }
}

/** True when any Bungie credential is set: the app talks to Bungie.net, not the sandbox. */
export function bungieConfigured() {
  return ["BUNGIE_API_KEY", "BUNGIE_CLIENT_ID", "BUNGIE_CLIENT_SECRET"].some(
    (name) => process.env[name],
  );
}

/**
 * Where `npm start` keeps the AUTH_SECRET it generates in demo mode.
 * @param {string} root the project directory
 */
export function demoSecretFile(root) {
  return path.join(root, ".data", "auth-secret");
}
