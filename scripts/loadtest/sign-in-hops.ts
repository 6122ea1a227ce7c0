// `tsx scripts/loadtest/sign-in-hops.ts [--players 50 --port 3192]`: where a sign-in's time
// goes. N players sign in at the same moment (as the load test's start does) against a
// production build in demo mode with the sandbox at 80±40 ms; every hop of the OAuth round trip
// (CSRF, sign-in POST, our authorize hop, the consent page, its POST, the callback, the landing
// page) is timed on its own and reported as p50/p95 per hop, so a slow step stands out.
import path from "node:path";
import { parseArgs } from "node:util";
import { startAppServer } from "./app-server";
import { HttpSession, type Timed } from "./http-session";
import { sandboxControl } from "./sandbox-state";
import { signIn } from "./sign-in";
import { Stats } from "./stats";

const root = path.resolve(import.meta.dirname, "../..");
const { values: args } = parseArgs({
  options: {
    players: { type: "string", default: "50" },
    port: { type: "string", default: "3192" },
    waves: { type: "string", default: "2" },
    // An app already running in demo mode with SANDBOX_CONTROL=1 (e.g. under --cpu-prof).
    url: { type: "string" },
  },
});

/** A session that records each hop under its path (query and ids left out). */
class HopSession extends HttpSession {
  constructor(
    origin: string,
    private readonly stats: Stats,
  ) {
    super(origin);
  }
  override async request(url: string, init: RequestInit = {}): Promise<Timed> {
    const result = await super.request(url, init);
    const hop = new URL(url, this.origin).pathname.replace(/\/\d+/g, "/:id");
    this.stats.record(`${init.method ?? "GET"} ${hop}`, result.ms);
    return result;
  }
}

async function main() {
  const players = Number(args.players);
  const server = args.url
    ? { url: args.url, close: async () => {} }
    : await startAppServer(root, Number(args.port), ".next-loadtest");
  try {
    await sandboxControl(server.url, "reset");
    const { keys } = await sandboxControl<{ keys: string[] }>(server.url, "players", {
      count: players,
    });
    await sandboxControl(server.url, "latency", { fixedMs: 80, jitterMs: 40 });
    // The first wave meets a cold server (manifest, compiled routes, database pages); the
    // second, the same players signing in again, a warm one.
    for (let wave = 1; wave <= Number(args.waves); wave++) {
      const hops = new Stats();
      const started = performance.now();
      await Promise.all(
        keys.map(async (account) => {
          const session = new HopSession(server.url, hops);
          try {
            hops.record("whole sign-in", await signIn(session, account));
          } catch (error) {
            hops.fail("whole sign-in", String(error).slice(0, 120));
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      console.log(`\nWave ${wave}: ${players} simultaneous sign-ins in ${seconds.toFixed(1)} s`);
      console.log(hops.table(seconds));
      for (const line of hops.errorList()) console.log(`  error ${line}`);
    }
  } finally {
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
