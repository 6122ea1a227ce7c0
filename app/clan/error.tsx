"use client";

import { ClanUnavailableClient } from "@/components/clan/clan-error";

// Failures the loader did not turn into a message (a database outage, a bug): the rest of the
// app stays usable and the player can retry.
export default function ClanError({ reset }: { error: Error; reset: () => void }) {
  return <ClanUnavailableClient onRetry={reset} />;
}
