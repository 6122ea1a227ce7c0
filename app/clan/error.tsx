"use client";

import { ClanUnavailableClient } from "@/components/clan/clan-error";
import { DatabaseOutagePanel, isDatabaseOutage } from "@/components/ui/database-outage-panel";

// Failures the loader did not turn into a message (a database outage, a bug): the rest of the
// app stays usable and the player can retry.
export default function ClanError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  if (isDatabaseOutage(error)) return <DatabaseOutagePanel />;
  return <ClanUnavailableClient onRetry={reset} />;
}
