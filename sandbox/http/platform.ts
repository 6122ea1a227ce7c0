// The /Platform pipeline, in the order Bungie's front door applies it: maintenance, the
// API key, throttles, injected faults, the bearer token, then the operation itself.
import type { SandboxState } from "../state";
import { getManifestDefinitions } from "../world/definitions";
import { platformError } from "./envelope";
import { ParamError } from "./params";
import type { RequestContext, Router } from "./router";

const WINDOW_SECONDS = 10;

/** Rolling 10 s per-key counter; true when this request goes over the limit. */
function overKeyLimit(state: SandboxState, apiKey: string): boolean {
  const second = Math.floor(state.now() / 1000);
  let window = state.keyWindows.get(apiKey);
  if (!window) {
    window = { second, buckets: new Array<number>(WINDOW_SECONDS).fill(0) };
    state.keyWindows.set(apiKey, window);
  }
  const elapsed = second - window.second;
  if (elapsed > 0) {
    for (let i = 1; i <= Math.min(elapsed, WINDOW_SECONDS); i++)
      window.buckets[(window.second + i) % WINDOW_SECONDS] = 0;
    window.second = second;
  }
  const slot = second % WINDOW_SECONDS;
  window.buckets[slot] = (window.buckets[slot] ?? 0) + 1;
  const total = window.buckets.reduce((sum, n) => sum + n, 0);
  return total > state.controls.rateLimitPerSecond * WINDOW_SECONDS;
}

function bearerToken(request: Request): string | undefined {
  const header = request.headers.get("authorization");
  if (!header) return undefined;
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  return match?.[1]?.trim();
}

export async function handlePlatform(
  state: SandboxState,
  router: Router,
  request: Request,
  url: URL,
  path: string,
): Promise<Response> {
  const match = router.match(request.method, path);
  if (match.kind !== "match") {
    state.count("NotFound");
    return match.kind === "method-not-allowed"
      ? platformError(9, {
          status: 405,
          message: "The requested HTTP method is not supported by this endpoint.",
        })
      : platformError(21, { status: 404 });
  }
  const { route, params } = match;
  state.count(route.operation);
  const actionResponse = route.action ? { response: 0 } : {};

  if (state.controls.maintenance) return platformError(5, { status: 503, ...actionResponse });

  const apiKey = request.headers.get("x-api-key");
  if (!apiKey) return platformError(2102, actionResponse);
  if (apiKey !== state.options.apiKey) return platformError(2101, actionResponse);
  if (overKeyLimit(state, apiKey))
    return platformError(31, { throttleSeconds: 10, ...actionResponse });

  const throttle = state.controls.throttle;
  if (throttle.enabled && (throttle.remaining === null || throttle.remaining > 0)) {
    if (throttle.remaining !== null) {
      throttle.remaining--;
      if (throttle.remaining === 0) throttle.enabled = false;
    }
    return platformError(throttle.errorCode, {
      throttleSeconds: throttle.throttleSeconds,
      ...actionResponse,
    });
  }

  const errorRate = state.controls.errorRate;
  if (!route.action && errorRate.rate > 0 && state.chaos.next() < errorRate.rate) {
    return platformError(3, { status: errorRate.status });
  }

  let viewer;
  const token = bearerToken(request);
  if (token !== undefined) {
    const check = state.tokens.checkAccess(token, state.now());
    if (check.status === "expired") return platformError(2111, actionResponse);
    if (check.status !== "ok") return platformError(99, actionResponse);
    // A visitor's demo copy counts as used with each call; one that expired is gone now.
    if (state.copies && !state.copies.use(state.world, check.bnetId, state.realNow()))
      return platformError(99, actionResponse);
    viewer = state.world.users.get(check.bnetId);
    if (!viewer) return platformError(99, actionResponse);
  }
  if (route.auth && !viewer) return platformError(99, actionResponse);

  const ctx: RequestContext = {
    state,
    defs: getManifestDefinitions(),
    request,
    url,
    params,
    viewer,
  };
  try {
    return await route.handler(ctx);
  } catch (error) {
    if (error instanceof ParamError) return error.toResponse(route.action ? 0 : undefined);
    console.error(`[sandbox] ${route.operation} failed:`, error);
    return platformError(3, actionResponse);
  }
}
