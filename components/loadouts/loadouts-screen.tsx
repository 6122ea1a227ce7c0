"use client";

import { useState } from "react";
import type { LoadoutsView } from "@/lib/loadouts/view-types";
import { LoadoutSlotCard } from "./loadout-slot-card";

/** The game's loadout slots, one character at a time (the switcher picks which). */
export function LoadoutsScreen({ view }: { view: LoadoutsView }) {
  const [characterId, setCharacterId] = useState(view.selectedCharacterId);
  const character = view.characters.find((c) => c.characterId === characterId);
  const slots = (characterId && view.slots[characterId]) || [];
  return (
    <div className="grid gap-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">Loadouts</h1>
        <p className="text-muted text-sm">The game&rsquo;s own loadout slots, per character.</p>
      </div>
      <div role="tablist" aria-label="Character" className="flex flex-wrap gap-2">
        {view.characters.map((c) => (
          <button
            key={c.characterId}
            type="button"
            role="tab"
            aria-selected={c.characterId === characterId}
            onClick={() => setCharacterId(c.characterId)}
            className={`border-line min-h-11 rounded-md border px-3 py-2 text-sm font-medium ${
              c.characterId === characterId ? "border-accent text-accent" : "text-text"
            }`}
          >
            {c.name} <span className="text-muted">{c.light}</span>
          </button>
        ))}
      </div>
      {view.unavailable ? (
        <p role="status" className="text-muted">
          Bungie did not share your in-game loadouts. Refresh in a moment.
        </p>
      ) : null}
      {character ? (
        <ul className="grid gap-3 md:grid-cols-2" aria-label={`${character.name}'s loadouts`}>
          {slots.map((slot) => (
            <li key={slot.index}>
              <LoadoutSlotCard slot={slot} plugs={view.plugs} />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
