"use client";

import { useActionState } from "react";
import { refreshVendorsAction } from "@/app/vendors/actions";
import type { RefreshVendorsState } from "@/lib/vendors/refresh-vendors";
import { formatUtc } from "@/lib/vendors/format";

const IDLE: RefreshVendorsState = { status: "idle" };

/**
 * Sales are kept until the vendors refresh; a player who just bought something in the game asks
 * Bungie again here (one call, a few a minute at most).
 */
export function RefreshButton({ characterId, readAt }: { characterId: string; readAt: string }) {
  const [state, action, pending] = useActionState(refreshVendorsAction, IDLE);
  return (
    <form action={action} className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      <input type="hidden" name="characterId" value={characterId} />
      <button
        type="submit"
        disabled={pending}
        className="border-line hover:bg-panel-2 rounded-md border px-3 py-2 font-medium disabled:opacity-60"
      >
        {pending ? "Asking Bungie.net…" : "Refresh sales"}
      </button>
      <span aria-live="polite" className="text-muted" data-testid="vendors-read-at">
        {state.status === "error" ? (
          <span className="text-danger">{state.message}</span>
        ) : (
          `Read from Bungie.net ${formatUtc(state.status === "refreshed" ? state.readAt : readAt)}`
        )}
      </span>
    </form>
  );
}
