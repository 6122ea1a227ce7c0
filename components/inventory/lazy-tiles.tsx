"use client";

import { memo, useEffect, useRef, useState } from "react";
import type { TileItemView } from "@/lib/guardian/view-types";
import { useDrawAll } from "./draw-all";
import { ItemTile } from "./item-tile";
import { tileProps, type TileHandlers } from "./tile-handlers";

/** Tiles per chunk: eight rows of a phone's six, about one phone screen. */
export const CHUNK = 48;
/** Draw a chunk a little before it scrolls in, so a flick rarely shows the placeholder. */
const AHEAD = "600px 0px";
/** A tile (size-12, 48 px on a phone; size-14 from `sm`) and the gap (gap-1.5). */
const GAP = 6;

/**
 * A long list of tiles (the vault: up to 700) drawn a chunk at a time as it scrolls into view.
 * During a page load nothing off screen is drawn: a phone's load builds the chosen character's
 * gear, not 700 buttons nobody sees. An undrawn chunk is one empty block about as tall as its
 * tiles will be. Drawn chunks use `display: contents`, so every tile wraps in one flex row as if
 * there were no chunks. Search renders its own matches (search-results.tsx), and keyboard users
 * get everything drawn (draw-all.ts).
 */
export function LazyTiles({ items, tiles }: { items: TileItemView[]; tiles: TileHandlers }) {
  const chunks: TileItemView[][] = [];
  for (let n = 0; n < items.length; n += CHUNK) chunks.push(items.slice(n, n + CHUNK));
  return (
    <div className="flex flex-wrap gap-1.5">
      {chunks.map((chunk, n) => (
        <LazyChunk key={n} items={chunk} tiles={tiles} />
      ))}
    </div>
  );
}

/** Same tiles in the same order: a move elsewhere in the vault leaves this chunk alone. */
function sameChunk(
  a: { items: TileItemView[]; tiles: TileHandlers },
  b: { items: TileItemView[]; tiles: TileHandlers },
) {
  return (
    a.tiles === b.tiles &&
    a.items.length === b.items.length &&
    a.items.every((item, n) => item === b.items[n])
  );
}

const LazyChunk = memo(function LazyChunk({
  items,
  tiles,
}: {
  items: TileItemView[];
  tiles: TileHandlers;
}) {
  const drawAll = useDrawAll();
  const [seen, setSeen] = useState(false);
  const [height, setHeight] = useState<number | undefined>(undefined);
  const placeholder = useRef<HTMLDivElement>(null);
  const drawn = seen || drawAll;

  useEffect(() => {
    const element = placeholder.current;
    if (drawn || !element) return;
    // Its height from the width it has: rows of tiles as wide as they will be drawn.
    const tile = window.matchMedia("(min-width: 640px)").matches ? 56 : 48;
    const perRow = Math.max(1, Math.floor((element.clientWidth + GAP) / (tile + GAP)));
    setHeight(Math.ceil(items.length / perRow) * (tile + GAP) - GAP);
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          observer.disconnect();
          setSeen(true);
        }
      },
      { rootMargin: AHEAD },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [drawn, items.length]);

  if (!drawn) {
    return (
      <div
        ref={placeholder}
        aria-hidden="true"
        data-testid="lazy-chunk"
        className="bg-panel-2/40 w-full rounded-md"
        style={{ height: height ?? Math.ceil(items.length / 6) * (48 + GAP) - GAP }}
      />
    );
  }
  return (
    <div className="contents">
      {items.map((item) => (
        <ItemTile key={item.key} item={item} {...tileProps(item, tiles)} />
      ))}
    </div>
  );
}, sameChunk);
