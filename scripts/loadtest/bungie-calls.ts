// Bungie calls per operation, counted by the sandbox (its per-endpoint stats): one signed-in
// player does each operation alone, on a quiet server, and the sandbox says what it cost.
import type { HttpSession } from "./http-session";
import { sandboxControl } from "./sandbox-state";

type SandboxStats = { total: number; operations: Record<string, number> };

/**
 * Calls that count against the source IP's budget: not static content, and not the consent
 * page (OAuth.Authorize), which the player's browser loads from Bungie.net, not our server.
 */
const counted = (operation: string) =>
  !operation.startsWith("Content.") && operation !== "OAuth.Authorize";

/** The sandbox's counts since its last stats reset (total: the budget's calls only). */
export async function readBungieStats(origin: string): Promise<SandboxStats> {
  const response = await fetch(`${origin}/sandbox/__sandbox/stats`);
  if (!response.ok) throw new Error(`sandbox stats: ${response.status}`);
  const { operations } = (await response.json()) as SandboxStats;
  const total = Object.entries(operations)
    .filter(([op]) => counted(op))
    .reduce((sum, [, n]) => sum + n, 0);
  return { total, operations };
}

/** The Bungie endpoints (not static content) of a stats answer, most called first. */
export function describeCalls(stats: SandboxStats): string {
  return Object.entries(stats.operations)
    .filter(([op]) => counted(op))
    .sort(([, a], [, b]) => b - a)
    .map(([op, n]) => `${n} ${op}`)
    .join(", ");
}

/** Runs `operation` alone and returns what Bungie calls it made. */
export async function countCalls(origin: string, operation: () => Promise<unknown>) {
  await sandboxControl(origin, "stats/reset");
  await operation();
  return readBungieStats(origin);
}

/** The table of calls per operation, for one fresh player (`session` signed in by `signIn`). */
export async function callsPerOperation(
  origin: string,
  session: HttpSession,
  signIn: () => Promise<unknown>,
): Promise<string> {
  const rows: [string, SandboxStats][] = [];
  const measure = async (label: string, operation: () => Promise<unknown>) =>
    rows.push([label, await countCalls(origin, operation)]);
  await measure("sign-in (OAuth round trip, lands on /account)", signIn);
  await measure("GET /account (again)", () => session.request("/account"));
  await measure("GET /inventory", () => session.request("/inventory"));
  await measure("GET /inventory/view", () => session.request("/inventory/view"));
  await measure("GET /inventory/view?fresh=1", () => session.request("/inventory/view?fresh=1"));
  await measure("GET /clan (first view)", () => session.request("/clan"));
  await measure("GET /clan (repeat)", () => session.request("/clan"));
  await measure("GET /vendors (first view)", () => session.request("/vendors"));
  await measure("GET /vendors (repeat)", () => session.request("/vendors"));
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows
    .map(
      ([label, stats]) =>
        `${label.padEnd(width)}  ${String(stats.total).padStart(4)}  ${describeCalls(stats)}`,
    )
    .join("\n");
}
