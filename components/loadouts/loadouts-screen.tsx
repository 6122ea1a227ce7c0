"use client";

import { useActionState, useState } from "react";
import { loadoutAction } from "@/app/loadouts/actions";
import { IDLE_LOADOUT_RESULT, type LoadoutActionResult } from "@/lib/loadouts/action-result";
import type { LoadoutsView } from "@/lib/loadouts/view-types";
import { ActionStatus } from "./action-status";
import { LoadoutSlotCard } from "./loadout-slot-card";
import { LoadoutSlotSheet } from "./loadout-slot-sheet";

/** The game's loadout slots, one character at a time; a slot opens into a sheet to act on it. */
export function LoadoutsScreen({ view: initialView }: { view: LoadoutsView }) {
  const [result, dispatch, pending] = useActionState(loadoutAction, IDLE_LOADOUT_RESULT);
  const [view, setView] = useState(initialView);
  const [seen, setSeen] = useState(result);
  // A result carries the slots as Bungie has them after the action: show those.
  if (seen !== result) {
    setSeen(result);
    if (result.view) setView(result.view);
  }
  const [characterId, setCharacterId] = useState(view.selectedCharacterId);
  const [openIndex, setOpenIndex] = useState<number | null>(null);
  // A result belongs to the slot it was for: opening another slot starts with a clean status.
  const [dismissed, setDismissed] = useState<LoadoutActionResult | null>(null);
  const shown = result === dismissed ? IDLE_LOADOUT_RESULT : result;
  const character = view.characters.find((c) => c.characterId === characterId);
  const slots = (characterId && view.slots[characterId]) || [];
  const open = slots.find((s) => s.index === openIndex) ?? null;

  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">Loadouts</h1>
        <p className="text-muted text-sm">The game&rsquo;s own loadout slots.</p>
      </div>
      <div role="tablist" aria-label="Character" className="flex flex-wrap gap-2">
        {view.characters.map((c) => (
          <button
            key={c.characterId}
            type="button"
            role="tab"
            aria-selected={c.characterId === characterId}
            onClick={() => {
              setDismissed(result);
              setCharacterId(c.characterId);
            }}
            className={`min-h-11 rounded-md border px-3 py-2 text-sm font-medium ${
              c.characterId === characterId ? "border-accent text-accent" : "border-line text-text"
            }`}
          >
            {c.name} <span className="text-muted">{c.light}</span>
            {c.inActivity ? <span className="text-muted"> · in activity</span> : null}
          </button>
        ))}
      </div>
      {open ? null : <ActionStatus result={shown} pending={pending} />}
      {view.unavailable ? (
        <p role="status" className="text-muted">
          Bungie did not share your in-game loadouts just now. Refresh in a moment.
        </p>
      ) : null}
      {character ? (
        <ul className="grid gap-3 md:grid-cols-2" aria-label={`${character.name}'s loadouts`}>
          {slots.map((slot) => (
            <li key={slot.index}>
              <LoadoutSlotCard
                slot={slot}
                onOpen={() => {
                  setDismissed(result);
                  setOpenIndex(slot.index);
                }}
              />
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-muted">No characters on this account yet.</p>
      )}
      {character ? (
        <LoadoutSlotSheet
          slot={open}
          characterId={character.characterId}
          characterName={character.name}
          view={view}
          dispatch={dispatch}
          result={shown}
          pending={pending}
          onClose={() => setOpenIndex(null)}
        />
      ) : null}
    </div>
  );
}
