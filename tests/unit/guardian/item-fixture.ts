// One inventory item as the views carry it, for the guardian unit tests: a legendary-looking
// exotic hand cannon in the vault, with whatever each test changes patched over it.
import type { ItemView, TileItemView } from "@/lib/guardian/view-types";

export function tileItem(key: string, patch: Partial<TileItemView> = {}): TileItemView {
  return {
    key,
    itemInstanceId: key,
    itemHash: 1001,
    name: "Ace of Spades",
    quantity: 1,
    maxStackSize: 1,
    bucketHash: 1498876634,
    location: "vault",
    ownerCharacterId: null,
    classType: 3,
    rarity: 6,
    uniqueLabel: null,
    locked: false,
    lockable: true,
    power: 540,
    masterwork: false,
    transferable: true,
    equippable: true,
    icon: "/icons/ace.png",
    typeName: "Hand Cannon",
    rarityName: "Exotic",
    gearTier: 4,
    damageType: 1,
    crafted: false,
    unknown: false,
    ...patch,
  };
}

/** The same item with its stats and perks, as the server's full view has it. */
export function itemView(key: string, patch: Partial<ItemView> = {}): ItemView {
  const { stats = {}, plugs = [], ...rest } = patch;
  return { ...tileItem(key, rest), stats, plugs };
}
