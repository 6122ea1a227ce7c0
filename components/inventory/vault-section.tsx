"use client";

import { memo, useMemo } from "react";
import { isArmorBucket, isWeaponBucket } from "@/lib/destiny/buckets";
import type { TileItemView } from "@/lib/guardian/view-types";
import { CHARACTER_BUCKETS } from "./bucket-labels";
import { ItemGroup } from "./item-group";
import { LazyTiles } from "./lazy-tiles";
import type { TileHandlers } from "./tile-handlers";
import { useDropTarget } from "./use-drop-target";

const ORDER = new Map(CHARACTER_BUCKETS.map((b, n) => [b.hash, n]));

function sortForVault(a: TileItemView, b: TileItemView) {
  return (
    (ORDER.get(a.bucketHash) ?? 99) - (ORDER.get(b.bucketHash) ?? 99) ||
    b.rarity - a.rarity ||
    (b.power ?? 0) - (a.power ?? 0) ||
    a.name.localeCompare(b.name)
  );
}

/** The vault, grouped into weapons, armour and the rest, with counts against its capacity. */
export const VaultSection = memo(function VaultSection({
  items,
  loadingCount,
  capacity,
  tiles,
  onDropItem,
  hidden,
}: {
  items: TileItemView[];
  /** The vault's size while its items are still on their way (the page's first paint). */
  loadingCount: number | null;
  capacity: number;
  tiles: TileHandlers;
  onDropItem: (itemKey: string, to: string) => void;
  hidden: boolean;
}) {
  const drop = useDropTarget("vault", onDropItem);
  const groups = useMemo(() => {
    const vault = items.filter((i) => i.location === "vault").sort(sortForVault);
    return {
      total: loadingCount ?? vault.length,
      list: [
        {
          id: "weapons",
          title: "Weapons",
          items: vault.filter((i) => isWeaponBucket(i.bucketHash)),
        },
        { id: "armor", title: "Armour", items: vault.filter((i) => isArmorBucket(i.bucketHash)) },
        {
          id: "general",
          title: "General",
          items: vault.filter((i) => !isWeaponBucket(i.bucketHash) && !isArmorBucket(i.bucketHash)),
        },
      ],
    };
  }, [items, loadingCount]);
  const full = groups.total >= capacity;
  return (
    <section
      id="vault"
      aria-labelledby="vault-heading"
      {...drop.handlers}
      className={`bg-panel grid scroll-mt-4 gap-3 rounded-lg border p-3 ${drop.over ? "border-accent" : "border-line"}`}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="vault-heading" className="text-lg font-semibold">
          Vault
        </h2>
        <span
          data-testid="vault-count"
          className={`text-sm ${full ? "text-danger font-semibold" : "text-muted"}`}
        >
          {groups.total} / {capacity}
          {full ? " · full" : ""}
        </span>
      </div>
      {hidden ? (
        <p className="text-muted text-sm">
          Bungie didn&apos;t share your vault. Sign in again to let Warmind read it.
        </p>
      ) : loadingCount !== null ? (
        <p role="status" className="text-muted text-sm">
          Loading the vault…
        </p>
      ) : (
        // Up to 700 tiles: each group draws its tiles a chunk at a time as they scroll into
        // view (lazy-tiles.tsx), so a page load draws none of them off screen.
        groups.list.map((group) => (
          <ItemGroup
            key={group.id}
            id={`vault-${group.id}`}
            title={group.title}
            count={group.items.length}
            testId={`vault-${group.id}`}
          >
            {group.items.length === 0 ? (
              <p className="text-muted text-sm">None.</p>
            ) : (
              <LazyTiles items={group.items} tiles={tiles} />
            )}
          </ItemGroup>
        ))
      )}
    </section>
  );
});
