// `npm run loadtest [-- --players 50 --duration 60 --port 3191]`: N simulated players, each its
// own Bungie.net account (the sandbox's generated `load-1` … `load-N`), sign in through the real
// OAuth flow, browse the account, inventory, clan and vendors pages and move items with the
// real server action, concurrently, against a production build in demo mode with the sandbox
// at realistic latency, for a bounded time. Reports throughput, p50/p95/p99 per request kind
// and errors, then checks with the sandbox that no player's item was lost or duplicated and
// that the app shows each player every item where the sandbox has it.
// Before the run, on a quiet server: the first sign-in on the fresh database (it imports the
// manifest: timed apart, so the run measures a warm server) and the Bungie calls each operation
// makes (`calls`). After it, the noisy-neighbour scenario (`noisy`): one player hammering while
// another's inventory is timed against its quiet time. `--scenarios calls,main,noisy` picks.
// Plain HTTP from Node (fetch + a cookie jar), loopback only: no browsers.
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { startAppServer } from "./loadtest/app-server";
import { callsPerOperation, describeCalls, readBungieStats } from "./loadtest/bungie-calls";
import { noisyNeighbour } from "./loadtest/noisy-neighbour";
import { HttpSession } from "./loadtest/http-session";
import {
  conservationProblems,
  placementProblems,
  readSandboxState,
  sandboxControl,
  type SandboxProfile,
} from "./loadtest/sandbox-state";
import { callAction, encodeStateAndForm, readActionIds } from "./loadtest/server-action";
import { signIn } from "./loadtest/sign-in";
import { percentile, Stats } from "./loadtest/stats";

const root = path.resolve(import.meta.dirname, "..");
const { values: args } = parseArgs({
  options: {
    players: { type: "string", default: "50" },
    duration: { type: "string", default: "60" },
    port: { type: "string", default: "3191" },
    "latency-ms": { type: "string", default: "80" },
    "jitter-ms": { type: "string", default: "40" },
    "think-ms": { type: "string", default: "500" },
    scenarios: { type: "string", default: "calls,main,noisy" },
    tabs: { type: "string", default: "6" },
    samples: { type: "string", default: "8" },
  },
});
const PLAYERS = clamp(Number(args.players), 1, 500);
const DURATION_S = clamp(Number(args.duration), 5, 1800);
const PORT = clamp(Number(args.port), 1024, 65535);
const THINK_MS = clamp(Number(args["think-ms"]), 0, 60_000);
const PAGES = ["/account", "/inventory", "/clan", "/vendors"] as const;
const SCENARIOS = new Set(args.scenarios.split(","));
const runMain = SCENARIOS.has("main");
const IDLE = { status: "idle", message: "", notices: [], placements: [], writes: 0 };

type ViewItem = {
  key: string;
  itemInstanceId: string | null;
  name: string;
  location: string;
  ownerCharacterId: string | null;
  transferable: boolean;
};

function clamp(n: number, min: number, max: number) {
  if (!Number.isFinite(n)) throw new Error("--players, --duration and --port take numbers");
  return Math.min(max, Math.max(min, Math.floor(n)));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  console.log(
    `Starting a production build on port ${PORT} (builds first if the sources changed)...`,
  );
  const server = await startAppServer(root, PORT, ".next-loadtest");
  const stats = new Stats();
  const outcomes = { moved: 0, refused: new Map<string, number>(), crashed: 0 };
  try {
    const actionId = readActionIds(server.distDir).get("app/inventory/actions.ts#inventoryAction");
    if (!actionId)
      throw new Error("inventoryAction is not in the build's server-reference manifest");
    await sandboxControl(server.url, "reset");
    // One generated Bungie.net account per player, as real load has, and one more that probes.
    const { keys } = await sandboxControl<{ keys: string[] }>(server.url, "players", {
      count: PLAYERS + 1,
    });
    const accounts = keys.slice(0, PLAYERS);
    const probe = keys[PLAYERS]!;
    // The first page needing definitions on a fresh database imports the manifest: every
    // sign-in landing during it would wait for it (the 8 s sign-ins of the earlier runs). A
    // deployment does this once (or ahead, with `npm run manifest -- sync`); timed apart here.
    const cold = new HttpSession(server.url);
    const coldMs = await signIn(cold, probe);
    console.log(
      `First sign-in on the fresh server (imports the manifest): ${(coldMs / 1000).toFixed(1)} s`,
    );
    if (SCENARIOS.has("calls")) {
      const session = new HttpSession(server.url);
      console.log("\nBungie calls per operation (one player alone, counted by the sandbox):");
      console.log(await callsPerOperation(server.url, session, () => signIn(session, probe)));
    }
    const before = new Map<string, SandboxProfile[]>();
    for (const account of accounts)
      before.set(account, await readSandboxState(server.url, account));
    await sandboxControl(server.url, "latency", {
      fixedMs: Number(args["latency-ms"]),
      jitterMs: Number(args["jitter-ms"]),
    });

    // Each player's signed-in session, kept for the final check of what the app shows.
    const sessions = new Map<string, HttpSession>();
    await sandboxControl(server.url, "stats/reset");
    const started = performance.now();
    const deadline = Date.now() + (runMain ? DURATION_S * 1000 : 0);
    console.log(
      `${PLAYERS} players for ${DURATION_S} s, sandbox latency ${args["latency-ms"]}±${args["jitter-ms"]} ms...`,
    );

    const player = async (account: string) => {
      const session = new HttpSession(server.url);
      try {
        stats.record("sign-in (OAuth round trip)", await signIn(session, account));
        sessions.set(account, session);
      } catch (error) {
        stats.fail("sign-in (OAuth round trip)", String(error).slice(0, 120));
        return;
      }
      // Items this player moves (out to the vault and back home): its unequipped character
      // items, read from its first inventory view, before it has moved anything. Only this
      // player moves them, so no bucket ever holds more than it did.
      let mine: { item: ViewItem; home: string; inVault: boolean }[] | undefined;
      let step = 0;
      while (Date.now() < deadline) {
        const page = PAGES[step % PAGES.length]!;
        step++;
        await timed(stats, `GET ${page}`, () => session.request(page));
        if (Date.now() >= deadline) break;
        const view = await timed(stats, "GET /inventory/view", () =>
          session.request("/inventory/view"),
        );
        if (view && !mine) {
          const items = viewItems(view.body);
          if (!items) stats.fail("GET /inventory/view", "not the view's JSON");
          mine = items
            ?.filter(
              (i) =>
                i.itemInstanceId &&
                i.transferable &&
                i.location === "inventory" &&
                i.ownerCharacterId,
            )
            .sort((a, b) => a.key.localeCompare(b.key))
            .map((item) => ({ item, home: item.ownerCharacterId!, inVault: false }));
        }
        if (view && mine && Date.now() < deadline) {
          // Where its own items are, the player knows from its own moves (the view may be a
          // few seconds old: the server caches it briefly).
          const pick = mine[step % Math.max(1, mine.length)];
          if (pick) {
            const to = pick.inVault ? pick.home : "vault";
            const form = encodeStateAndForm(IDLE, { intent: "move", itemKey: pick.item.key, to });
            const started = performance.now();
            try {
              const outcome = await callAction(session, "/inventory", actionId, form);
              stats.record("move (server action)", performance.now() - started);
              const status = outcome.result?.status;
              if (outcome.response.status >= 500 || !status) {
                outcomes.crashed++;
                stats.fail(
                  "move (server action)",
                  `HTTP ${outcome.response.status}, no action result`,
                );
              } else if (status === "ok") {
                outcomes.moved++;
                pick.inVault = !pick.inVault;
              } else {
                const message = String(outcome.result?.message ?? "");
                outcomes.refused.set(message, (outcomes.refused.get(message) ?? 0) + 1);
              }
            } catch (error) {
              stats.fail("move (server action)", String(error).slice(0, 120));
            }
          }
        }
        await sleep(THINK_MS * (0.5 + Math.random()));
      }
    };
    await Promise.all(accounts.map((account) => player(account)));
    const elapsed = (performance.now() - started) / 1000;
    const runCalls = await readBungieStats(server.url);

    let noisy: Awaited<ReturnType<typeof noisyNeighbour>> | null = null;
    const [victim, hammerer] = accounts.map((a) => sessions.get(a));
    if (SCENARIOS.has("noisy") && victim && hammerer) {
      // Let the run's sends leave Bungie's 10 s window first: the quiet time must be quiet.
      await sleep(11_000);
      noisy = await noisyNeighbour(server.url, victim, hammerer, {
        samples: clamp(Number(args.samples), 3, 100),
        tabs: clamp(Number(args.tabs), 1, 50),
      });
    }

    console.log("");
    console.log(
      `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`,
    );
    console.log(
      `Players ${PLAYERS}, ${elapsed.toFixed(1)} s, ${stats.totalRequests} operations: ${(stats.totalRequests / elapsed).toFixed(1)} per s, ${stats.totalErrors} errors`,
    );
    console.log("");
    console.log(stats.table(elapsed));
    console.log("");
    console.log(
      `Bungie calls during the run: ${runCalls.total} (${(runCalls.total / elapsed).toFixed(1)} per s, ${(runCalls.total / Math.max(1, stats.totalRequests)).toFixed(2)} per operation): ${describeCalls(runCalls)}`,
    );
    const p50 = (kind: string) => percentile(stats.sorted(kind), 0.5) / 1000;
    const p99 = (kind: string) => percentile(stats.sorted(kind), 0.99) / 1000;
    if (runMain) {
      console.log(
        `Goals: vendors p50 ${p50("GET /vendors").toFixed(2)} s (≤ 1.5), p99 ${p99("GET /vendors").toFixed(2)} s (≤ 5), errors ${stats.totalErrors} (0); sign-in p50 ${p50("sign-in (OAuth round trip)").toFixed(2)} s (≤ 2)`,
      );
    }
    if (noisy) {
      console.log(
        `Noisy neighbour: inventory (fresh) p50 quiet ${noisy.quietMs.toFixed(0)} ms, while another player hammers ${noisy.noisyMs.toFixed(0)} ms: ${noisy.ratio.toFixed(2)}x (goal ≤ 1.5); the hammerer made ${noisy.hammerRequests} requests (${noisy.hammerErrors} errors) with ${args.tabs} tabs, Bungie calls ${noisy.bungieCallsPerSecond.toFixed(1)} per s meanwhile; victim errors ${noisy.victimErrors}`,
      );
    }
    console.log("");
    await sandboxControl(server.url, "latency", { fixedMs: 0, jitterMs: 0 });
    const problems: string[] = [];
    for (const account of accounts) {
      const after = await readSandboxState(server.url, account);
      problems.push(...conservationProblems(account, before.get(account)!, after));
      // What the player sees now, against the sandbox's truth (a player whose sign-in failed
      // during the run signs in again for this, outside the figures).
      let viewer = sessions.get(account);
      if (!viewer) {
        viewer = new HttpSession(server.url);
        await signIn(viewer, account).catch(() => undefined);
      }
      const fresh = await viewer.request("/inventory/view?fresh=1").catch((error: unknown) => {
        problems.push(`${account}: no inventory view (${String(error).slice(0, 80)})`);
        return null;
      });
      if (!fresh) continue;
      const items = viewItems(fresh.body);
      if (items) problems.push(...placementProblems(account, items, after));
      else problems.push(`${account}: no inventory view (HTTP ${fresh.response.status})`);
    }
    console.log("Checking every player's items with the sandbox...");
    const log = readFileSync(server.logFile, "utf8");
    const unhandled = log.split("\n").filter((l) => /unhandled ?rejection|uncaught/i.test(l));
    // Every Bungie token the sandbox issued during the run must stay out of the server log.
    let leakedTokens = 0;
    for (const account of accounts) {
      const listed = await fetch(`${server.url}/sandbox/__sandbox/tokens?user=${account}`);
      const { tokens } = (await listed.json()) as { tokens: string[] };
      leakedTokens += tokens.filter(
        (t) => log.includes(t) || log.includes(encodeURIComponent(t)),
      ).length;
    }

    console.log(
      `Moves: ${outcomes.moved} done, ${[...outcomes.refused.values()].reduce((a, b) => a + b, 0)} refused with a message, ${outcomes.crashed} without an answer`,
    );
    for (const [message, n] of outcomes.refused) console.log(`  refused ${n} × ${message}`);
    for (const line of stats.errorList()) console.log(`  error ${line}`);
    console.log(
      `Unhandled errors in the server log: ${unhandled.length}; Bungie tokens in it: ${leakedTokens}`,
    );
    for (const line of unhandled.slice(0, 5)) console.log(`  ${line}`);
    console.log(
      problems.length === 0
        ? "Items: nothing lost, nothing duplicated, every item shown where the sandbox has it."
        : `Item problems (${problems.length}):`,
    );
    for (const line of problems.slice(0, 20)) console.log(`  ${line}`);
    process.exitCode =
      problems.length > 0 || unhandled.length > 0 || leakedTokens > 0 || outcomes.crashed > 0
        ? 1
        : 0;
  } finally {
    await server.close();
  }
}

/** The items of an /inventory/view answer, or null when it is not that JSON. */
function viewItems(body: string): ViewItem[] | null {
  try {
    const items = (JSON.parse(body) as { items?: unknown }).items;
    return Array.isArray(items) ? (items as ViewItem[]) : null;
  } catch {
    return null;
  }
}

async function timed(
  stats: Stats,
  kind: string,
  run: () => Promise<{ response: Response; body: string; ms: number }>,
) {
  try {
    const result = await run();
    stats.record(kind, result.ms);
    if (result.response.status >= 400) {
      stats.fail(kind, `HTTP ${result.response.status}`);
      return null;
    }
    return result;
  } catch (error) {
    stats.fail(kind, String(error).slice(0, 120));
    return null;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
