// What every item section builds with: the tables being filled, the running definition index,
// the blocks every definition carries (base fields, inventory, plug, equipping, sockets) and
// plug items. One builder is shared by the sections in order, so a definition's hash and index
// depend only on what was built before it.
import type { DestinyItemSocketEntryDefinition } from "bungie-api-ts/destiny2";
import { BucketHashes } from "../../../../lib/destiny/buckets";
import {
  DamageType,
  DamageTypeHashes,
  ItemType,
  RARITY_NAMES,
} from "../../../../lib/destiny/game-facts";
import type { Element } from "../../catalog";
import { fnv1a } from "../../prng";
import { displayProperties, type HashRegistry, iconPath, NO_COLOR } from "../common";
import { ItemCategoryHashes, type SocketTypeHashes } from "../static-tables";
import type { ItemDefinition, ItemMeta, PlugBlock, SandboxPerkDefinition } from "./types";

const TIER_TYPE_HASHES: Record<number, number> = {
  2: 3340296461,
  3: 2395677314,
  4: 2127292149,
  5: 4008398120,
  6: 2759499571,
};

export const ELEMENT_DAMAGE: Record<Element, { type: number; hash: number }> = {
  Kinetic: { type: DamageType.Kinetic, hash: DamageTypeHashes.Kinetic },
  Arc: { type: DamageType.Arc, hash: DamageTypeHashes.Arc },
  Solar: { type: DamageType.Thermal, hash: DamageTypeHashes.Solar },
  Void: { type: DamageType.Void, hash: DamageTypeHashes.Void },
  Stasis: { type: DamageType.Stasis, hash: DamageTypeHashes.Stasis },
  Strand: { type: DamageType.Strand, hash: DamageTypeHashes.Strand },
};

/** The item category of each class (Titan, Hunter, Warlock). */
export const CLASS_CATEGORY = [
  ItemCategoryHashes.Titan,
  ItemCategoryHashes.Hunter,
  ItemCategoryHashes.Warlock,
];

export function inventoryBlock(
  bucketHash: number,
  rarity: number,
  maxStackSize: number,
  instanced: boolean,
) {
  return {
    stackUniqueLabel: "",
    maxStackSize,
    bucketTypeHash: bucketHash,
    recoveryBucketTypeHash: instanced ? BucketHashes.LostItems : 0,
    tierTypeHash: TIER_TYPE_HASHES[rarity] ?? 0,
    isInstanceItem: instanced,
    tierTypeName: RARITY_NAMES[rarity] ?? "",
    tierType: rarity as 5,
    expirationTooltip: "",
    expiredInActivityMessage: "",
    expiredInOrbitMessage: "",
    suppressExpirationWhenObjectivesComplete: true,
  };
}

export function plugBlock(category: string): PlugBlock {
  return {
    plugCategoryIdentifier: category,
    plugCategoryHash: fnv1a(category),
    insertionRules: [],
    enabledRules: [],
    uiPlugLabel: "",
    plugStyle: 0,
    plugAvailability: 0,
    isDummyPlug: false,
  };
}

/** Equippable items: their slot, exotics' unique label (one per character) and ammo type. */
export function equippingBlock(bucketHash: number, uniqueLabel = "", ammoType = 0) {
  return {
    uniqueLabel,
    uniqueLabelHash: uniqueLabel ? fnv1a(uniqueLabel) : 0,
    equipmentSlotTypeHash: bucketHash,
    attributes: 0,
    ammoType,
    displayStrings: [""],
  };
}

export function socketEntry(
  socketTypeHash: number,
  options: number[],
): DestinyItemSocketEntryDefinition {
  return {
    socketTypeHash,
    singleInitialItemHash: options[0] ?? 0,
    reusablePlugItems: options.map((plugItemHash) => ({ plugItemHash })),
    preventInitializationOnVendorPurchase: false,
    hidePerksInItemTooltip: false,
    plugSources: 2,
    defaultVisible: true,
  };
}

export class ItemTableBuilder {
  readonly items: Record<string, ItemDefinition> = {};
  readonly perks: Record<string, SandboxPerkDefinition> = {};
  readonly meta = new Map<number, ItemMeta>();
  readonly perkForPlug = new Map<number, number>();
  private index = 0;

  constructor(
    readonly registry: HashRegistry,
    readonly socketTypes: SocketTypeHashes,
  ) {}

  /** The fields every item definition carries; the next definition index. */
  base(
    hash: number,
    name: string,
    description: string,
    icon: string,
    itemType: number,
    typeName: string,
    rarity: number,
  ): ItemDefinition {
    return {
      displayProperties: displayProperties(name, description, icon),
      tooltipNotifications: [],
      iconWatermark: rarity >= 5 ? iconPath("watermark", 0, "s25") : "",
      iconWatermarkShelved: "",
      secondaryIcon: "",
      secondaryOverlay: "",
      secondarySpecial: "",
      backgroundColor: NO_COLOR,
      isFeaturedItem: false,
      isHolofoil: false,
      isAdept: false,
      screenshot: "",
      itemTypeDisplayName: typeName,
      flavorText: "",
      uiItemDisplayStyle: "",
      itemTypeAndTierDisplayName: rarity > 0 ? `${RARITY_NAMES[rarity]} ${typeName}` : typeName,
      displaySource: "",
      tooltipStyle: "",
      investmentStats: [],
      perks: [],
      allowActions: true,
      doesPostmasterPullHaveSideEffects: false,
      nonTransferrable: false,
      itemCategoryHashes: [],
      specialItemType: 0,
      itemType: itemType as 0,
      itemSubType: 0,
      classType: 3,
      breakerType: 0,
      equippable: false,
      damageTypeHashes: [],
      damageTypes: [],
      defaultDamageType: 0,
      isWrapper: false,
      traitIds: [],
      traitHashes: [],
      hash,
      index: this.index++,
      redacted: false,
    };
  }

  add(def: ItemDefinition, m: Omit<ItemMeta, "hash" | "name">): void {
    this.items[String(def.hash)] = def;
    this.meta.set(def.hash, { hash: def.hash, name: def.displayProperties.name, ...m });
  }

  /** A plug item (perk, barrel, magazine, frame, masterwork, mod), with its perk when it shows one. */
  plug(
    key: string,
    name: string,
    description: string,
    typeName: string,
    category: string,
    withPerk: boolean,
  ): number {
    const hash = this.registry.allocate(`plug:${key}`);
    const def = this.base(
      hash,
      name,
      description,
      iconPath("perk", 0, hash),
      ItemType.Mod,
      typeName,
      2,
    );
    def.inventory = inventoryBlock(0, 2, 1, false);
    def.plug = plugBlock(category);
    if (withPerk) {
      const perkHash = this.registry.allocate(`perk:${key}`);
      this.perks[String(perkHash)] = {
        displayProperties: displayProperties(name, description, iconPath("perk", 0, hash)),
        perkIdentifier: key,
        isDisplayable: true,
        damageType: 0,
        hash: perkHash,
        index: Object.keys(this.perks).length,
        redacted: false,
      };
      def.perks = [{ requirementDisplayString: "", perkHash, perkVisibility: 0 }];
      this.perkForPlug.set(hash, perkHash);
    }
    this.add(def, {
      kind: "plug",
      bucketHash: 0,
      rarity: 2,
      classType: 3,
      exotic: false,
      instanced: false,
      maxStackSize: 1,
      nonTransferrable: true,
      damageType: 0,
      socketOptions: [],
      baseStats: {},
    });
    return hash;
  }
}
