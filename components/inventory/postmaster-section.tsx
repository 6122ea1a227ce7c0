"use client";

import { memo } from "react";
import type { CharacterView, TileItemView } from "@/lib/guardian/view-types";
import { ItemTile } from "./item-tile";
import { tileProps, type TileHandlers } from "./tile-handlers";

/** The chosen character's postmaster, with a warning as it nears the game's limit of 21. */
export const PostmasterSection = memo(function PostmasterSection({
  character,
  items,
  capacity,
  warningAt,
  tiles,
}: {
  character: CharacterView;
  items: TileItemView[];
  capacity: number;
  warningAt: number;
  tiles: TileHandlers;
}) {
  const lost = items.filter(
    (i) => i.location === "postmaster" && i.ownerCharacterId === character.characterId,
  );
  const warn = lost.length >= warningAt;
  return (
    <section
      aria-labelledby="postmaster-heading"
      className={`bg-panel grid gap-3 rounded-lg border p-3 [contain-intrinsic-height:auto_200px] [content-visibility:auto] ${warn ? "border-danger/70" : "border-line"}`}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="postmaster-heading" className="text-lg font-semibold">
          Postmaster
        </h2>
        <span className="text-muted text-sm" data-testid="postmaster-count">
          {lost.length} / {capacity}
        </span>
      </div>
      {warn ? (
        <p role="status" className="border-danger/50 bg-danger/10 rounded-md border p-2 text-sm">
          {lost.length >= capacity
            ? "The postmaster is full: new drops will be lost. Pull items now."
            : `The postmaster is nearly full (${lost.length} of ${capacity}): pull items before new drops are lost.`}
        </p>
      ) : null}
      {lost.length === 0 ? (
        <p className="text-muted text-sm">Nothing waiting for your {character.name}.</p>
      ) : (
        <div className="flex flex-wrap gap-1.5">
          {lost.map((item) => (
            <ItemTile key={item.key} item={item} {...tileProps(item, tiles)} />
          ))}
        </div>
      )}
    </section>
  );
});
