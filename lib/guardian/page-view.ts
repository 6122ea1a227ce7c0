// The inventory page's data as it crosses to the browser, and one item's details on demand.
// Pure: shared by the page's loader, its JSON route and the details route.
import { StatHashes } from "@/lib/destiny/game-facts";
import type { InventoryView, ItemDetails, PageInventoryView } from "./view-types";

/** The view without per-item details (stats, perks, flavour text): those come with the sheet. */
export function pageViewOf(view: InventoryView): PageInventoryView {
  const { statNames: _names, descriptions: _texts, plugs: _plugs, items, ...rest } = view;
  return { ...rest, items: items.map(({ stats: _stats, plugs: _itemPlugs, ...item }) => item) };
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
export function itemDetailsOf(view: InventoryView, key: string): ItemDetails | null {
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
