// Armour: exotics with their intrinsic perk, then legendary, rare and common sets, one piece
// per slot for each class; two mod sockets and a masterwork socket each.
import { ARMOR_BUCKETS, BucketHashes } from "../../../../lib/destiny/buckets";
import { CLASS_NAMES, ItemType, StatHashes } from "../../../../lib/destiny/game-facts";
import {
  ARMOR_PIECE_NAMES,
  COMMON_ARMOR_SETS,
  EXOTIC_ARMOR,
  LEGENDARY_ARMOR_SETS,
  RARE_ARMOR_SETS,
} from "../../catalog";
import { iconPath } from "../common";
import { ItemCategoryHashes } from "../static-tables";
import {
  CLASS_CATEGORY,
  equippingBlock,
  inventoryBlock,
  type ItemTableBuilder,
  socketEntry,
} from "./builder";
import type { SocketPlugs } from "./plugs";
import { UNIQUE_LABELS } from "./types";

const ARMOR_STATS = [
  StatHashes.Health,
  StatHashes.Melee,
  StatHashes.Grenade,
  StatHashes.Super,
  StatHashes.Class,
  StatHashes.Weapons,
] as const;
const ARMOR_SLOT_NAMES = ["Helmet", "Gauntlets", "Chest Armor", "Leg Armor", "Class Item"];
const ARMOR_SLOT_CATEGORY = [
  ItemCategoryHashes.Helmets,
  ItemCategoryHashes.Arms,
  ItemCategoryHashes.Chest,
  ItemCategoryHashes.Legs,
  ItemCategoryHashes.ClassItems,
];
const ARMOR_SUBTYPES = [26, 27, 28, 29, 30];

/** Builds one armour piece for a class and slot (0 helmet … 4 class item). */
export type ArmorMaker = (
  name: string,
  classType: 0 | 1 | 2,
  slotIndex: number,
  rarity: number,
  intrinsicName?: string,
  season?: boolean,
) => void;

export function armorMaker(
  b: ItemTableBuilder,
  plugs: SocketPlugs,
  modOptions: number[],
): ArmorMaker {
  const { socketTypes } = b;
  return (name, classType, slotIndex, rarity, intrinsicName, season = false) => {
    const bucketHash = ARMOR_BUCKETS[slotIndex] ?? BucketHashes.Helmet;
    const hash = b.registry.allocate(`armor:${name}:${classType}`);
    const exotic = rarity === 6;
    const typeName =
      slotIndex === 4
        ? `${CLASS_NAMES[classType]} Class Item`
        : (ARMOR_SLOT_NAMES[slotIndex] ?? "Armor");
    const def = b.base(
      hash,
      name,
      exotic ? `${intrinsicName}: exotic armor for ${CLASS_NAMES[classType]}s.` : "",
      iconPath("armor", rarity, hash),
      ItemType.Armor,
      typeName,
      rarity,
    );
    def.classType = classType;
    def.itemSubType = (ARMOR_SUBTYPES[slotIndex] ?? 26) as 26;
    def.equippable = true;
    def.itemCategoryHashes = [
      ItemCategoryHashes.Armor,
      ARMOR_SLOT_CATEGORY[slotIndex] ?? ItemCategoryHashes.Helmets,
      CLASS_CATEGORY[classType] ?? ItemCategoryHashes.Titan,
    ];
    def.inventory = inventoryBlock(bucketHash, rarity, 1, true);
    const baseStats: Record<number, number> = { [StatHashes.Defense]: 10 };
    const statBlock: Record<
      number,
      { statHash: number; value: number; minimum: number; maximum: number }
    > = {
      [StatHashes.Defense]: { statHash: StatHashes.Defense, value: 10, minimum: 0, maximum: 2020 },
    };
    for (const statHash of ARMOR_STATS) {
      baseStats[statHash] = 0;
      statBlock[statHash] = { statHash, value: 0, minimum: 0, maximum: 100 };
    }
    def.stats = {
      disablePrimaryStatDisplay: false,
      stats: statBlock,
      hasDisplayableStats: true,
      primaryBaseStatHash: StatHashes.Defense,
    };
    def.equippingBlock = equippingBlock(bucketHash, exotic ? UNIQUE_LABELS.exoticArmor : "");
    const socketOptions: number[][] = [
      modOptions,
      modOptions,
      [plugs.emptyArmorMasterwork, plugs.armorMasterwork],
    ];
    const types = [socketTypes.armorMod, socketTypes.armorMod, socketTypes.masterwork];
    if (exotic) {
      socketOptions.unshift([
        b.plug(
          `exotic-armor:${name}`,
          intrinsicName ?? name,
          `${name}'s exotic perk.`,
          "Intrinsic",
          "intrinsics",
          true,
        ),
      ]);
      types.unshift(socketTypes.armorIntrinsic);
    }
    def.sockets = {
      detail: "",
      socketEntries: socketOptions.map((options, i) => socketEntry(types[i] ?? 0, options)),
      intrinsicSockets: [],
      socketCategories: exotic
        ? [
            { socketCategoryHash: 3154740035, socketIndexes: [0] },
            { socketCategoryHash: 590099826, socketIndexes: [1, 2, 3] },
          ]
        : [{ socketCategoryHash: 590099826, socketIndexes: [0, 1, 2] }],
    };
    b.add(def, {
      kind: "armor",
      bucketHash,
      rarity,
      classType,
      exotic,
      instanced: true,
      maxStackSize: 1,
      nonTransferrable: false,
      damageType: 0,
      uniqueLabel: exotic ? UNIQUE_LABELS.exoticArmor : undefined,
      socketOptions,
      // Armour mods go in and out for free (InsertSocketPlugFree); intrinsics and masterworks not.
      freeSockets: types.flatMap((type, i) => (type === socketTypes.armorMod ? [i] : [])),
      baseStats,
      primaryStatHash: StatHashes.Defense,
      ...(season ? { newThisSeason: true } : {}),
    });
  };
}

/** Every class's piece of every slot of an armour set. */
export function buildArmorSet(armor: ArmorMaker, setName: string, rarity: number, season = false) {
  for (const classType of [0, 1, 2] as const) {
    ARMOR_PIECE_NAMES[classType].forEach((piece, slotIndex) =>
      armor(`${setName} ${piece}`, classType, slotIndex, rarity, undefined, season),
    );
  }
}

/** The catalogue's armour: exotics, then the legendary, rare and common sets. */
export function buildArmor(armor: ArmorMaker): void {
  for (const [classType, slotIndex, name, perk] of EXOTIC_ARMOR)
    armor(name, classType, slotIndex, 6, perk);
  const sets: readonly (readonly [readonly string[], number])[] = [
    [LEGENDARY_ARMOR_SETS, 5],
    [RARE_ARMOR_SETS, 4],
    [COMMON_ARMOR_SETS, 3],
  ];
  for (const [setNames, rarity] of sets) {
    for (const setName of setNames) buildArmorSet(armor, setName, rarity);
  }
}
