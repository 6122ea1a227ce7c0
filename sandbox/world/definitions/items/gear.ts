// Gear without sockets: ghosts, ships, sparrows and emblems (with the banner paths apps show).
import { BucketHashes } from "../../../../lib/destiny/buckets";
import { ItemType } from "../../../../lib/destiny/game-facts";
import { EMBLEMS, GHOSTS, SHIPS, SPARROWS } from "../../catalog";
import { iconPath } from "../common";
import { ItemCategoryHashes } from "../static-tables";
import { equippingBlock, inventoryBlock, type ItemTableBuilder } from "./builder";

const GEAR_KINDS = [
  ["ghost", GHOSTS, BucketHashes.Ghost, ItemType.Ghost, "Ghost Shell", ItemCategoryHashes.Ghost],
  ["ship", SHIPS, BucketHashes.Ships, ItemType.Ship, "Ship", ItemCategoryHashes.Ships],
  [
    "vehicle",
    SPARROWS,
    BucketHashes.Vehicle,
    ItemType.Vehicle,
    "Vehicle",
    ItemCategoryHashes.Sparrows,
  ],
  ["emblem", EMBLEMS, BucketHashes.Emblems, ItemType.Emblem, "Emblem", ItemCategoryHashes.Emblems],
] as const;

export function buildGear(b: ItemTableBuilder): void {
  for (const [kind, rows, bucketHash, itemType, typeName, category] of GEAR_KINDS) {
    for (const [name, rarity] of rows) {
      const hash = b.registry.allocate(`${kind}:${name}`);
      const def = b.base(hash, name, "", iconPath(kind, rarity, hash), itemType, typeName, rarity);
      def.equippable = true;
      def.itemCategoryHashes = [category];
      def.inventory = inventoryBlock(bucketHash, rarity, 1, true);
      def.equippingBlock = equippingBlock(bucketHash);
      if (kind === "emblem") {
        // Character banners in apps come from these three paths.
        def.secondaryIcon = iconPath("emblembg", rarity, hash);
        def.secondaryOverlay = iconPath("emblemoverlay", rarity, hash);
        def.secondarySpecial = iconPath("emblembg", rarity, hash);
        def.backgroundColor = {
          red: 40 + (hash % 120),
          green: 30 + ((hash >> 8) % 90),
          blue: 60 + ((hash >> 16) % 150),
          alpha: 255,
        };
      }
      b.add(def, {
        kind,
        bucketHash,
        rarity,
        classType: 3,
        exotic: rarity === 6,
        instanced: true,
        maxStackSize: 1,
        nonTransferrable: false,
        damageType: 0,
        socketOptions: [],
        baseStats: {},
      });
    }
  }
}
