"use client";

import { useActionState } from "react";
import { vendorDetailsAction } from "@/app/vendors/actions";
import type { VendorDetailsState } from "@/lib/vendors/read-vendor-details";

const IDLE: VendorDetailsState = { status: "idle" };

/**
 * Power and gear tier of a vendor's gear come only from GetVendor (one vendor a call): asked for
 * here, by the player, for the vendor they opened. `children` renders the sales with what came.
 */
export function VendorDetails({
  characterId,
  vendorHash,
  children,
}: {
  characterId: string;
  vendorHash: number;
  children: (
    details: Extract<VendorDetailsState, { status: "ok" }>["details"] | null,
  ) => React.ReactNode;
}) {
  const [state, action, pending] = useActionState(vendorDetailsAction, IDLE);
  return (
    <>
      {state.status !== "ok" ? (
        <form action={action} className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
          <input type="hidden" name="characterId" value={characterId} />
          <input type="hidden" name="vendorHash" value={vendorHash} />
          <button
            type="submit"
            disabled={pending}
            className="border-line hover:bg-panel-2 rounded-md border px-3 py-1.5 font-medium disabled:opacity-60"
          >
            {pending ? "Asking Bungie.net…" : "Show power and gear tier"}
          </button>
          <span aria-live="polite" className="text-danger">
            {state.status === "error" ? state.message : ""}
          </span>
        </form>
      ) : null}
      {children(state.status === "ok" ? state.details : null)}
    </>
  );
}
