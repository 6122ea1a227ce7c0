// What vendors sell and what they charge: item filters over the catalogue and the currencies of
// today's game (REAL-VENDORS.md: Glimmer first, then Silver, Chronologs, Enhancement Cores...;
// never Legendary Shards, retired in June 2024).
import { CurrencyHashes } from "../../../../lib/destiny/game-facts";
import type { ItemMeta } from "../items";
import type { CostRow, Pool } from "./types";

export const G = CurrencyHashes.Glimmer;
export const BD = CurrencyHashes.BrightDust;
export const SILVER = CurrencyHashes.Silver;
export const CORE = CurrencyHashes.EnhancementCore;
export const ASCENDANT = CurrencyHashes.AscendantShard;
export const CIPHER = CurrencyHashes.ExoticCipher;
export const COIN = CurrencyHashes.StrangeCoin;
export const CHRONO = CurrencyHashes.Chronologs;
export const MARK = CurrencyHashes.LegendaryMark;
export const ENGRAM = CurrencyHashes.ExoticEngram;
export const INSIGNIA = CurrencyHashes.VanguardInsignia;

export const FREE: readonly CostRow[] = [];

const isGear = (m: ItemMeta) => m.kind === "weapon" || m.kind === "armor";
const cosmetic = (m: ItemMeta) => ["ship", "vehicle", "ghost", "emblem"].includes(m.kind);

export const legendaryWeapon: Pool = (m) => m.kind === "weapon" && m.rarity === 5;
export const legendaryArmor: Pool = (m) => m.kind === "armor" && m.rarity === 5;
export const legendaryGear: Pool = (m) => isGear(m) && m.rarity === 5;
export const exoticWeapon: Pool = (m) => m.kind === "weapon" && m.exotic;
export const exoticArmor: Pool = (m) => m.kind === "armor" && m.exotic;
export const exoticGear: Pool = (m) => isGear(m) && m.exotic;
export const anyWeapon: Pool = (m) => m.kind === "weapon" && m.rarity >= 4;
export const lesserGear: Pool = (m) => isGear(m) && m.rarity <= 4;
export const cosmetics: Pool = (m) => cosmetic(m) && m.rarity >= 5;
export const exoticCosmetics: Pool = (m) => cosmetic(m) && m.rarity === 6;
export const emblems: Pool = (m) => m.kind === "emblem";
export const mods: Pool = (m) => m.kind === "mod";
export const materials: Pool = (m) => m.kind === "material" || m.kind === "consumable";
export const consumables: Pool = (m) => m.kind === "consumable";
/** The collections kiosk's stock: every weapon, exotic armour, cosmetic and mod. */
export const archive: Pool = (m) =>
  m.kind === "weapon" || (m.kind === "armor" && m.exotic) || cosmetic(m) || m.kind === "mod";

/** A subclass's plugs of one kind ("fragments", "aspects"...), of one element or any. */
export function subclassPlugs(kind: string, element?: string): Pool {
  return (m) =>
    m.subclassPlug !== undefined &&
    m.subclassPlug.socket === kind &&
    (element === undefined || m.subclassPlug.element === element);
}
