// Subclasses: one per class and element, equippable, never transferable.
import { BucketHashes } from "../../../../lib/destiny/buckets";
import { CLASS_NAMES, ItemType } from "../../../../lib/destiny/game-facts";
import { SUBCLASSES } from "../../catalog";
import { iconPath } from "../common";
import { ItemCategoryHashes } from "../static-tables";
import {
  CLASS_CATEGORY,
  ELEMENT_DAMAGE,
  equippingBlock,
  inventoryBlock,
  type ItemTableBuilder,
} from "./builder";

export function buildSubclasses(b: ItemTableBuilder): void {
  for (const [classType, element, name] of SUBCLASSES) {
    const hash = b.registry.allocate(`subclass:${name}`);
    const damage = ELEMENT_DAMAGE[element];
    const def = b.base(
      hash,
      name,
      `${element} subclass for ${CLASS_NAMES[classType]}s.`,
      iconPath("subclass", 2, hash),
      ItemType.Subclass,
      `${element} Subclass`,
      2,
    );
    def.classType = classType;
    def.equippable = true;
    def.nonTransferrable = true;
    def.itemCategoryHashes = [ItemCategoryHashes.Subclasses, CLASS_CATEGORY[classType] ?? 22];
    def.damageTypeHashes = [damage.hash];
    def.damageTypes = [damage.type as 1];
    def.defaultDamageType = damage.type as 1;
    def.defaultDamageTypeHash = damage.hash;
    def.inventory = inventoryBlock(BucketHashes.Subclass, 2, 1, true);
    def.equippingBlock = equippingBlock(BucketHashes.Subclass);
    b.add(def, {
      kind: "subclass",
      bucketHash: BucketHashes.Subclass,
      rarity: 2,
      classType,
      exotic: false,
      instanced: true,
      maxStackSize: 1,
      nonTransferrable: true,
      damageType: damage.type,
      damageTypeHash: damage.hash,
      socketOptions: [],
      baseStats: {},
    });
  }
}
