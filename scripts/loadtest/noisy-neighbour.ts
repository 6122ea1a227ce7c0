// One player hammering (a refresh loop on /inventory/view?fresh=1 and /vendors, several tabs at
// once) while another player's inventory, read fresh from Bungie, is timed against its time on a
// quiet server. The figure: the ratio of the two medians (goal ≤ 1.5).
import type { HttpSession } from "./http-session";
import { readBungieStats } from "./bungie-calls";
import { sandboxControl } from "./sandbox-state";
import { percentile } from "./stats";

const QUIET_PATH = "/inventory/view?fresh=1";
const HAMMER_PATHS = ["/inventory/view?fresh=1", "/vendors"] as const;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type NoisyResult = {
  quietMs: number;
  noisyMs: number;
  ratio: number;
  hammerRequests: number;
  hammerErrors: number;
  bungieCallsPerSecond: number;
  victimErrors: number;
};

async function timeViews(session: HttpSession, count: number, errors: { n: number }) {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const view = await session.request(QUIET_PATH);
    if (view.response.status !== 200) errors.n++;
    times.push(view.ms);
    await sleep(300);
  }
  return percentile(
    times.sort((a, b) => a - b),
    0.5,
  );
}

export async function noisyNeighbour(
  origin: string,
  victim: HttpSession,
  hammerer: HttpSession,
  options: { samples: number; tabs: number },
): Promise<NoisyResult> {
  const victimErrors = { n: 0 };
  const quietMs = await timeViews(victim, options.samples, victimErrors);
  let stop = false;
  let hammerRequests = 0;
  let hammerErrors = 0;
  const tabs = Array.from({ length: options.tabs }, async (_, tab) => {
    for (let i = tab; !stop; i++) {
      const path = HAMMER_PATHS[i % HAMMER_PATHS.length]!;
      try {
        const result = await hammerer.request(path);
        hammerRequests++;
        if (result.response.status >= 400) hammerErrors++;
      } catch {
        hammerErrors++;
      }
    }
  });
  await sleep(3_000); // the hammering has filled what it can of the window
  await sandboxControl(origin, "stats/reset");
  const started = performance.now();
  const noisyMs = await timeViews(victim, options.samples, victimErrors);
  const bungie = await readBungieStats(origin);
  const seconds = (performance.now() - started) / 1000;
  stop = true;
  await Promise.all(tabs);
  return {
    quietMs,
    noisyMs,
    ratio: noisyMs / quietMs,
    hammerRequests,
    hammerErrors,
    bungieCallsPerSecond: bungie.total / seconds,
    victimErrors: victimErrors.n,
  };
}
