// The clan page's figures against the Bungie sandbox over real HTTP with realistic latency, for a
// 100-member clan: time until the roster can paint and until every member's details are in,
// Bungie calls on the first and the second visit, and what happens when member calls fail or are
// throttled. The page's own code path is measured (buildClanPage, the loader the page awaits
// before its first paint, and the detail promises it streams); the browser adds its render on top.
//   npx tsx --conditions=react-server bench/clan.ts
import { createPool } from "../lib/async/pool";
import { createBungieClient, type BungieClient } from "../lib/bungie/http";
import { BUNGIE_LIMITS } from "../lib/bungie/limits";
import { createMemoryLimiter } from "../lib/bungie/memory-limit-store";
import { createCache } from "../lib/cache/cache";
import { buildClanPage, type ClanPageData } from "../lib/clan/build-clan-page";
import { createClanSource } from "../lib/clan/clan-source";
import { MEMBER_DETAILS_CONCURRENCY } from "../lib/clan/default-source";
import type { MemberDetailsView } from "../lib/clan/types";
import { gameFactsNamer } from "../lib/clan/views";
import { startSandboxServer } from "../sandbox/node-server";

/** Bungie's GetProfile usually answers in 100-400 ms; the sandbox waits 120 ms + up to 200 ms. */
const LATENCY = { fixedMs: 120, jitterMs: 200 };
const CLAN_SIZE = 100;

const server = await startSandboxServer({ port: 0 });
const origin = server.url;

async function control(path: string, body: unknown = {}) {
  const response = await fetch(`${origin}/__sandbox/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`sandbox control ${path}: ${response.status}`);
}

async function stats(): Promise<{ total: number; operations: Record<string, number> }> {
  return (await (await fetch(`${origin}/__sandbox/stats`)).json()) as {
    total: number;
    operations: Record<string, number>;
  };
}

async function demoAccount() {
  const { users } = (await (await fetch(`${origin}/__sandbox/users`)).json()) as {
    users: {
      key: string;
      profiles: { membershipId: string; membershipType: number; isOverridden: boolean }[];
    }[];
  };
  const profile = users.find((u) => u.key === "demo")!.profiles.find((p) => !p.isOverridden)!;
  return { membershipType: profile.membershipType, membershipId: profile.membershipId };
}

function newClient(): BungieClient {
  return createBungieClient({
    origin,
    apiKey: "sandbox-api-key",
    limiter: createMemoryLimiter(BUNGIE_LIMITS),
    logger: () => {},
  });
}

type Visit = {
  rosterMs: number;
  firstDetailMs: number;
  completeMs: number;
  calls: number;
  statuses: Record<string, number>;
};

/** One visit: what the page awaits (roster), then every streamed detail. */
async function visit(build: () => Promise<ClanPageData>): Promise<Visit> {
  const before = (await stats()).total;
  const start = performance.now();
  const data = await build();
  const rosterMs = performance.now() - start;
  if (data.kind !== "clan") throw new Error(`expected the clan page, got ${data.kind}`);
  let firstDetailMs = Number.POSITIVE_INFINITY;
  const details = await Promise.all(
    Object.values(data.details).map((p) =>
      Promise.resolve(p).then((d: MemberDetailsView) => {
        firstDetailMs = Math.min(firstDetailMs, performance.now() - start);
        return d;
      }),
    ),
  );
  const completeMs = performance.now() - start;
  const statuses: Record<string, number> = {};
  for (const d of details) {
    const label = d.status === "unavailable" ? `unavailable (${d.reason})` : d.status;
    statuses[label] = (statuses[label] ?? 0) + 1;
  }
  return { rosterMs, firstDetailMs, completeMs, calls: (await stats()).total - before, statuses };
}

function page(
  concurrency = MEMBER_DETAILS_CONCURRENCY,
  account?: { membershipType: number; membershipId: string },
) {
  let now = Date.now();
  const client = newClient();
  const source = createClanSource({
    cache: createCache({ now: () => now }),
    pool: createPool(concurrency),
    client,
  });
  return {
    source,
    client,
    advance: (ms: number) => (now += ms),
    build: async () =>
      buildClanPage(account ?? (await demoAccount()), {
        source,
        namer: gameFactsNamer,
        assetUrl: (p) => p ?? "",
      }),
  };
}

const ms = (n: number) => `${Math.round(n).toLocaleString("en-US")} ms`.padStart(9);
function report(label: string, v: Visit) {
  console.log(
    `${label.padEnd(44)} roster ${ms(v.rosterMs)} · first detail ${ms(v.firstDetailMs)} · all details ${ms(v.completeMs)} · ${String(v.calls).padStart(3)} Bungie calls · ${Object.entries(
      v.statuses,
    )
      .map(([k, n]) => `${n} ${k}`)
      .join(", ")}`,
  );
}

async function fresh() {
  await control("reset", { clanSize: CLAN_SIZE });
  await control("latency", LATENCY);
  await control("stats/reset");
}

try {
  console.log(
    `${CLAN_SIZE}-member clan, sandbox latency ${LATENCY.fixedMs}-${LATENCY.fixedMs + LATENCY.jitterMs} ms per call, ${MEMBER_DETAILS_CONCURRENCY} member profiles at once\n`,
  );

  await fresh();
  const account = await demoAccount();
  const app = page(MEMBER_DETAILS_CONCURRENCY, account);
  report("first visit (cold cache)", await visit(app.build));
  report("second visit (within 5 min)", await visit(app.build));
  app.advance(5 * 60_000 + 1);
  report("visit after 5 min (cache expired)", await visit(app.build));

  console.log("\nMember profiles fetched at once (first visit):");
  for (const concurrency of [1, 5, 10, 20]) {
    await fresh();
    report(`  ${concurrency} at once`, await visit(page(concurrency, account).build));
  }

  console.log("\nWhen member calls fail (roster already cached, faults hit member profiles only):");
  const faults: [string, string, unknown][] = [
    ["20% of calls fail (Bungie error 3)", "error-rate", { rate: 0.2, status: 500 }],
    ["10 calls throttled 2 s (waited out)", "throttle", { count: 10, throttleSeconds: 2 }],
    ["10 calls throttled 60 s (shown unavailable)", "throttle", { count: 10, throttleSeconds: 60 }],
    ["every call fails", "error-rate", { rate: 1, status: 500 }],
  ];
  for (const [label, path, body] of faults) {
    await fresh();
    const faulty = page(MEMBER_DETAILS_CONCURRENCY, account);
    const membership = (await faulty.source.findClanOf(account))!;
    await faulty.source.getRoster(membership);
    await control(path, body);
    report(`  ${label}`, await visit(faulty.build));
    await control("error-rate", { rate: 0 });
    await control("throttle", { enabled: false });
    faulty.advance(30_000);
    report(`  … 30 s later, Bungie healthy again`, await visit(faulty.build));
  }
} finally {
  await server.close();
}
