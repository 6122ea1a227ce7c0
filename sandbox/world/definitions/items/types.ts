// The shapes the item builders fill: Bungie's own definition types (the fields the sandbox
// sets), and ItemMeta, the facts world generation and the game rules read instead of
// re-deriving them from the JSON.
import type {
  DestinyInventoryItemDefinition,
  DestinyItemPlugDefinition,
  DestinySandboxPerkDefinition,
} from "bungie-api-ts/destiny2";

export type PlugBlock = Pick<
  DestinyItemPlugDefinition,
  | "plugCategoryIdentifier"
  | "plugCategoryHash"
  | "insertionRules"
  | "enabledRules"
  | "uiPlugLabel"
  | "plugStyle"
  | "plugAvailability"
  | "isDummyPlug"
>;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The fields the sandbox fills in, with Bungie's own types (mutable while being built). */
export type ItemDefinition = Mutable<
  Omit<
    Pick<
      DestinyInventoryItemDefinition,
      | "displayProperties"
      | "tooltipNotifications"
      | "iconWatermark"
      | "iconWatermarkShelved"
      | "secondaryIcon"
      | "secondaryOverlay"
      | "secondarySpecial"
      | "backgroundColor"
      | "isFeaturedItem"
      | "isHolofoil"
      | "isAdept"
      | "screenshot"
      | "itemTypeDisplayName"
      | "flavorText"
      | "uiItemDisplayStyle"
      | "itemTypeAndTierDisplayName"
      | "displaySource"
      | "tooltipStyle"
      | "inventory"
      | "stats"
      | "equippingBlock"
      | "sockets"
      | "investmentStats"
      | "perks"
      | "allowActions"
      | "doesPostmasterPullHaveSideEffects"
      | "nonTransferrable"
      | "itemCategoryHashes"
      | "specialItemType"
      | "itemType"
      | "itemSubType"
      | "classType"
      | "breakerType"
      | "equippable"
      | "damageTypeHashes"
      | "damageTypes"
      | "defaultDamageType"
      | "defaultDamageTypeHash"
      | "isWrapper"
      | "traitIds"
      | "traitHashes"
      | "collectibleHash"
      | "preview"
      | "hash"
      | "index"
      | "redacted"
    >,
    "plug"
  >
> & { plug?: PlugBlock };

export type SandboxPerkDefinition = DestinySandboxPerkDefinition;

export type ItemKind =
  | "weapon"
  | "armor"
  | "ghost"
  | "ship"
  | "vehicle"
  | "emblem"
  | "subclass"
  | "consumable"
  | "material"
  | "mod"
  | "currency"
  | "plug"
  /** A vendor's free sale that opens another vendor (preview.previewVendorHash). */
  | "preview";

export interface ItemMeta {
  hash: number;
  name: string;
  kind: ItemKind;
  /** The bucket the item lives in on a character (or the account bucket for stackables). */
  bucketHash: number;
  rarity: number;
  classType: number;
  exotic: boolean;
  instanced: boolean;
  maxStackSize: number;
  nonTransferrable: boolean;
  damageType: number;
  damageTypeHash?: number;
  uniqueLabel?: string;
  /** Candidate plugs per socket; index 0 is the definition's initial plug. */
  socketOptions: number[][];
  /** Base values of the stats an instance shows (304). */
  baseStats: Record<number, number>;
  primaryStatHash?: number;
  /** A script-payload name (definitions/hostile-names.ts): never generated, never in a vendor pool. */
  hostile?: boolean;
  /** The item's Collections entry (DestinyCollectibleDefinition hash); gear only. */
  collectibleHash?: number;
  /** Sold by vendors but never dropped in the generated world (catalog's SEASON_*). */
  newThisSeason?: boolean;
  /** A subclass's plug (super, ability, aspect, fragment): which socket kind and element. */
  subclassPlug?: { socket: SubclassSocketKind; element: string };
  /** Sockets whose plug InsertSocketPlugFree may change (subclass sockets, armour mods). */
  freeSockets?: readonly number[];
}

/** The sockets of a subclass, in socket order (items/subclass-sockets.ts). */
export type SubclassSocketKind =
  "supers" | "class-abilities" | "movement" | "melee" | "grenades" | "aspects" | "fragments";

/**
 * The kinds with a Collections entry on Bungie (weapons, armour, ghosts, ships, sparrows,
 * emblems); consumables, mods, materials, currencies, subclasses and plugs have none.
 */
export const COLLECTIBLE_KINDS: ReadonlySet<ItemKind> = new Set([
  "weapon",
  "armor",
  "ghost",
  "ship",
  "vehicle",
  "emblem",
]);

export interface ItemTables {
  items: Record<string, ItemDefinition>;
  /** The hostile-named weapons, in HOSTILE_WEAPONS order. */
  hostileItemHashes: number[];
  perks: Record<string, SandboxPerkDefinition>;
  meta: Map<number, ItemMeta>;
  /** Sandbox perk shown for a plug, when the plug has one. */
  perkForPlug: Map<number, number>;
}

export const UNIQUE_LABELS = {
  exoticWeapon: "exotic_weapon",
  exoticArmor: "exotic_armor",
} as const;
