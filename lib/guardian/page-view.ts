// The inventory page's data as it crosses to the browser, and one item's details on demand.
// Pure: shared by the page's loader, its JSON route and the details route.
import { StatHashes } from "@/lib/destiny/game-facts";
import type {
  FirstPaintView,
  InventoryView,
  ItemDetails,
  ItemView,
  PageInventoryView,
} from "./view-types";

/** What an item's sheet details are made of: the view's names and each item's stats and perks. */
export type DetailsSource = Pick<InventoryView, "statNames" | "descriptions" | "plugs"> & {
  items: Pick<ItemView, "key" | "itemHash" | "stats" | "plugs">[];
};

/** The details part of a view, without the tiles' fields (kept by item-details-store.ts). */
export function detailsSourceOf(view: DetailsSource): DetailsSource {
  return {
    statNames: view.statNames,
    descriptions: view.descriptions,
    plugs: view.plugs,
    items: view.items.map(({ key, itemHash, stats, plugs }) => ({ key, itemHash, stats, plugs })),
  };
}

/** The view without per-item details (stats, perks, flavour text): those come with the sheet. */
export function pageViewOf(view: InventoryView): PageInventoryView {
  const { statNames: _names, descriptions: _texts, plugs: _plugs, items, ...rest } = view;
  return { ...rest, items: items.map(({ stats: _stats, plugs: _itemPlugs, ...item }) => item) };
}

/**
 * What the page itself sends (issue 17): the chosen character's gear and postmaster, and how full
 * the vault is. The vault, the other characters and the account's consumables (most of a full
 * account's 900 items, which a phone's screen shows none of at first) follow as JSON from
 * /inventory/view once the page is interactive: the page's HTML carries a seventh of the items.
 */
export function firstPaintOf(view: PageInventoryView): FirstPaintView {
  const chosen = view.selectedCharacterId ?? view.characters[0]?.characterId ?? null;
  return {
    view: { ...view, items: view.items.filter((i) => i.ownerCharacterId === chosen) },
    vaultCount: view.items.filter((i) => i.location === "vault").length,
  };
}

// The game's order for weapon and armour stats; counts (rounds per minute, magazine) get no bar.
const STAT_ORDER: number[] = [
  StatHashes.RoundsPerMinute,
  StatHashes.Impact,
  StatHashes.Range,
  StatHashes.Stability,
  StatHashes.Handling,
  StatHashes.ReloadSpeed,
  StatHashes.Magazine,
  StatHashes.Weapons,
  StatHashes.Health,
  StatHashes.Class,
  StatHashes.Grenade,
  StatHashes.Super,
  StatHashes.Melee,
];
const COUNTS = new Set<number>([StatHashes.RoundsPerMinute, StatHashes.Magazine]);

/** One item's sheet details, named; null when the player holds no item with that key. */
export function itemDetailsOf(view: DetailsSource, key: string): ItemDetails | null {
  const item = view.items.find((i) => i.key === key);
  if (!item) return null;
  const rank = (hash: number) => {
    const n = STAT_ORDER.indexOf(hash);
    return n === -1 ? STAT_ORDER.length : n;
  };
  return {
    key,
    description: view.descriptions[item.itemHash] ?? null,
    stats: Object.entries(item.stats)
      .map(([hash, value]) => ({
        statHash: Number(hash),
        name: view.statNames[hash] || "Stat",
        value,
        bar: !COUNTS.has(Number(hash)),
      }))
      .sort((a, b) => rank(a.statHash) - rank(b.statHash) || a.statHash - b.statHash),
    plugs: item.plugs.map(
      (hash) => view.plugs[hash] ?? { name: "Unknown perk", icon: null, description: "" },
    ),
  };
}
