// A faithful local stand-in for Bungie.net: OAuth, the /Platform API, the manifest and its
// static content, with a seeded demo world. Framework-free: web-standard Request → Response.
// See sandbox/README.md.
import type { TokenResponse } from "./auth/token-store";
import { handleControl } from "./control";
import { BodyTooLargeError } from "./http/body";
import { platformError } from "./http/envelope";
import { handlePlatform } from "./http/platform";
import { Router } from "./http/router";
import { resolveOptions, type ResolvedOptions, type SandboxOptions } from "./options";
import { serveContent } from "./services/content";
import { actionRoutes } from "./services/destiny2-actions";
import { loadoutRoutes } from "./services/destiny2-loadouts";
import { manifestRoutes } from "./services/destiny2-manifest";
import { profileRoutes } from "./services/destiny2-profile";
import { vendorRoutes } from "./services/destiny2-vendors";
import { groupRoutes } from "./services/groupv2";
import { handleAuthorize, handleToken } from "./services/oauth";
import { renderLandingPage } from "./services/landing-page";
import { userRoutes } from "./services/user";
import { SandboxState } from "./state";
import { DEFAULT_SEED } from "./world/seed-world";

export type { SandboxOptions, ResolvedOptions, TokenResponse };
export { DEMO_USER_KEYS, type DemoUserKey } from "./world/accounts";

export interface Sandbox {
  /** Answer one request (URL paths may carry the configured basePath). */
  handle(request: Request): Promise<Response>;
  /** Rebuild the world and forget tokens, controls and counters. */
  reset(options?: { seed?: number; fullVault?: boolean; clanSize?: number }): void;
  /** Bungie's token response for a demo user ("demo", "rival"...), without the browser. */
  issueToken(user?: string): TokenResponse;
  /** The effective options. */
  readonly options: ResolvedOptions;
  /** Internal state, for tests and the control API. */
  readonly state: SandboxState;
}

function buildRouter(): Router {
  const router = new Router();
  for (const route of [
    ...userRoutes,
    ...manifestRoutes,
    ...profileRoutes,
    ...actionRoutes,
    ...loadoutRoutes,
    ...vendorRoutes,
    ...groupRoutes,
  ]) {
    router.add(route);
  }
  return router;
}

// Browsers may call the Platform API and read content from any origin, as they can Bungie's.
// Nothing that hands out tokens allows it: the token endpoint and the control API send no CORS
// headers, so no other site's script can read what they answer.
const CORS_HEADERS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, POST, OPTIONS",
  "access-control-allow-headers": "X-API-Key, Authorization, Content-Type",
  "access-control-max-age": "86400",
};

function notFound(): Response {
  return new Response("Not Found", { status: 404, headers: { "content-type": "text/plain" } });
}

/** The Platform API's answers may be read cross-origin (they carry no tokens). */
function withCors(response: Response): Response {
  response.headers.set("access-control-allow-origin", "*");
  return response;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Injected latency and hangs apply to Bungie's API and token calls, not to content. */
async function delayAndHang(state: SandboxState, request: Request): Promise<Response | undefined> {
  const { latency, hang } = state.controls;
  const delay =
    latency.fixedMs + (latency.jitterMs > 0 ? state.chaos.next() * latency.jitterMs : 0);
  if (delay > 0) await sleep(delay);
  if (hang.remaining > 0) {
    hang.remaining--;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, hang.maxMs);
      const release = () => {
        clearTimeout(timer);
        state.hung.delete(release);
        resolve();
      };
      state.hung.add(release);
      request.signal.addEventListener("abort", release, { once: true });
    });
    return platformError(3, { status: 504, message: "The request timed out." });
  }
  return undefined;
}

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const resolved = resolveOptions(options, DEFAULT_SEED);
  const state = new SandboxState(resolved);
  const router = buildRouter();
  const base = resolved.basePath;

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    let path = url.pathname;
    if (base) {
      if (
        path.toLowerCase() !== base.toLowerCase() &&
        !path.toLowerCase().startsWith(`${base.toLowerCase()}/`)
      ) {
        return notFound();
      }
      path = path.slice(base.length) || "/";
    }
    const lower = path.toLowerCase();
    // Without the control API (a public demo), its paths do not exist: 404 like any other.
    if (lower.startsWith("/__sandbox")) {
      return resolved.control ? handleControl(state, request, url, path) : notFound();
    }
    const isToken = /^\/platform\/app\/oauth\/token\/?$/.test(lower);
    if (request.method === "OPTIONS") {
      // Preflights succeed for the Platform API only; the token endpoint allows no other origin.
      if (isToken) return new Response(null, { status: 204 });
      return new Response(null, { status: 204, headers: CORS_HEADERS });
    }
    // Bungie serves the consent page under a locale: /en/OAuth/Authorize (any case).
    if (/^\/[a-z]{2}(-[a-z]{2,4})?\/oauth\/authorize\/?$/.test(lower))
      return handleAuthorize(state, request, url);
    if (isToken) {
      state.count("OAuth.Token");
      const held = await delayAndHang(state, request);
      return held ?? handleToken(state, request);
    }
    if (lower === "/platform" || lower.startsWith("/platform/")) {
      const held = await delayAndHang(state, request);
      return withCors(
        held ??
          (await handlePlatform(
            state,
            router,
            request,
            url,
            path.slice("/platform".length) || "/",
          )),
      );
    }
    const content = serveContent(state, path, request.method);
    if (content) return content;
    if (lower === "/" || lower === "")
      return new Response(renderLandingPage(state), {
        headers: { "content-type": "text/html; charset=utf-8" },
      });
    return notFound();
  }

  return {
    handle: async (request) => {
      try {
        return await handle(request);
      } catch (error) {
        if (error instanceof BodyTooLargeError) {
          return new Response(error.message, {
            status: 413,
            headers: { "content-type": "text/plain" },
          });
        }
        console.error("[sandbox] unhandled error:", error);
        return platformError(3);
      }
    },
    reset: (overrides) => state.reset(overrides),
    issueToken: (user = "demo") => {
      const found = state.userByKeyOrId(user);
      if (!found) throw new Error(`unknown sandbox user ${user}`);
      return state.tokens.issueTokens(found.membershipId, state.now(), state.accessTokenTtlSeconds);
    },
    options: resolved,
    state,
  };
}
