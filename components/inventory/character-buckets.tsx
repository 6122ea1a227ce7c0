"use client";

import { memo } from "react";
import type { CharacterView, TileItemView } from "@/lib/guardian/view-types";
import { CHARACTER_BUCKETS } from "./bucket-labels";
import { ItemTile } from "./item-tile";
import { tileProps, type TileHandlers } from "./tile-handlers";

const GROUP_TITLES = { weapons: "Weapons", armor: "Armour", gear: "Subclass and gear" } as const;

/** The chosen character's equipped item and inventory in every bucket, grouped like the game. */
export const CharacterBuckets = memo(function CharacterBuckets({
  character,
  items,
  capacity,
  tiles,
}: {
  character: CharacterView;
  items: TileItemView[];
  capacity: number;
  tiles: TileHandlers;
}) {
  const mine = items.filter((i) => i.ownerCharacterId === character.characterId);
  return (
    <section aria-labelledby="character-heading" className="grid gap-4">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h2 id="character-heading" className="text-lg font-semibold">
          Your {character.name}
        </h2>
        {character.inActivity ? (
          <p className="bg-panel-2 text-muted rounded px-2 py-0.5 text-xs font-medium">
            In an activity: equipping waits for orbit
          </p>
        ) : null}
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        {(["weapons", "armor", "gear"] as const).map((group) => (
          <div
            key={group}
            // Off screen (armour and gear below the weapons on a phone), a group skips style,
            // layout and paint until scrolled near, as the vault and the clan's rows do.
            className="border-line bg-panel grid content-start gap-2 rounded-lg border p-3 [contain-intrinsic-height:auto_720px] [content-visibility:auto]"
          >
            <h3 className="text-muted text-sm font-semibold tracking-wide uppercase">
              {GROUP_TITLES[group]}
            </h3>
            {CHARACTER_BUCKETS.filter((b) => b.group === group).map((bucket) => {
              const equipped = mine.find(
                (i) => i.bucketHash === bucket.hash && i.location === "equipped",
              );
              const inventory = mine.filter(
                (i) => i.bucketHash === bucket.hash && i.location === "inventory",
              );
              return (
                <div
                  key={bucket.hash}
                  role="group"
                  aria-label={`${bucket.label}: ${inventory.length} of ${capacity} in inventory`}
                  data-testid={`bucket-${bucket.hash}`}
                  className="border-line/60 grid grid-cols-[4rem_1fr] items-start gap-2 border-t pt-2 first-of-type:border-t-0"
                >
                  <div className="grid gap-1">
                    {equipped ? (
                      <ItemTile item={equipped} size="lg" {...tileProps(equipped, tiles)} />
                    ) : (
                      <div className="border-line size-16 rounded-md border-2 border-dashed" />
                    )}
                    <span className="text-muted text-[11px]">{bucket.label}</span>
                  </div>
                  <div className="flex flex-wrap content-start gap-1.5">
                    {inventory.map((item) => (
                      <ItemTile key={item.key} item={item} {...tileProps(item, tiles)} />
                    ))}
                    {inventory.length === 0 ? (
                      <span className="text-muted self-center text-xs">Empty</span>
                    ) : null}
                  </div>
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </section>
  );
});
