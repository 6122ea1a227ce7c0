"use client";

import type { CharacterView } from "@/lib/guardian/view-types";
import { useDropTarget } from "./use-drop-target";

/**
 * The characters (and the vault) as a row of cards: choosing one is a form POST (stored per
 * player); on wide screens each card is also a drop target for dragged items.
 */
export function CharacterSwitcher({
  characters,
  selectedId,
  choose,
  choosing,
  onDropItem,
  vaultCount,
  vaultCapacity,
}: {
  characters: CharacterView[];
  selectedId: string | null;
  choose: (formData: FormData) => void;
  choosing: boolean;
  onDropItem: (itemKey: string, to: string) => void;
  vaultCount: number;
  vaultCapacity: number;
}) {
  return (
    // Sticky on wide screens: the characters and the vault stay in reach as drop targets while
    // the player scrolls down to the vault.
    <nav
      aria-label="Characters"
      className="md:bg-ink/95 grid grid-cols-3 gap-2 md:sticky md:top-0 md:z-20 md:-mx-2 md:grid-cols-4 md:gap-3 md:px-2 md:py-2 md:backdrop-blur"
    >
      {characters.map((c) => {
        const selected = c.characterId === selectedId;
        return (
          <DropZone
            key={c.characterId}
            target={c.characterId}
            onDropItem={onDropItem}
            label={`Drop to move to your ${c.name}`}
          >
            <form action={choose} className="h-full">
              <input type="hidden" name="characterId" value={c.characterId} />
              <button
                type="submit"
                disabled={choosing}
                aria-current={selected ? "true" : undefined}
                data-testid="character-choice"
                className={`relative flex h-full min-h-12 w-full items-center gap-2 overflow-hidden rounded-lg border-2 px-2.5 py-1.5 text-left md:h-16 md:p-2 ${selected ? "border-accent" : "border-line hover:border-muted"}`}
              >
                {c.emblemBackgroundUrl ? (
                  // eslint-disable-next-line @next/next/no-img-element
                  <img
                    src={c.emblemBackgroundUrl}
                    alt=""
                    className="absolute inset-0 -z-10 size-full object-cover opacity-50 md:opacity-70"
                  />
                ) : null}
                <span className="from-ink/40 to-ink/90 absolute inset-0 -z-10 bg-gradient-to-r" />
                {c.emblemUrl ? (
                  // eslint-disable-next-line @next/next/no-img-element
                  <img
                    src={c.emblemUrl}
                    alt=""
                    className="hidden size-11 shrink-0 rounded sm:block"
                  />
                ) : null}
                <span className="grid min-w-0 leading-tight">
                  <span className="truncate text-sm font-semibold md:text-base">{c.name}</span>
                  <span className="text-muted text-xs md:text-sm">
                    <span aria-hidden="true" className="text-accent">
                      ✦{" "}
                    </span>
                    <span className="sr-only">Light </span>
                    {c.light}
                  </span>
                </span>
                {selected ? <span className="sr-only">(chosen)</span> : null}
              </button>
            </form>
          </DropZone>
        );
      })}
      <DropZone target="vault" onDropItem={onDropItem} label="Drop to move to the vault" wideOnly>
        <a
          href="#vault"
          className="border-line bg-panel hover:border-muted flex h-16 items-center gap-2 rounded-lg border-2 p-2"
        >
          <VaultGlyph />
          <span className="grid leading-tight">
            <span className="font-semibold">Vault</span>
            <span className="text-muted text-sm">
              {vaultCount} / {vaultCapacity}
            </span>
          </span>
        </a>
      </DropZone>
    </nav>
  );
}

function DropZone({
  target,
  onDropItem,
  label,
  wideOnly = false,
  children,
}: {
  target: string;
  onDropItem: (itemKey: string, to: string) => void;
  label: string;
  wideOnly?: boolean;
  children: React.ReactNode;
}) {
  const drop = useDropTarget(target, onDropItem);
  return (
    <div
      data-testid={`drop-${target}`}
      aria-description={label}
      {...drop.handlers}
      className={`relative isolate rounded-lg ${wideOnly ? "hidden md:block" : ""} ${drop.over ? "outline-accent outline-2 outline-offset-2" : ""}`}
    >
      {children}
    </div>
  );
}

function VaultGlyph() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="text-muted size-9 shrink-0">
      <rect
        x="3"
        y="4"
        width="18"
        height="16"
        rx="2"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
      />
      <circle cx="12" cy="12" r="4" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M12 8v1.5M12 14.5V16M8 12h1.5M14.5 12H16" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}
