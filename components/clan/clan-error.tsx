"use client";

/** The clan route's error boundary: something failed that was not Bungie saying no. */
export function ClanUnavailableClient({ onRetry }: { onRetry: () => void }) {
  return (
    <section
      role="alert"
      className="border-danger/50 bg-panel mx-auto grid max-w-lg gap-3 rounded-lg border p-6"
    >
      <h1 className="text-2xl font-bold">Something went wrong</h1>
      <p className="text-muted">Warmind could not show this clan page. Please try again.</p>
      <p>
        <button
          type="button"
          onClick={onRetry}
          className="border-line hover:bg-panel-2 rounded-md border px-4 py-2 font-medium"
        >
          Try again
        </button>
      </p>
    </section>
  );
}
