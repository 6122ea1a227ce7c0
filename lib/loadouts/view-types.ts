// What the loadouts page sends to the browser: plain JSON built on the server from the same
// GetProfile as the inventory (component 206 rides along) and the manifest. Only the items the
// slots name travel, not the whole inventory: the page stays light on a phone.
import type { CharacterView, PlugView } from "@/lib/guardian/view-types";

/** Where a loadout's item is now, from the player's point of view. */
export type LoadoutItemPlace =
  | { kind: "equipped" | "inventory" | "postmaster"; characterId: string; characterName: string }
  | { kind: "vault" }
  /** Deleted, or held by nobody the profile shows (Bungie still names it in the slot). */
  | { kind: "missing" };

export type LoadoutItemView = {
  itemInstanceId: string;
  /** null when the item is missing: nothing says what it was any more. */
  itemHash: number | null;
  name: string;
  icon: string | null;
  typeName: string;
  /** The bucket the item takes on a character (kinetic, helmet, subclass...); 0 when missing. */
  bucketHash: number;
  rarity: number;
  power: number | null;
  place: LoadoutItemPlace;
  /** The plugs the slot sets on the item (UNSET sockets left out); names in LoadoutsView.plugs. */
  plugs: number[];
};

export type LoadoutSlotView = {
  index: number;
  nameHash: number;
  iconHash: number;
  colorHash: number;
  /** The game's name ("Raid"), or "Loadout N" when the manifest does not know the hash. */
  name: string;
  iconUrl: string | null;
  /** The colour is a swatch image in Bungie's manifest. */
  colorUrl: string | null;
  empty: boolean;
  /** Weapons and armour in the game's order (kinetic, energy, power, helmet ... class item). */
  items: LoadoutItemView[];
  /** The subclass and its abilities, aspects and fragments; null when the slot has none. */
  subclass: LoadoutItemView | null;
  /** How many of the slot's items are missing (deleted or held by nobody). */
  missingCount: number;
};

/** A name, icon or colour a slot may take, in the game's order. */
export type LoadoutIdentifierOption = { hash: number; name: string; imageUrl: string | null };

export type LoadoutsView = {
  kind: "loadouts";
  characters: CharacterView[];
  selectedCharacterId: string | null;
  /** characterId → the character's slots in index order. */
  slots: Record<string, LoadoutSlotView[]>;
  options: {
    names: LoadoutIdentifierOption[];
    icons: LoadoutIdentifierOption[];
    colors: LoadoutIdentifierOption[];
  };
  /** Plug hash → name, icon, description, and the kind ("Aspect", "Fragment", "Grenade"...). */
  plugs: Record<string, PlugView & { typeName: string }>;
  /** True when Bungie kept component 206 private or did not send it. */
  unavailable: boolean;
  loadedAt: number;
};
