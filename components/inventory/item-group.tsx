import type { ReactNode } from "react";
import type { TileItemView } from "@/lib/guardian/view-types";
import { ItemTile } from "./item-tile";
import { tileProps, type TileHandlers } from "./tile-handlers";

/** A labelled group of items: "Title (count)" over its tiles, or over what stands in for them. */
export function ItemGroup({
  id,
  title,
  count,
  testId,
  children,
}: {
  id: string;
  title: string;
  count: number;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <div role="group" aria-labelledby={id} className="grid gap-2" data-testid={testId}>
      <h3 id={id} className="text-muted text-sm font-semibold">
        {title} <span className="font-normal">({count})</span>
      </h3>
      {children}
    </div>
  );
}

export function ItemTiles({ items, tiles }: { items: TileItemView[]; tiles: TileHandlers }) {
  return (
    <div className="flex flex-wrap gap-1.5">
      {items.map((item) => (
        <ItemTile key={item.key} item={item} {...tileProps(item, tiles)} />
      ))}
    </div>
  );
}
