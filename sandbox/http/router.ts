// A tiny router over Bungie's path templates. Bungie's platform is ASP.NET: paths match
// case-insensitively and the trailing slash is optional.
import type { ManifestDefinitions } from "../world/definitions";
import type { SandboxState } from "../state";
import type { BungieUser } from "../world/types";

export interface RequestContext {
  state: SandboxState;
  defs: ManifestDefinitions;
  request: Request;
  url: URL;
  params: Record<string, string>;
  /** The signed-in Bungie.net user, when a valid bearer token came with the request. */
  viewer?: BungieUser;
}

export type Handler = (ctx: RequestContext) => Response | Promise<Response>;

export interface Route {
  method: "GET" | "POST";
  /** Bungie's template relative to /Platform, e.g. "/Destiny2/{membershipType}/Profile/{destinyMembershipId}/". */
  template: string;
  /** Operation id (spec naming), used for /__sandbox/stats. */
  operation: string;
  /** Needs a valid bearer token (99 WebAuthRequired otherwise). */
  auth?: boolean;
  /** Item actions: subject to the 0.1 s per-user throttle and never hit by injected read errors. */
  action?: boolean;
  handler: Handler;
}

interface CompiledRoute extends Route {
  regex: RegExp;
  names: string[];
}

export type RouteMatch =
  | { kind: "match"; route: Route; params: Record<string, string> }
  | { kind: "method-not-allowed" }
  | { kind: "not-found" };

export class Router {
  private readonly routes: CompiledRoute[] = [];

  add(route: Route): this {
    const names: string[] = [];
    const pattern = route.template
      .replace(/\/+$/, "")
      .split("/")
      .map((part) => {
        const param = /^\{(\w+)\}$/.exec(part);
        if (param?.[1]) {
          names.push(param[1]);
          return "([^/]+)";
        }
        return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      })
      .join("/");
    this.routes.push({ ...route, names, regex: new RegExp(`^${pattern}/?$`, "i") });
    return this;
  }

  match(method: string, path: string): RouteMatch {
    let methodMismatch = false;
    for (const route of this.routes) {
      const found = route.regex.exec(path);
      if (!found) continue;
      if (route.method !== method && !(method === "HEAD" && route.method === "GET")) {
        methodMismatch = true;
        continue;
      }
      const params: Record<string, string> = {};
      route.names.forEach((name, i) => {
        params[name] = decodeURIComponent(found[i + 1] ?? "");
      });
      return { kind: "match", route, params };
    }
    return methodMismatch ? { kind: "method-not-allowed" } : { kind: "not-found" };
  }
}
