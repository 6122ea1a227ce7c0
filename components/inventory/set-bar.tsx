"use client";

import { primaryButton, quietButton } from "@/components/ui/button-styles";
import type { CharacterView } from "@/lib/guardian/view-types";

/** While selecting a set: how many items are picked, and "equip them all" on the character. */
export function SetBar({
  selected,
  character,
  action,
  onClear,
}: {
  selected: string[];
  character: CharacterView | undefined;
  action: (formData: FormData) => void;
  onClear: () => void;
}) {
  return (
    <div
      role="region"
      aria-label="Selected items"
      className="border-line bg-panel/95 fixed inset-x-0 bottom-[calc(3.25rem+env(safe-area-inset-bottom))] z-30 border-t px-4 py-3 backdrop-blur md:bottom-0"
    >
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2">
        <p className="text-sm">
          {selected.length === 0
            ? "Tap items to pick a set (one per slot)."
            : `${selected.length} item${selected.length === 1 ? "" : "s"} selected.`}
        </p>
        <div className="flex gap-2">
          <button
            type="button"
            onClick={onClear}
            className={quietButton}
            disabled={selected.length === 0}
          >
            Clear
          </button>
          {character ? (
            <form action={action} onSubmit={onClear}>
              <input type="hidden" name="intent" value="equip-set" />
              <input type="hidden" name="characterId" value={character.characterId} />
              {selected.map((key) => (
                <input key={key} type="hidden" name="itemKeys" value={key} />
              ))}
              <button type="submit" className={primaryButton} disabled={selected.length === 0}>
                Equip set on {character.name}
              </button>
            </form>
          ) : null}
        </div>
      </div>
    </div>
  );
}
