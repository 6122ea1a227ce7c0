"use client";

import { memo, useState } from "react";
import type { TileItemView } from "@/lib/guardian/view-types";
import { ItemTile } from "./item-tile";
import { tileProps, type TileHandlers } from "./tile-handlers";

/** Consumables, materials and mods: shared by every character (collapsed by default). */
export const AccountInventory = memo(function AccountInventory({
  items,
  tiles,
}: {
  items: TileItemView[];
  tiles: TileHandlers;
}) {
  const shared = items.filter((i) => i.location === "inventory" && i.ownerCharacterId === null);
  // Collapsed by default: its tiles are drawn only once the player opens it.
  const [open, setOpen] = useState(false);
  if (shared.length === 0) return null;
  return (
    <details
      className="border-line bg-panel rounded-lg border p-3"
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary className="cursor-pointer text-lg font-semibold">
        Consumables and materials{" "}
        <span className="text-muted text-sm font-normal">({shared.length})</span>
      </summary>
      {open ? (
        <div className="mt-3 flex flex-wrap gap-1.5">
          {shared.map((item) => (
            <ItemTile key={item.key} item={item} {...tileProps(item, tiles)} />
          ))}
        </div>
      ) : null}
    </details>
  );
});
