import { AsyncLocalStorage } from "node:async_hooks";
import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external";

// Every log line names the request it belongs to. proxy.ts gives each request an id (the
// incoming `x-request-id` when a load balancer set a well-formed one, else a fresh UUID) and
// passes it on as a request header, which server components, server actions and route handlers
// see. Commands (the digest run) set their own with withRequestId().

export const REQUEST_ID_HEADER = "x-request-id";

// Ids from load balancers and tracing systems: UUIDs, hex, base64, dotted or colon-separated
// spans, AWS's `Root=1-…`. 8 to 128 characters and nothing that could break a log line or
// smuggle text into it (no spaces, quotes, newlines).
const WELL_FORMED = /^[A-Za-z0-9][A-Za-z0-9._:=+/-]{7,127}$/;

export function isWellFormedRequestId(value: string | null | undefined): value is string {
  return typeof value === "string" && WELL_FORMED.test(value);
}

/** The incoming id when it is well-formed, otherwise a new one. */
export function acceptRequestId(incoming: string | null | undefined): string {
  return isWellFormedRequestId(incoming) ? incoming : crypto.randomUUID();
}

// One store for the whole process (Next.js bundles this module once per layer).
const globalForIds = globalThis as unknown as { warmindRequestIds?: AsyncLocalStorage<string> };
const own = (globalForIds.warmindRequestIds ??= new AsyncLocalStorage<string>());

/** Runs `fn` with `id` as the request id of every line it logs (commands, jobs, tests). */
export function withRequestId<T>(id: string, fn: () => T): T {
  return own.run(id, fn);
}

/** The id of the request (or run) this code is serving, if any. */
export function currentRequestId(): string | undefined {
  const mine = own.getStore();
  if (mine) return mine;
  try {
    // Next.js keeps the request's headers in its own async context; proxy.ts set the id there.
    const store = workUnitAsyncStorage.getStore() as
      { headers?: { get?: (name: string) => string | null } } | undefined;
    const id = store?.headers?.get?.(REQUEST_ID_HEADER);
    return isWellFormedRequestId(id) ? id : undefined;
  } catch {
    return undefined;
  }
}
