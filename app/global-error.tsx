"use client";

import { DatabaseOutagePanel, isDatabaseOutage } from "@/components/ui/database-outage-panel";
import "./globals.css";

// When the root layout itself fails (it reads the session for the header): the page stands
// alone, in the app's own look.
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en">
      <body className="min-h-dvh antialiased">
        <main id="main" className="mx-auto w-full max-w-6xl px-4 pt-6 pb-24 sm:px-6">
          {isDatabaseOutage(error) ? (
            <DatabaseOutagePanel />
          ) : (
            <section
              role="alert"
              className="border-danger/50 bg-panel mx-auto grid max-w-lg gap-3 rounded-lg border p-6"
            >
              <h1 className="text-2xl font-bold">Something went wrong</h1>
              <p className="text-muted">Warmind could not show this page. Please reload it.</p>
            </section>
          )}
        </main>
      </body>
    </html>
  );
}
