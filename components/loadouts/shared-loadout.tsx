"use client";

import { useActionState } from "react";
import { copySharedAction } from "@/app/loadouts/saved/actions";
import type { SharedPageView } from "@/lib/loadouts/saved-view-types";
import { IDLE_STATE } from "./saved-state";

/** A loadout someone shared: its items, perks and subclass, and a copy button. */
export function SharedLoadout({ view }: { view: SharedPageView }) {
  const [state, copy, copying] = useActionState(copySharedAction, IDLE_STATE);
  const { loadout } = view;
  return (
    <div className="grid gap-3">
      <h1 className="text-2xl font-bold">{loadout.name}</h1>
      <p className="text-muted">
        A {loadout.className} loadout{view.ownerName ? ` shared by ${view.ownerName}` : ""}.
      </p>
      <ul className="grid gap-2">
        {loadout.items.map((item) => (
          <li
            key={item.itemInstanceId}
            className="border-line grid grid-cols-[2.5rem_minmax(0,1fr)] items-center gap-x-2 gap-y-1 border-t pt-2 first:border-t-0 first:pt-0"
            data-owned={item.owned}
          >
            {/* Bungie icons are already small PNGs, served as they are. */}
            {item.icon ? (
              // eslint-disable-next-line @next/next/no-img-element
              <img src={item.icon} alt="" width={40} height={40} />
            ) : (
              <span />
            )}
            <span className="flex flex-wrap items-center gap-x-2">
              <span className="font-medium">{item.name}</span>
              {/* What the viewer lacks stands out: it is what copying will not give them. */}
              <span
                className={
                  item.owned
                    ? "text-muted text-sm"
                    : "border-accent text-accent rounded border px-1.5 text-xs"
                }
              >
                {item.owned ? "You have one" : "You don't have this"}
              </span>
            </span>
            {item.plugs.length > 0 ? (
              <span className="text-muted col-start-2 text-xs">
                {item.plugs.map((p) => p.name).join(" · ")}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      {view.ownedByViewer ? (
        <p>This is your loadout.</p>
      ) : (
        <form action={copy}>
          <input type="hidden" name="shareId" value={view.shareId} />
          <button
            disabled={copying}
            className="border-accent text-accent min-h-11 rounded-md border px-3"
          >
            Copy to my loadouts
          </button>
        </form>
      )}
      <p aria-live="polite">{state.message}</p>
    </div>
  );
}
