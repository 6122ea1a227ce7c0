// What the Guardian pages send to the browser: plain JSON built on the server from one GetProfile
// and the manifest. The inventory's client component keeps it in SWR, runs the move planner on it
// for optimistic updates, and filters it with the item search. No server-only imports here.
import type { PlannerItem } from "@/lib/destiny/planner-state";

export type ItemView = PlannerItem & {
  /** Absolute or same-origin URL of the icon; null when the manifest has none. */
  icon: string | null;
  typeName: string;
  rarityName: string;
  /** Edge of Fate's gear tier (1-5) of a weapon or armour piece; null for older gear and the rest. */
  gearTier: number | null;
  /** DamageType enum value (1 Kinetic, 2 Arc, 3 Solar, 4 Void, 6 Stasis, 7 Strand), or null. */
  damageType: number | null;
  crafted: boolean;
  /** Instance stats: stat hash → value (names in InventoryView.statNames). Compact on purpose:
   * a full vault sends a thousand of these. */
  stats: Record<string, number>;
  /** Plugged perk/mod hashes in socket order (names and icons in InventoryView.plugs). */
  plugs: number[];
  /** True when the manifest doesn't know the item (shown as "Unknown item"). */
  unknown: boolean;
};

export type CharacterView = {
  characterId: string;
  classType: number;
  /** "Hunter", or "Hunter 2" when the player has two of a class. */
  name: string;
  className: string;
  raceName: string;
  genderName: string;
  light: number;
  emblemUrl: string | null;
  emblemBackgroundUrl: string | null;
  /** In an activity other than orbit (equipping then fails); null when unknown. */
  inActivity: boolean | null;
  dateLastPlayed: string;
  minutesPlayedTotal: number;
};

export type PlugView = { name: string; icon: string | null; description: string };

export type InventoryView = {
  kind: "inventory";
  characters: CharacterView[];
  /** The character the page is for: the player's choice, else the one played most recently. */
  selectedCharacterId: string | null;
  items: ItemView[];
  statNames: Record<string, string>;
  /** Flavour text per item hash (once per definition, not per item). */
  descriptions: Record<string, string>;
  plugs: Record<string, PlugView>;
  /** Inventory components Bungie kept private (e.g. "profileInventory" when the vault is hidden). */
  privateComponents: string[];
  /** When this view was read from Bungie (ms since epoch). */
  loadedAt: number;
  capacity: { vault: number; bucket: number; postmaster: number; postmasterWarning: number };
};

/**
 * An item as the inventory page sends it to the browser: what a tile, the search and the planner
 * need. Its stats and perks stay on the server until its sheet opens (ItemDetails).
 */
export type TileItemView = Omit<ItemView, "stats" | "plugs">;

/**
 * The inventory as the page sends it (page-view.ts): a full vault's stats, perks, flavour text
 * and their names were two thirds of the page's data, and a player opens a few sheets a visit.
 */
export type PageInventoryView = Omit<
  InventoryView,
  "items" | "statNames" | "descriptions" | "plugs"
> & { items: TileItemView[] };

/** The page's first render: part of the items (page-view.ts firstPaintOf), the rest fetched. */
export type FirstPaintView = { view: PageInventoryView; vaultCount: number };

/** One item's details, fetched when its sheet opens (GET /inventory/item?key=…). */
export type ItemDetails = {
  key: string;
  description: string | null;
  /** In the game's order; `bar` false for counts (rounds per minute, magazine). */
  stats: { statHash: number; name: string; value: number; bar: boolean }[];
  plugs: PlugView[];
};

/** A page that could not load its data (Bungie down for maintenance, a network failure...). */
export type UnavailableView = { kind: "unavailable"; title: string; message: string };
