"use client";

import { useActionState, useState } from "react";
import {
  saveCurrentAction,
  saveFromSlotAction,
  savePickedAction,
} from "@/app/loadouts/saved/actions";
import { BucketHashes } from "@/lib/destiny/buckets";
import { CLASS_NAMES } from "@/lib/destiny/game-facts";
import type { SavedPageView } from "@/lib/loadouts/saved-view-types";
import { IDLE_STATE } from "./saved-state";

const field = "border-line bg-panel min-h-11 w-full rounded-md border px-2";
const button = "border-accent text-accent min-h-11 rounded-md border px-3";

/** The game's slot order, with the words players use for them. */
const PICK_SLOTS = [
  [BucketHashes.Subclass, "Subclass"],
  [BucketHashes.KineticWeapons, "Kinetic weapon"],
  [BucketHashes.EnergyWeapons, "Energy weapon"],
  [BucketHashes.PowerWeapons, "Power weapon"],
  [BucketHashes.Helmet, "Helmet"],
  [BucketHashes.Gauntlets, "Gauntlets"],
  [BucketHashes.ChestArmor, "Chest armor"],
  [BucketHashes.LegArmor, "Leg armor"],
  [BucketHashes.ClassArmor, "Class item"],
] as const;

/**
 * Three ways to start a loadout: what a character wears now, items picked slot by slot (from the
 * vault or any character), or one of the game's own loadout slots. Each answers in an aria-live
 * line; the list below refreshes when the save succeeds.
 */
export function NewLoadoutForms({ view }: { view: SavedPageView }) {
  return (
    <div className="grid items-start gap-3 md:grid-cols-3">
      <SaveCurrent view={view} />
      <ImportSlot view={view} />
      <PickItems view={view} />
    </div>
  );
}

function NameField() {
  return (
    <label className="grid gap-1 text-sm">
      Name
      <input name="name" required maxLength={60} className={field} />
    </label>
  );
}

function SaveCurrent({ view }: { view: SavedPageView }) {
  const [state, save, saving] = useActionState(saveCurrentAction, IDLE_STATE);
  return (
    <form action={save} className="border-line grid content-start gap-2 rounded-md border p-3">
      <h2 className="font-semibold">Save current gear</h2>
      <NameField />
      <label className="grid gap-1 text-sm">
        From what this character wears
        <select name="characterId" className={field}>
          {view.characters.map((c) => (
            <option key={c.characterId} value={c.characterId}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <button disabled={saving} className={button}>
        Save current gear
      </button>
      <p aria-live="polite" className="text-sm">
        {state.message}
      </p>
    </form>
  );
}

function ImportSlot({ view }: { view: SavedPageView }) {
  const [state, save, saving] = useActionState(saveFromSlotAction, IDLE_STATE);
  const [slot, setSlot] = useState(0);
  const importable = view.slots.filter((s) => !s.empty);
  const chosen = importable[slot];
  const nameOf = (characterId: string) =>
    view.characters.find((c) => c.characterId === characterId)?.name ?? "Character";
  return (
    <form action={save} className="border-line grid content-start gap-2 rounded-md border p-3">
      <h2 className="font-semibold">Import an in-game loadout</h2>
      {chosen ? (
        <>
          <label className="grid gap-1 text-sm">
            In-game slot
            <select
              className={field}
              value={slot}
              onChange={(e) => setSlot(Number(e.target.value))}
            >
              {importable.map((s, n) => (
                <option key={`${s.characterId}-${s.index}`} value={n}>
                  {nameOf(s.characterId)} · Slot {s.index + 1} ({s.name})
                </option>
              ))}
            </select>
          </label>
          <input type="hidden" name="characterId" value={chosen.characterId} />
          <input type="hidden" name="slotIndex" value={chosen.index} />
          <NameField />
          <button disabled={saving} className={button}>
            Import slot
          </button>
        </>
      ) : (
        <p className="text-muted text-sm">Your in-game loadout slots are all empty.</p>
      )}
      <p aria-live="polite" className="text-sm">
        {state.message}
      </p>
    </form>
  );
}

function PickItems({ view }: { view: SavedPageView }) {
  const [state, save, saving] = useActionState(savePickedAction, IDLE_STATE);
  const classes = [...new Set(view.characters.map((c) => c.classType))];
  const [classType, setClassType] = useState(classes[0] ?? 0);
  return (
    <form action={save} className="border-line grid content-start gap-2 rounded-md border p-3">
      <h2 className="font-semibold">Build from items</h2>
      <NameField />
      <label className="grid gap-1 text-sm">
        Class
        <select
          name="classType"
          className={field}
          value={classType}
          onChange={(e) => setClassType(Number(e.target.value))}
        >
          {classes.map((c) => (
            <option key={c} value={c}>
              {CLASS_NAMES[c] ?? "Any class"}
            </option>
          ))}
        </select>
      </label>
      {PICK_SLOTS.map(([bucket, label]) => {
        const items = view.pickable.filter(
          (i) => i.bucketHash === bucket && (i.classType === 3 || i.classType === classType),
        );
        return (
          <label key={`${bucket}-${classType}`} className="grid gap-1 text-sm">
            {label}
            <select name="itemInstanceId" className={field} defaultValue="">
              <option value="">None</option>
              {items.map((i) => (
                <option key={i.itemInstanceId} value={i.itemInstanceId}>
                  {i.name} · {i.rarityName} · {i.where}
                </option>
              ))}
            </select>
          </label>
        );
      })}
      <button disabled={saving} className={button}>
        Save picked items
      </button>
      <p aria-live="polite" className="text-sm">
        {state.message}
      </p>
    </form>
  );
}
