// Counts the Bungie calls of a digest run per subscriber, where the limiter sees them: every
// call asks it for a slot, token refreshes included. The subscriber is known from the async
// context the run's loader runs in; the shared GetPublicVendors is counted apart.
import { AsyncLocalStorage } from "node:async_hooks";
import {
  createBungieClient,
  createMemoryLimiter,
  unlimited,
  type BungieClient,
} from "@/lib/bungie";
import { DEMO_BUNGIE_APP } from "@/lib/env-schema";

export type SubscriberCalls = { platform: number; tokenRefreshes: number };

export type CallCounter = {
  client: BungieClient;
  /** Runs `task` as subscriber `id`: the calls it makes count as theirs. */
  as<T>(id: string, task: () => Promise<T>): Promise<T>;
  perSubscriber: Map<string, SubscriberCalls>;
  /** Calls made for everybody (GetPublicVendors). */
  shared(): number;
};

/**
 * `paced`: Bungie's real pacing (25/s); off for a benchmark that projects the time instead.
 * `timeoutMs`: the reads' timeout (the client's default 10 s): a test that asserts exact counts
 * on a busy machine sets it long, since a read that times out is sent again and counted twice.
 */
export function createCallCounter(
  origin: string,
  options: { paced?: boolean; timeoutMs?: number } = {},
): CallCounter {
  const context = new AsyncLocalStorage<string>();
  const perSubscriber = new Map<string, SubscriberCalls>();
  let shared = 0;
  const limiter = options.paced === false ? unlimited : createMemoryLimiter();
  const client = createBungieClient({
    origin,
    ...DEMO_BUNGIE_APP,
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    limiter: {
      ...limiter,
      acquireRequest: (ticket) => {
        if (ticket?.player === "digest:public-vendors") shared++;
        else {
          const id = context.getStore() ?? "(outside a subscriber)";
          const calls = perSubscriber.get(id) ?? { platform: 0, tokenRefreshes: 0 };
          if (ticket?.priority === "token") calls.tokenRefreshes++;
          else calls.platform++;
          perSubscriber.set(id, calls);
        }
        return limiter.acquireRequest(ticket);
      },
    },
  });
  return {
    client,
    as: (id, task) => context.run(id, task),
    perSubscriber,
    shared: () => shared,
  };
}
