// What /loadouts/saved and /loadouts/shared/<id> send to the browser. No server-only imports.
import type { LoadoutItem } from "./loadout-items";

export type SavedPlugView = {
  hash: number;
  socketIndex: number;
  name: string;
  icon: string | null;
};

export type SavedItemView = {
  itemInstanceId: string;
  itemHash: number;
  bucketHash: number;
  name: string;
  icon: string | null;
  /** Where it is now ("in the vault"...); "Not yours" on a shared page for items the viewer lacks. */
  where: string;
  /** The viewer holds it (their own loadouts), or a copy of it (a shared one). */
  owned: boolean;
  plugs: SavedPlugView[];
};

export type SavedLoadoutView = {
  id: string;
  name: string;
  classType: number;
  className: string;
  shareId: string | null;
  damaged: boolean;
  items: SavedItemView[];
  /** As stored, for the editor (reorder/remove sends them back). */
  raw: LoadoutItem[];
};

/** An item the player may pick into a new loadout (weapons, armour, subclasses they hold). */
export type PickableItemView = {
  itemInstanceId: string;
  name: string;
  bucketHash: number;
  /** DestinyClass: 3 = any class. */
  classType: number;
  rarityName: string;
  /** Where it is now ("in the vault", "equipped on your Titan"...). */
  where: string;
};

/**
 * One of a character's in-game loadout slots, empty ones too: a non-empty slot can be imported,
 * and any slot can be written (an empty one filled, a full one overwritten).
 */
export type GameSlotView = { characterId: string; index: number; name: string; empty: boolean };

export type SavedPageView = {
  kind: "saved";
  characters: { characterId: string; classType: number; name: string }[];
  loadouts: SavedLoadoutView[];
  pickable: PickableItemView[];
  slots: GameSlotView[];
};

export type SharedPageView = {
  kind: "shared";
  shareId: string;
  ownerName: string | null;
  ownedByViewer: boolean;
  loadout: SavedLoadoutView;
};
