// A database outage, told apart from everything else that can go wrong with a query. The driver
// guard (guard.ts) turns every connection failure into a DatabaseUnavailableError before Prisma
// sees it, so pages, actions and route handlers can say "try again in a moment" instead of
// "sign in" or "something went wrong".

/** What the player reads, on pages, in server actions and in route handlers' JSON. */
export const DATABASE_UNAVAILABLE_MESSAGE =
  "Warmind cannot reach its database right now; your session is safe, try again in a moment.";

/** Seconds a client should wait before retrying (the `Retry-After` of 503 answers). */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * The answer of a route handler (JSON) while the database is away: 503 with Retry-After and
 * `{ error: "database-unavailable", message }`.
 */
export function databaseOutageJson(): Response {
  return Response.json(
    { error: "database-unavailable", message: DATABASE_UNAVAILABLE_MESSAGE },
    {
      status: 503,
      headers: {
        "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS),
        "Cache-Control": "no-store",
      },
    },
  );
}

/**
 * Next.js keeps an error's own `digest` when it sends a server error to the browser, where the
 * message is hidden: error boundaries recognise an outage by it.
 */
export const DATABASE_UNAVAILABLE_DIGEST = "WARMIND_DATABASE_UNAVAILABLE";

// A brand rather than instanceof: Next.js bundles a module once per layer, so the class that
// threw and the class a caller checks against may be two copies.
const BRAND = Symbol.for("warmind.databaseUnavailable");

export class DatabaseUnavailableError extends Error {
  override readonly name = "DatabaseUnavailableError";
  readonly digest = DATABASE_UNAVAILABLE_DIGEST;
  readonly [BRAND] = true;

  constructor(cause?: unknown) {
    super(`Database unreachable: ${describe(cause)}`, { cause });
  }
}

/** True for a DatabaseUnavailableError, and for a raw connection failure the guard did not see. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return (
    (typeof error === "object" && error !== null && BRAND in error) || isConnectionFailure(error)
  );
}

// node-postgres and Node's sockets: the server is not there, went away, or does not answer.
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
]);
// PostgreSQL's SQLSTATEs for the same: class 08 (connection exception), the server shutting down
// or starting up (57P01-57P03), and no connection slot free (53300).
const SERVER_CODES = /^(08...|57P0[1-3]|53300)$/;
// Prisma's codes: can't reach (P1001), timed out (P1002, P1008), closed (P1017), pool (P2024).
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
// Prisma's driver-adapter error kinds for the same failures.
const ADAPTER_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "DatabaseUnavailable",
]);
// Failures node-postgres reports without a code.
const MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error/i,
  /Can't reach database server/i,
  /Server has closed the connection/i,
  /Connection ended unexpectedly/i,
];

/** Whether `error` (or one of its causes) says the database could not be reached. */
export function isConnectionFailure(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const e = current as { code?: unknown; kind?: unknown; cause?: unknown; message?: unknown };
    const code = typeof e.code === "string" ? e.code : "";
    if (SOCKET_CODES.has(code) || SERVER_CODES.test(code) || PRISMA_CODES.has(code)) return true;
    if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return true;
    if (typeof e.message === "string" && MESSAGES.some((m) => m.test(e.message as string))) {
      return true;
    }
    current = e.cause;
  }
  return false;
}

function describe(cause: unknown): string {
  if (!cause || typeof cause !== "object") return String(cause ?? "unknown");
  const e = cause as { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown };
  const kind = typeof e.kind === "string" ? e.kind : undefined;
  const inner = e.cause as { kind?: unknown } | undefined;
  const innerKind = typeof inner?.kind === "string" ? inner.kind : undefined;
  const code = typeof e.code === "string" ? e.code : undefined;
  return [code, kind ?? innerKind, typeof e.message === "string" ? e.message : undefined]
    .filter(Boolean)
    .join(" ")
    .slice(0, 200);
}
