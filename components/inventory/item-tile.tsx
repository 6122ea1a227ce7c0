"use client";

import { memo } from "react";
import type { TileItemView } from "@/lib/guardian/view-types";
import { GearTierPip, gearTierLabel } from "@/components/ui/gear-tier";
import { rarityBackground, rarityBorder } from "@/components/ui/rarity-styles";
import { DAMAGE_TYPES } from "./item-style";

/** Data type of a tile being dragged (the item key); drop targets read it. */
export const DRAG_TYPE = "application/x-warmind-item";

export function describeItem(item: TileItemView): string {
  const parts = [item.name, [item.rarityName, item.typeName].filter(Boolean).join(" ")];
  if (item.power !== null) parts.push(`${item.power} power`);
  if (item.gearTier !== null) parts.push(gearTierLabel(item.gearTier));
  else if (item.quantity > 1) parts.push(`${item.quantity} in stack`);
  const damage = item.damageType !== null ? DAMAGE_TYPES[item.damageType]?.name : undefined;
  if (damage && item.power !== null) parts.push(damage);
  if (item.masterwork) parts.push("masterworked");
  if (item.locked) parts.push("locked");
  if (item.location === "equipped") parts.push("equipped");
  return parts.filter(Boolean).join(", ");
}

/**
 * One item in the game's manner: icon on its rarity colour, gear tier, power, damage type and
 * marks. A tile carries no handlers of its own: the inventory listens once, at its root, for
 * clicks and drags on `[data-item-key]` (hundreds of tiles, one handler). Memoised: opening the
 * sheet or typing elsewhere re-renders none of the tiles whose item did not change.
 */
export const ItemTile = memo(function ItemTile({
  item,
  interactive = false,
  selected = false,
  selecting = false,
  size = "md",
}: {
  item: TileItemView;
  /** A button the root's handlers answer; otherwise a picture (e.g. in the item sheet). */
  interactive?: boolean;
  selected?: boolean;
  selecting?: boolean;
  size?: "md" | "lg";
}) {
  const damage = item.damageType !== null ? DAMAGE_TYPES[item.damageType] : undefined;
  const exotic = item.rarity === 6;
  const equipped = item.location === "equipped";
  const className = `group relative shrink-0 overflow-hidden rounded-md border-2 ${rarityBorder(item.rarity)} ${rarityBackground(item.rarity)} ${size === "lg" ? "size-16" : "size-12 sm:size-14"} ${equipped ? "ring-2 ring-text/70" : ""} ${selected ? "outline-3 outline-offset-2 outline-accent" : ""}`;
  const face = <TileFace item={item} exotic={exotic} damageColor={damage?.color} />;
  if (!interactive) {
    return (
      <div role="img" aria-label={describeItem(item)} className={className}>
        {face}
      </div>
    );
  }
  return (
    <button
      type="button"
      draggable={item.transferable}
      aria-label={describeItem(item)}
      aria-pressed={selecting ? selected : undefined}
      data-testid="item-tile"
      data-item-key={item.key}
      data-location={item.location}
      title={item.name}
      className={`${className} hover:brightness-125`}
    >
      {face}
    </button>
  );
});

function TileFace({
  item,
  exotic,
  damageColor,
}: {
  item: TileItemView;
  exotic: boolean;
  damageColor: string | undefined;
}) {
  return (
    <>
      {item.icon ? (
        // eslint-disable-next-line @next/next/no-img-element
        <img
          src={item.icon}
          alt=""
          draggable={false}
          loading="lazy"
          decoding="async"
          className="size-full object-cover"
        />
      ) : (
        <span className="text-text grid size-full place-items-center text-xs font-bold">
          {item.name.slice(0, 2)}
        </span>
      )}
      {item.masterwork ? (
        <span
          aria-hidden="true"
          className="ring-rarity-exotic pointer-events-none absolute inset-0 rounded-[3px] ring-2 ring-inset"
        />
      ) : null}
      {exotic ? (
        <span
          aria-hidden="true"
          className="border-t-rarity-exotic absolute top-0 left-0 size-0 border-t-[12px] border-r-[12px] border-r-transparent"
        />
      ) : null}
      {item.gearTier !== null ? (
        // The tile's own label already says "Tier N"; the pip is its picture.
        <span aria-hidden="true" className="absolute top-0 left-0">
          <GearTierPip tier={item.gearTier} className="rounded-none rounded-br-sm border-0" />
        </span>
      ) : null}
      {item.locked ? (
        <span
          aria-hidden="true"
          data-testid="lock-mark"
          className="absolute top-0.5 right-0.5 grid size-4 place-items-center rounded-sm bg-black/70"
        >
          <LockGlyph />
        </span>
      ) : null}
      {item.power !== null || item.quantity > 1 ? (
        <span
          aria-hidden="true"
          className="text-text absolute inset-x-0 bottom-0 flex items-center justify-end gap-1 bg-black/80 px-0.5 text-[11px] leading-4 font-semibold tracking-tight sm:px-1"
        >
          {damageColor && item.power !== null ? (
            <span
              className="mr-auto size-2 shrink-0 rotate-45"
              style={{ backgroundColor: damageColor }}
            />
          ) : null}
          {item.power ?? item.quantity}
        </span>
      ) : null}
    </>
  );
}

function LockGlyph() {
  return (
    <svg viewBox="0 0 12 12" className="fill-text size-3">
      <path d="M3.5 5V3.8a2.5 2.5 0 0 1 5 0V5H9a.5.5 0 0 1 .5.5v5a.5.5 0 0 1-.5.5H3a.5.5 0 0 1-.5-.5v-5A.5.5 0 0 1 3 5h.5Zm1 0h3V3.8a1.5 1.5 0 0 0-3 0V5Z" />
    </svg>
  );
}
