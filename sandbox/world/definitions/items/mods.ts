// Armour mods: stackable items in the Modifications bucket that are also the plugs of armour's
// mod sockets.
import { BucketHashes } from "../../../../lib/destiny/buckets";
import { ItemType } from "../../../../lib/destiny/game-facts";
import { MODS } from "../../catalog";
import { iconPath } from "../common";
import { ItemCategoryHashes } from "../static-tables";
import { inventoryBlock, type ItemTableBuilder, plugBlock } from "./builder";
import type { SocketPlugs } from "./plugs";

/** Builds the mods; returns what an armour mod socket offers (the empty socket first). */
export function buildMods(b: ItemTableBuilder, plugs: SocketPlugs): number[] {
  const modOptions = [plugs.emptyModSocket];
  for (const [name, description] of MODS) {
    const hash = b.registry.allocate(`mod:${name}`);
    const def = b.base(
      hash,
      name,
      description,
      iconPath("mod", 4, hash),
      ItemType.Mod,
      "General Armor Mod",
      4,
    );
    def.itemCategoryHashes = [ItemCategoryHashes.Mods, ItemCategoryHashes.ArmorMods];
    def.inventory = inventoryBlock(BucketHashes.Modifications, 4, 99, false);
    def.plug = plugBlock("enhancements.v2_general");
    modOptions.push(hash);
    b.add(def, {
      kind: "mod",
      bucketHash: BucketHashes.Modifications,
      rarity: 4,
      classType: 3,
      exotic: false,
      instanced: false,
      maxStackSize: 99,
      nonTransferrable: false,
      damageType: 0,
      socketOptions: [],
      baseStats: {},
    });
  }
  return modOptions;
}
