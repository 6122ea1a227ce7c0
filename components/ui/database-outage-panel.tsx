"use client";

import { DATABASE_UNAVAILABLE_DIGEST, DATABASE_UNAVAILABLE_MESSAGE } from "@/lib/db/unavailable";

/** Whether an error boundary caught a database outage (the server's error keeps its digest). */
export function isDatabaseOutage(error: Error & { digest?: string }): boolean {
  return error.digest === DATABASE_UNAVAILABLE_DIGEST;
}

/**
 * What a page shows when the database went away while it was being made (proxy.ts answers the
 * page views that come after with the 503 outage page). "Try again" reloads the whole page: the
 * app's shell needs the database too.
 */
export function DatabaseOutagePanel() {
  return (
    <section
      role="alert"
      className="border-danger/50 bg-panel mx-auto grid max-w-lg gap-3 rounded-lg border p-6"
    >
      <h1 className="text-2xl font-bold">Warmind cannot reach its database</h1>
      <p className="text-muted">{DATABASE_UNAVAILABLE_MESSAGE}</p>
      <p>
        <button
          type="button"
          onClick={() => window.location.reload()}
          className="border-line hover:bg-panel-2 rounded-md border px-4 py-2 font-medium"
        >
          Try again
        </button>
      </p>
    </section>
  );
}
