"use client";

import { useRouter } from "next/navigation";
import { startTransition, useActionState, useState } from "react";
import {
  deleteAction,
  editItemsAction,
  renameAction,
  shareAction,
} from "@/app/loadouts/saved/actions";
import type { EquipProgress, EquipLoadoutResult } from "@/lib/loadouts/loadout-outcome";
import type { SavedPageView, SavedLoadoutView } from "@/lib/loadouts/saved-view-types";
import { NewLoadoutForms } from "./new-loadout-forms";
import { IDLE_STATE } from "./saved-state";
import { WriteSlotForm } from "./write-slot-form";

/**
 * Tap-sized (44 px) on a phone. Not disabled while an edit saves: a disabled button would drop
 * the keyboard focus.
 */
const EDIT_BUTTON = "border-line min-h-11 min-w-11 rounded-md border disabled:opacity-40";

/** Warmind's saved loadouts: equip in two taps (character, then confirm), share, edit. */
export function SavedLoadouts({ view }: { view: SavedPageView }) {
  return (
    <div className="grid gap-4">
      <h1 className="text-2xl font-bold">Saved loadouts</h1>
      {/* The player's loadouts first: on a phone the three forms fill two screens. */}
      {view.loadouts.length === 0 ? <p className="text-muted">No saved loadouts yet.</p> : null}
      <ul className="grid items-start gap-3 md:grid-cols-2">
        {view.loadouts.map((l) => (
          <LoadoutCard key={l.id} loadout={l} characters={view.characters} slots={view.slots} />
        ))}
      </ul>
      <h2 className="mt-2 text-xl font-semibold">New loadout</h2>
      <NewLoadoutForms view={view} />
    </div>
  );
}

function LoadoutCard({
  loadout,
  characters,
  slots,
}: {
  loadout: SavedLoadoutView;
  characters: SavedPageView["characters"];
  slots: SavedPageView["slots"];
}) {
  const router = useRouter();
  const [armed, setArmed] = useState<string | null>(null);
  const [steps, setSteps] = useState<{ label: string; status: string }[]>([]);
  const [result, setResult] = useState<EquipLoadoutResult | null>(null);
  const [running, setRunning] = useState(false);
  const [clearOthers, setClearOthers] = useState(false);
  const [shareState, share] = useActionState(shareAction, IDLE_STATE);
  const [, remove] = useActionState(deleteAction, IDLE_STATE);
  const [editState, edit] = useActionState(editItemsAction, IDLE_STATE);
  const [renameState, rename, renaming] = useActionState(renameAction, IDLE_STATE);
  const shareId = shareState.shareId !== undefined ? shareState.shareId : loadout.shareId;
  const eligible = characters.filter((c) => c.classType === loadout.classType);

  async function equip(characterId: string) {
    setRunning(true);
    setResult(null);
    setSteps([]);
    const form = new FormData();
    form.set("loadoutId", loadout.id);
    form.set("characterId", characterId);
    form.set("clearOthers", clearOthers ? "on" : "off");
    const response = await fetch("/loadouts/saved/equip", { method: "POST", body: form });
    const reader = response.body?.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    while (reader) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let newline;
      while ((newline = buffer.indexOf("\n")) >= 0) {
        const event = JSON.parse(buffer.slice(0, newline)) as EquipProgress;
        buffer = buffer.slice(newline + 1);
        if (event.type === "plan")
          setSteps(event.steps.map((s) => ({ label: s.label, status: "waiting" })));
        if (event.type === "step")
          setSteps((all) =>
            all.map((s, n) => (n === event.index ? { ...s, status: event.status } : s)),
          );
        if (event.type === "result") setResult(event.result);
      }
    }
    setRunning(false);
    setArmed(null);
    // The items moved: show where each one is now (the executor dropped the cached profile).
    router.refresh();
  }

  /** The keyboard (and touch) way to edit: move up, move down, remove. */
  function editForm(items: SavedLoadoutView["raw"]) {
    const form = new FormData();
    form.set("loadoutId", loadout.id);
    form.set("items", JSON.stringify(items));
    // Dispatched from a click, not a form: inside a transition, as useActionState requires.
    startTransition(() => edit(form));
  }
  const move = (from: number, to: number) => {
    const items = [...loadout.raw];
    const [item] = items.splice(from, 1);
    if (item) items.splice(to, 0, item);
    editForm(items);
  };

  return (
    <li
      className="border-line grid gap-2 rounded-md border p-3"
      data-testid="saved-loadout"
      data-loadout-id={loadout.id}
    >
      <h2 className="font-semibold">
        {loadout.name} <span className="text-muted text-sm">{loadout.className}</span>
      </h2>
      <ol
        className="grid gap-2"
        onDragOver={(e) => e.preventDefault()}
        aria-label={`${loadout.name}'s items`}
      >
        {loadout.items.map((item, n) => (
          <li
            key={item.itemInstanceId}
            draggable
            onDragStart={(e) => e.dataTransfer.setData("text/plain", String(n))}
            onDrop={(e) => move(Number(e.dataTransfer.getData("text/plain")), n)}
            // Icon | name and place | buttons; the plugs under the name, so a long subclass list
            // never pushes the buttons onto a row of their own on a phone.
            className="border-line grid grid-cols-[2rem_minmax(0,1fr)_auto] items-center gap-x-2 gap-y-1 border-t pt-2 text-sm first:border-t-0 first:pt-0"
          >
            {/* Bungie icons are already small PNGs, served as they are. */}
            {item.icon ? (
              // eslint-disable-next-line @next/next/no-img-element
              <img src={item.icon} alt="" width={32} height={32} />
            ) : (
              <span />
            )}
            <span className="grid">
              <span className="font-medium">{item.name}</span>
              <span className="text-muted text-xs">{item.where}</span>
            </span>
            <span className="flex gap-1">
              <button
                type="button"
                aria-label={`Move ${item.name} up`}
                disabled={n === 0}
                className={EDIT_BUTTON}
                onClick={() => move(n, n - 1)}
              >
                ↑
              </button>
              <button
                type="button"
                aria-label={`Move ${item.name} down`}
                disabled={n === loadout.items.length - 1}
                className={EDIT_BUTTON}
                onClick={() => move(n, n + 1)}
              >
                ↓
              </button>
              <button
                type="button"
                aria-label={`Remove ${item.name}`}
                className={EDIT_BUTTON}
                onClick={() => editForm(loadout.raw.filter((_, i) => i !== n))}
              >
                ✕
              </button>
            </span>
            {item.plugs.length > 0 ? (
              <span className="text-muted col-span-2 col-start-2 text-xs">
                {item.plugs.map((p) => p.name).join(" · ")}
              </span>
            ) : null}
          </li>
        ))}
      </ol>
      {eligible.length > 0 ? (
        // Before the equip buttons, so the choice is made before the second tap.
        <label className="flex min-h-11 items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={clearOthers}
            disabled={running}
            onChange={(e) => setClearOthers(e.target.checked)}
            className="size-5"
          />
          Also move the character&apos;s other weapons and armour to the vault
        </label>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {eligible.map((c) =>
          armed === c.characterId ? (
            <button
              key={c.characterId}
              type="button"
              disabled={running}
              onClick={() => equip(c.characterId)}
              className="bg-accent min-h-11 rounded-md px-3 font-semibold text-black"
            >
              Confirm: equip on {c.name}
            </button>
          ) : (
            <button
              key={c.characterId}
              type="button"
              disabled={running}
              onClick={() => setArmed(c.characterId)}
              className="border-accent text-accent min-h-11 rounded-md border px-3"
            >
              Equip on {c.name}
            </button>
          ),
        )}
        <form action={share}>
          <input type="hidden" name="loadoutId" value={loadout.id} />
          <input type="hidden" name="share" value={shareId ? "off" : "on"} />
          <button className="border-line min-h-11 rounded-md border px-3">
            {shareId ? "Revoke link" : "Share"}
          </button>
        </form>
        <form action={remove}>
          <input type="hidden" name="loadoutId" value={loadout.id} />
          <button className="border-line min-h-11 rounded-md border px-3">Delete</button>
        </form>
      </div>
      <WriteSlotForm loadout={loadout} characters={characters} slots={slots} />
      <details className="text-sm">
        <summary className="min-h-11 cursor-pointer content-center">Rename</summary>
        <form action={rename} className="flex gap-2">
          <input type="hidden" name="loadoutId" value={loadout.id} />
          <input
            name="name"
            aria-label={`New name for ${loadout.name}`}
            defaultValue={loadout.name}
            required
            maxLength={60}
            className="border-line bg-panel min-h-11 min-w-0 flex-1 rounded-md border px-2"
          />
          <button disabled={renaming} className="border-line min-h-11 rounded-md border px-3">
            Save name
          </button>
        </form>
      </details>
      {shareId ? (
        <p className="text-sm">
          Link: <a href={`/loadouts/shared/${shareId}`}>/loadouts/shared/{shareId}</a>
        </p>
      ) : null}
      <div aria-live="polite" className="grid gap-1 text-sm">
        {steps.length > 0 ? (
          <ol>
            {steps.map((s, n) => (
              <li key={n} data-status={s.status}>
                {s.status === "done"
                  ? "✓"
                  : s.status === "failed"
                    ? "✗"
                    : s.status === "running"
                      ? "…"
                      : "·"}{" "}
                {s.label}
              </li>
            ))}
          </ol>
        ) : null}
        {result ? (
          <>
            <p role="status">{result.message}</p>
            <ul>
              {result.items.map((i) => (
                <li key={i.itemInstanceId}>
                  {i.name}:{" "}
                  {i.status === "equipped"
                    ? "equipped"
                    : `${i.where ?? "missing"}${i.message ? ` (${i.message})` : ""}`}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {shareState.status === "error" ? <p>{shareState.message}</p> : null}
        {editState.status === "error" ? <p>{editState.message}</p> : null}
        {renameState.status === "error" ? <p>{renameState.message}</p> : null}
      </div>
    </li>
  );
}
