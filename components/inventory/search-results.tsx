"use client";

import { memo, useMemo } from "react";
import { parseItemQuery, matchesQuery } from "@/lib/destiny/item-search";
import type { PageInventoryView, TileItemView } from "@/lib/guardian/view-types";
import { ItemGroup, ItemTiles } from "./item-group";
import type { TileHandlers } from "./tile-handlers";

/** Every item matching the search, wherever it is, grouped by place. */
export const SearchResults = memo(function SearchResults({
  view,
  query,
  tiles,
}: {
  view: PageInventoryView;
  query: string;
  tiles: TileHandlers;
}) {
  const parsed = useMemo(() => parseItemQuery(query), [query]);
  const groups = useMemo(() => {
    const matching = view.items.filter((i) => matchesQuery(parsed, i));
    const byPlace: { id: string; title: string; items: TileItemView[] }[] = [
      ...view.characters.map((c) => ({
        id: c.characterId,
        title: `Your ${c.name}`,
        items: matching.filter(
          (i) => i.ownerCharacterId === c.characterId && i.location !== "postmaster",
        ),
      })),
      {
        id: "postmaster",
        title: "Postmaster",
        items: matching.filter((i) => i.location === "postmaster"),
      },
      { id: "vault", title: "Vault", items: matching.filter((i) => i.location === "vault") },
      {
        id: "account",
        title: "Account inventory",
        items: matching.filter((i) => i.location === "inventory" && i.ownerCharacterId === null),
      },
    ];
    return { count: matching.length, byPlace: byPlace.filter((g) => g.items.length > 0) };
  }, [view, parsed]);

  return (
    <section
      aria-labelledby="search-heading"
      className="border-line bg-panel grid gap-3 rounded-lg border p-3"
    >
      <h2 id="search-heading" className="text-lg font-semibold" data-testid="search-count">
        {groups.count} {groups.count === 1 ? "item matches" : "items match"}
      </h2>
      {parsed.errors.length > 0 ? (
        <ul className="text-danger text-sm">
          {parsed.errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
      {groups.byPlace.map((group) => (
        <ItemGroup
          key={group.id}
          id={`search-${group.id}`}
          title={group.title}
          count={group.items.length}
        >
          <ItemTiles items={group.items} tiles={tiles} />
        </ItemGroup>
      ))}
    </section>
  );
});
