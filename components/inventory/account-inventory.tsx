"use client";

import type { ItemView } from "@/lib/guardian/view-types";
import { ItemTile } from "./item-tile";
import type { TileHandlers } from "./tile-handlers";

/** Consumables, materials and mods: shared by every character (collapsed by default). */
export function AccountInventory({ items, tiles }: { items: ItemView[]; tiles: TileHandlers }) {
  const shared = items.filter((i) => i.location === "inventory" && i.ownerCharacterId === null);
  if (shared.length === 0) return null;
  return (
    <details className="border-line bg-panel rounded-lg border p-3">
      <summary className="cursor-pointer text-lg font-semibold">
        Consumables and materials{" "}
        <span className="text-muted text-sm font-normal">({shared.length})</span>
      </summary>
      <div className="mt-3 flex flex-wrap gap-1.5">
        {shared.map((item) => (
          <ItemTile key={item.key} item={item} {...tiles.props(item)} />
        ))}
      </div>
    </details>
  );
}
