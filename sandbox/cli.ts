// `npm run sandbox -- --port 4000 [--api-key K --client-id C --client-secret S --redirect-url U
//  --base-path /sandbox --seed N --full-vault --clan-size N --record-dir DIR --token-ttl SECONDS --host H]`
import { parseArgs } from "node:util";
import { startSandboxServer } from "./node-server";
import { CLAN_SIZE } from "./world/clan-size";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "4000" },
    host: { type: "string", default: "127.0.0.1" },
    "api-key": { type: "string" },
    "client-id": { type: "string" },
    "client-secret": { type: "string" },
    "redirect-url": { type: "string" },
    "base-path": { type: "string" },
    seed: { type: "string" },
    "full-vault": { type: "boolean", default: false },
    "clan-size": { type: "string" },
    "record-dir": { type: "string" },
    "token-ttl": { type: "string" },
    "rate-limit": { type: "string" },
    help: { type: "boolean", default: false },
  },
});

if (values.help) {
  console.log(
    "Usage: npm run sandbox -- --port N [--host H] [--api-key K] [--client-id C] [--client-secret S]\n" +
      "       [--redirect-url U] [--base-path P] [--seed N] [--full-vault] [--clan-size 2-100]\n" +
      "       [--record-dir DIR] [--token-ttl SECONDS] [--rate-limit REQS_PER_SECOND]",
  );
  process.exit(0);
}

function int(
  value: string | undefined,
  name: string,
  range?: { min: number; max: number },
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || (range && (n < range.min || n > range.max))) {
    console.error(
      `--${name} must be an integer${range ? ` from ${range.min} to ${range.max}` : ""}`,
    );
    process.exit(2);
  }
  return n;
}

const server = await startSandboxServer({
  port: int(values.port, "port"),
  host: values.host,
  apiKey: values["api-key"],
  clientId: values["client-id"],
  clientSecret: values["client-secret"],
  redirectUrl: values["redirect-url"],
  basePath: values["base-path"],
  seed: int(values.seed, "seed"),
  fullVault: values["full-vault"],
  clanSize: int(values["clan-size"], "clan-size", CLAN_SIZE),
  recordDir: values["record-dir"],
  accessTokenTtlSeconds: int(values["token-ttl"], "token-ttl"),
  apiKeyRateLimitPerSecond: int(values["rate-limit"], "rate-limit"),
});
const o = server.sandbox.options;
console.log(`Bungie.net sandbox listening on ${server.url}${o.basePath}`);
console.log(`  API key: ${o.apiKey}   client_id: ${o.clientId}   client_secret: ${o.clientSecret}`);
console.log(`  redirect URL: ${o.redirectUrl}`);
console.log(`  demo users: ${[...server.sandbox.state.world.usersByKey.keys()].join(", ")}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
