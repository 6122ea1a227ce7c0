// What every entry point answers while the database is away: route handlers a 503 JSON (or, for
// pages people open from an email, the same words as a page), signed-in page views the outage
// page (proxy.ts), each with Retry-After. Server actions answer through runPlayerAction.
import {
  DATABASE_RETRY_AFTER_SECONDS,
  DATABASE_UNAVAILABLE_MESSAGE,
  databaseOutageJson,
  isDatabaseUnavailable,
} from "@/lib/db/unavailable";
import { linkPage } from "@/lib/email/link-page";
import { log } from "@/lib/log";

const RETRY_HEADERS = {
  "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS),
  "Cache-Control": "no-store",
};

/** 503 page: the app's shell needs the database too, so this one stands alone. */
export function databaseOutagePage(retryHref: string): Response {
  const page = linkPage({
    status: 503,
    title: "Warmind cannot reach its database",
    message: DATABASE_UNAVAILABLE_MESSAGE,
    link: { href: retryHref, label: "Try again" },
  });
  for (const [name, value] of Object.entries(RETRY_HEADERS)) page.headers.set(name, value);
  return page;
}

type RouteHandler<C> = (request: Request, context?: C) => Promise<Response>;

/**
 * Wraps a route handler: a database outage anywhere inside answers 503 (JSON, or the outage
 * page with `as: "page"`) instead of a 500. Other errors pass through.
 */
export function guardRoute<C, R extends Request = Request>(
  handler: (request: R, context: C) => Promise<Response>,
  options: { as?: "json" | "page" } = {},
): RouteHandler<C> {
  return async (request, context) => {
    try {
      return await handler(request as R, context as C);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      const url = new URL(request.url);
      log.warn("route.database_unavailable", { path: url.pathname, error });
      return options.as === "page"
        ? databaseOutagePage(`${url.pathname}${url.search}`)
        : databaseOutageJson();
    }
  };
}
