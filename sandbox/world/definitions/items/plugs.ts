// The plug items weapon and armour sockets draw from: traits, barrels, magazines, frames and
// masterworks (armour mods are items of their own, see mods.ts). Built first of all.
import { BARRELS, FRAMES, MAGAZINES, WEAPON_TRAITS } from "../../catalog";
import type { ItemTableBuilder } from "./builder";

export interface SocketPlugs {
  traits: number[];
  barrels: number[];
  magazines: number[];
  frames: number[];
  weaponMasterworks: number[];
  emptyWeaponMasterwork: number;
  armorMasterwork: number;
  emptyArmorMasterwork: number;
  emptyModSocket: number;
}

const WEAPON_MASTERWORK = "v400.plugs.weapons.masterworks.stat";
const ARMOR_MASTERWORK = "v460.plugs.armor.masterworks";

export function buildSocketPlugs(b: ItemTableBuilder): SocketPlugs {
  const traits = WEAPON_TRAITS.map((name) =>
    b.plug(`trait:${name}`, name, `${name}: a weapon trait.`, "Trait", "frames", true),
  );
  const barrels = BARRELS.map((name) =>
    b.plug(`barrel:${name}`, name, `${name}: barrel.`, "Barrel", "barrels", false),
  );
  const magazines = MAGAZINES.map((name) =>
    b.plug(`magazine:${name}`, name, `${name}: magazine.`, "Magazine", "magazines", false),
  );
  const frames = FRAMES.map((name) =>
    b.plug(`frame:${name}`, name, `${name}: intrinsic.`, "Intrinsic", "intrinsics", true),
  );
  const weaponMasterworks = ["Range", "Stability", "Handling", "Reload Speed"].map((stat) =>
    b.plug(
      `mw:${stat}`,
      `Masterworked: ${stat}`,
      `Increases ${stat}.`,
      "Masterwork",
      WEAPON_MASTERWORK,
      false,
    ),
  );
  const emptyWeaponMasterwork = b.plug(
    "mw:empty",
    "Empty Masterwork Socket",
    "",
    "Masterwork",
    WEAPON_MASTERWORK,
    false,
  );
  const armorMasterwork = b.plug(
    "mw:armor",
    "Masterworked Armor",
    "All stats +2.",
    "Masterwork",
    ARMOR_MASTERWORK,
    false,
  );
  const emptyArmorMasterwork = b.plug(
    "mw:armor-empty",
    "Empty Masterwork",
    "",
    "Masterwork",
    ARMOR_MASTERWORK,
    false,
  );
  const emptyModSocket = b.plug(
    "mod:empty",
    "Empty Mod Socket",
    "",
    "Armor Mod",
    "enhancements.v2_general",
    false,
  );
  return {
    traits,
    barrels,
    magazines,
    frames,
    weaponMasterworks,
    emptyWeaponMasterwork,
    armorMasterwork,
    emptyArmorMasterwork,
    emptyModSocket,
  };
}
