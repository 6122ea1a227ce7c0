// Stackable items: currencies (real hashes) and upgrade materials, then consumables.
import { BucketHashes } from "../../../../lib/destiny/buckets";
import { CurrencyHashes, ItemType } from "../../../../lib/destiny/game-facts";
import { CONSUMABLES } from "../../catalog";
import { iconPath } from "../common";
import { CurrencyBucketHashes, ItemCategoryHashes } from "../static-tables";
import { inventoryBlock, type ItemTableBuilder } from "./builder";
import type { ItemKind } from "./types";

/**
 * [currency hash key, name, bucket, max stack, kind, rarity]: today's currencies and the
 * materials vendors price their sales in (../shared/bungie-api/REAL-VENDORS.md). Glimmer and
 * Bright Dust are profile currencies (103), Silver is platformSilver (105); the materials are
 * account-wide stacks in the Consumables bucket, as in the game.
 */
const CURRENCY_ROWS: readonly (readonly [
  keyof typeof CurrencyHashes,
  string,
  number,
  number,
  ItemKind,
  number,
])[] = [
  ["Glimmer", "Glimmer", CurrencyBucketHashes.Glimmer, 250000, "currency", 1],
  ["BrightDust", "Bright Dust", CurrencyBucketHashes.BrightDust, 100000, "currency", 1],
  ["Silver", "Silver", CurrencyBucketHashes.Silver, 100000, "currency", 1],
  ["EnhancementCore", "Enhancement Core", BucketHashes.Consumables, 9999, "material", 4],
  ["UpgradeModule", "Upgrade Module", BucketHashes.Consumables, 9999, "material", 5],
  ["AscendantShard", "Ascendant Shard", BucketHashes.Consumables, 10, "material", 6],
  ["ExoticCipher", "Exotic Cipher", BucketHashes.Consumables, 3, "material", 6],
  ["StrangeCoin", "Strange Coin", BucketHashes.Consumables, 9999, "material", 6],
  ["Chronologs", "Chronologs", BucketHashes.Consumables, 9999, "material", 5],
  ["LegendaryMark", "Legendary Mark", BucketHashes.Consumables, 9999, "material", 5],
  ["ExoticEngram", "Exotic Engram", BucketHashes.Consumables, 10, "material", 6],
  ["VanguardInsignia", "Vanguard Insignia", BucketHashes.Consumables, 9999, "material", 4],
];

export function buildCurrencies(b: ItemTableBuilder): void {
  for (const [key, name, bucketHash, maxStack, kind, rarity] of CURRENCY_ROWS) {
    const hash = b.registry.reserve(CurrencyHashes[key]);
    const isCurrency = kind === "currency";
    const def = b.base(
      hash,
      name,
      isCurrency ? `${name}: a currency.` : `${name}: used to upgrade gear.`,
      iconPath(isCurrency ? "currency" : "material", rarity, hash),
      isCurrency ? ItemType.Currency : ItemType.None,
      isCurrency ? "Currency" : "Material",
      rarity,
    );
    def.itemCategoryHashes = [
      isCurrency ? ItemCategoryHashes.Currencies : ItemCategoryHashes.Materials,
    ];
    def.inventory = inventoryBlock(bucketHash, rarity, maxStack, false);
    b.add(def, {
      kind,
      bucketHash,
      rarity,
      classType: 3,
      exotic: false,
      instanced: false,
      maxStackSize: maxStack,
      nonTransferrable: isCurrency,
      damageType: 0,
      socketOptions: [],
      baseStats: {},
    });
  }
}

export function buildConsumables(b: ItemTableBuilder): void {
  for (const [name, maxStack, rarity] of CONSUMABLES) {
    const hash = b.registry.allocate(`consumable:${name}`);
    const def = b.base(
      hash,
      name,
      `${name}.`,
      iconPath("consumable", rarity, hash),
      ItemType.Consumable,
      "Consumable",
      rarity,
    );
    def.itemCategoryHashes = [ItemCategoryHashes.Consumables];
    def.inventory = inventoryBlock(BucketHashes.Consumables, rarity, maxStack, false);
    b.add(def, {
      kind: "consumable",
      bucketHash: BucketHashes.Consumables,
      rarity,
      classType: 3,
      exotic: false,
      instanced: false,
      maxStackSize: maxStack,
      nonTransferrable: false,
      damageType: 0,
      socketOptions: [],
      baseStats: {},
    });
  }
}
