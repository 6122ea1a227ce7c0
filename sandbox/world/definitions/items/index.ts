// DestinyInventoryItemDefinition for the sandbox: weapons, armour, gear, subclasses,
// consumables, mods, currencies and the perk plugs their sockets hold, plus the
// DestinySandboxPerkDefinition rows the perks component (302) points at.
//
// Alongside each definition the builder records an ItemMeta: the facts world generation
// and the game rules need, so they never have to re-derive them from the JSON.
//
// Each section has its own builder; they run in this order, always. A definition's hash probes
// past every hash handed out before it and its index counts the definitions before it, so a
// new section goes after the others (as "new this season" and the hostile weapons do), never
// between them (as "new this season", the hostile weapons and the subclass sockets do).
// tests/unit/sandbox/definitions-digest.test.ts pins the result.
import { SEASON_ARMOR_SETS, SEASON_WEAPONS } from "../../catalog";
import { HOSTILE_WEAPONS } from "../hostile-names";
import { armorMaker, buildArmor, buildArmorSet } from "./armor";
import { ItemTableBuilder } from "./builder";
import { buildGear } from "./gear";
import { buildMods } from "./mods";
import { buildSocketPlugs } from "./plugs";
import { buildConsumables, buildCurrencies } from "./stackables";
import { buildSubclassSockets, type PlugSetDefinition } from "./subclass-sockets";
import { buildSubclasses } from "./subclasses";
import { COLLECTIBLE_KINDS, type ItemTables } from "./types";
import { buildWeapons, weaponMaker } from "./weapons";

export {
  COLLECTIBLE_KINDS,
  UNIQUE_LABELS,
  type ItemDefinition,
  type ItemKind,
  type ItemMeta,
  type ItemTables,
  type SandboxPerkDefinition,
} from "./types";

export { ItemTableBuilder } from "./builder";
export type { PlugSetDefinition } from "./subclass-sockets";

/**
 * Fills `b` with every item section. The vendor tables add their sub-vendors' preview items to
 * the same builder afterwards.
 */
export function buildItemTables(b: ItemTableBuilder): ItemTables & {
  plugSets: Record<string, PlugSetDefinition>;
} {
  const plugs = buildSocketPlugs(b);
  const weapon = weaponMaker(b, plugs);
  buildWeapons(weapon);
  const armor = armorMaker(b, plugs, buildMods(b, plugs));
  buildArmor(armor);
  buildGear(b);
  buildSubclasses(b);
  buildCurrencies(b);
  buildConsumables(b);

  // New this season: after every older item, so none of those moves.
  for (const row of SEASON_WEAPONS) weapon(row, 5, true);
  for (const setName of SEASON_ARMOR_SETS) buildArmorSet(armor, setName, 5, true);

  // Last of all, so that no other item's hash or index depends on them.
  const hostileItemHashes = HOSTILE_WEAPONS.map(([row, description]) => {
    const hash = weapon(row, 5);
    const def = b.items[String(hash)];
    const m = b.meta.get(hash);
    if (def) def.displayProperties = { ...def.displayProperties, description };
    if (m) m.hostile = true;
    return hash;
  });

  // Subclasses 3.0: their plugs and plug sets, after everything else.
  const { plugSets } = buildSubclassSockets(b);

  assignCollectibles(b);
  return {
    plugSets,
    items: b.items,
    hostileItemHashes,
    perks: b.perks,
    meta: b.meta,
    perkForPlug: b.perkForPlug,
  };
}

/**
 * Collections entries. Like Bungie's, a collectible hash is its own number, not the item's:
 * fnv1a of "collectible:<itemHash>" (probed past any hash already used), so it stays put as
 * long as the item's hash does. Allocated after every item, so no item hash moves because of
 * them.
 */
function assignCollectibles(b: ItemTableBuilder): void {
  for (const m of b.meta.values()) {
    if (!COLLECTIBLE_KINDS.has(m.kind)) continue;
    const collectibleHash = b.registry.allocate(`collectible:${m.hash}`);
    m.collectibleHash = collectibleHash;
    const def = b.items[String(m.hash)];
    if (def) def.collectibleHash = collectibleHash;
  }
}
