// The fault proxies of the infrastructure end-to-end suite (playwright.faults.config.ts), as a
// process of their own: Playwright starts it before the app, whose DATABASE_URL and REDIS_URL
// point at the proxies; tests switch faults over a small HTTP control API on loopback:
//
//   POST /postgres/pass | refuse | hang | cut | reset      POST /redis/...    GET /  (ready)
//
// It also creates the run's PostgreSQL schema, so the app's migrations have somewhere to go, and
// drops the ones earlier runs on the same port left behind (Playwright may kill it before its
// own shutdown drops the schema).
//
//   tsx tests/support/fault-proxy-server.ts --control 3101 --postgres 3102 --redis 3103 --schema e2e_faults_1
import http from "node:http";
import pg from "pg";
import { startFaultProxy, type FaultProxy } from "./fault-proxy";

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) {
  args.set(process.argv[i]!.replace(/^--/, ""), process.argv[i + 1] ?? "");
}
const port = (name: string) => {
  const value = Number(args.get(name));
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} <port> is required`);
  return value;
};

const POSTGRES = new URL(
  process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test",
);
const REDIS = new URL(process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379");

const schema = args.get("schema");
if (schema) {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error("--schema must be a plain name");
  const client = new pg.Client({ connectionString: POSTGRES.toString() });
  await client.connect();
  const family = schema.replace(/_\d+$/, "_");
  const stale = await client.query<{ name: string }>(
    "select nspname as name from pg_namespace where starts_with(nspname, $1) and nspname <> $2",
    [family, schema],
  );
  for (const { name } of stale.rows) await client.query(`drop schema "${name}" cascade`);
  await client.query(`create schema if not exists "${schema}"`);
  await client.end();
}

const proxies: Record<string, FaultProxy> = {
  postgres: await startFaultProxy({
    target: { host: POSTGRES.hostname, port: Number(POSTGRES.port || 5432) },
    port: port("postgres"),
  }),
  redis: await startFaultProxy({
    target: { host: REDIS.hostname, port: Number(REDIS.port || 6379) },
    port: port("redis"),
  }),
};

const control = http.createServer(async (request, response) => {
  const [, name, fault] = (request.url ?? "").split("/");
  const proxy = name ? proxies[name] : undefined;
  if (request.method === "GET" && !name) {
    response.end(JSON.stringify({ ok: true }));
    return;
  }
  if (request.method !== "POST" || !proxy) {
    response.writeHead(404).end();
    return;
  }
  switch (fault) {
    case "pass":
    case "refuse":
    case "hang":
      await proxy.setMode(fault);
      break;
    case "cut":
      proxy.cut();
      break;
    case "reset":
      proxy.reset();
      break;
    default:
      response.writeHead(400).end();
      return;
  }
  response.writeHead(200, { "content-type": "application/json" });
  response.end(JSON.stringify({ [name!]: proxy.mode(), open: proxy.open() }));
});
control.listen(port("control"), "127.0.0.1");

async function shutdown() {
  control.close();
  await Promise.all(Object.values(proxies).map((p) => p.close()));
  if (schema) {
    const client = new pg.Client({ connectionString: POSTGRES.toString() });
    await client.connect().catch(() => {});
    await client.query(`drop schema if exists "${schema}" cascade`).catch(() => {});
    await client.end().catch(() => {});
  }
  process.exit(0);
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
