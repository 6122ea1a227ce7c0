"use client";

import { startTransition, useActionState, useState } from "react";
import { writeSlotAction } from "@/app/loadouts/saved/actions";
import type {
  GameSlotView,
  SavedLoadoutView,
  SavedPageView,
} from "@/lib/loadouts/saved-view-types";
import { IDLE_STATE } from "./saved-state";

const field = "border-line bg-panel min-h-11 w-full rounded-md border px-2";

function slotLabel(slot: GameSlotView, characterName: string): string {
  return `${characterName} · Slot ${slot.index + 1} · ${slot.empty ? "empty" : `${slot.name} (overwrite)`}`;
}

/**
 * "Save to game slot": writes a saved loadout into one of the game's slots of a character of its
 * class (the server equips it there, then SnapshotLoadout). Two steps, as equipping: pick the slot,
 * then confirm, since the write moves gear and may overwrite a slot the player set up in game.
 */
export function WriteSlotForm({
  loadout,
  characters,
  slots,
}: {
  loadout: SavedLoadoutView;
  characters: SavedPageView["characters"];
  slots: GameSlotView[];
}) {
  const [state, write, writing] = useActionState(writeSlotAction, IDLE_STATE);
  const eligible = characters.filter((c) => c.classType === loadout.classType);
  const choices = slots.filter((s) => eligible.some((c) => c.characterId === s.characterId));
  const [picked, setPicked] = useState(0);
  const [armed, setArmed] = useState(false);
  const chosen = choices[picked];
  const nameOf = (characterId: string) =>
    eligible.find((c) => c.characterId === characterId)?.name ?? "Character";
  if (choices.length === 0) return null;

  // Dispatched from the confirm click, not a <form action>: React resets a form after its action,
  // and a reset select would show another slot than the one the state (and the write) names.
  function confirm(slot: GameSlotView) {
    const form = new FormData();
    form.set("loadoutId", loadout.id);
    form.set("characterId", slot.characterId);
    form.set("slotIndex", String(slot.index));
    setArmed(false);
    startTransition(() => write(form));
  }
  return (
    <details className="text-sm">
      <summary className="min-h-11 cursor-pointer content-center">Save to game slot</summary>
      <div className="grid gap-2">
        <label className="grid gap-1">
          Game slot for {loadout.name}
          <select
            className={field}
            value={picked}
            onChange={(e) => {
              setPicked(Number(e.target.value));
              setArmed(false);
            }}
          >
            {choices.map((s, n) => (
              <option key={`${s.characterId}-${s.index}`} value={n}>
                {slotLabel(s, nameOf(s.characterId))}
              </option>
            ))}
          </select>
        </label>
        {chosen ? (
          <>
            {/* Keyed apart: the tap that arms must not land on the confirm button. */}
            {armed ? (
              <button
                key="confirm"
                type="button"
                disabled={writing}
                onClick={() => confirm(chosen)}
                className="bg-accent min-h-11 rounded-md px-3 font-semibold text-black"
              >
                Confirm: {chosen.empty ? "write" : "overwrite"} slot {chosen.index + 1} on{" "}
                {nameOf(chosen.characterId)}
              </button>
            ) : (
              <button
                key="arm"
                type="button"
                disabled={writing}
                onClick={() => setArmed(true)}
                className="border-accent text-accent min-h-11 rounded-md border px-3"
              >
                Save to game slot
              </button>
            )}
            <p className="text-muted text-xs">
              Equips the loadout on {nameOf(chosen.characterId)} first: the game saves what the
              character wears.
            </p>
          </>
        ) : null}
        <p
          aria-live="polite"
          data-testid="write-slot-status"
          className={state.status === "error" ? "text-danger" : undefined}
        >
          {writing ? "Working…" : state.message}
        </p>
      </div>
    </details>
  );
}
