"use client";

import { DatabaseOutagePanel, isDatabaseOutage } from "@/components/ui/database-outage-panel";

// Any page's last resort for a failure its loader did not turn into a message: a database
// outage says so (the session is safe), anything else offers a retry.
export default function PageError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  if (isDatabaseOutage(error)) return <DatabaseOutagePanel />;
  return (
    <section
      role="alert"
      className="border-danger/50 bg-panel mx-auto grid max-w-lg gap-3 rounded-lg border p-6"
    >
      <h1 className="text-2xl font-bold">Something went wrong</h1>
      <p className="text-muted">Warmind could not show this page. Please try again.</p>
      <p>
        <button
          type="button"
          onClick={reset}
          className="border-line hover:bg-panel-2 rounded-md border px-4 py-2 font-medium"
        >
          Try again
        </button>
      </p>
    </section>
  );
}
