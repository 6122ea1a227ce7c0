// Item search in the manner of the game's companion apps: free text plus filters, all combined
// (every term must match). Pure: the inventory page runs it in the browser on every keystroke.
//   "ace of"           name or item type contains the words
//   is:weapon is:armor is:exotic is:legendary is:locked is:unlocked is:masterwork
//   is:equipped is:vault is:postmaster is:kinetic is:arc is:solar is:void is:stasis is:strand
//   is:ghost is:ship is:sparrow is:emblem is:subclass
//   class:hunter class:titan class:warlock
//   power:>500 power:>=450 power:<200 power:510 power:450..500   (Edge of Fate: 10 to 550)
//   tier:5 tier:>=3 tier:<2 tier:<=4 tier:>1 tier:=4    the gear tier (1-5), as DIM spells it
//   -is:locked, not:locked     negation
import {
  ARMOR_BUCKETS,
  BucketHashes,
  WEAPON_BUCKETS,
  isArmorBucket,
  isWeaponBucket,
} from "./buckets";
import { DamageType, DestinyClass, Rarity } from "./game-facts";

export type SearchableItem = {
  name: string;
  /** "Hand Cannon", "Helmet"... */
  typeName: string;
  rarity: number;
  classType: number;
  bucketHash: number;
  locked: boolean;
  masterwork: boolean;
  power: number | null;
  /** Edge of Fate's gear tier (1-5); null for older gear and everything that is not gear. */
  gearTier: number | null;
  damageType: number | null;
  location: "equipped" | "inventory" | "vault" | "postmaster";
};

type Comparison = ">" | ">=" | "<" | "<=" | "=";

export type SearchTerm =
  | { kind: "text"; negate: boolean; text: string }
  | { kind: "is"; negate: boolean; value: string }
  | { kind: "class"; negate: boolean; classType: number }
  | { kind: "power"; negate: boolean; op: Comparison; value: number; upTo?: number }
  | { kind: "tier"; negate: boolean; op: Comparison; value: number };

export type ParsedQuery = {
  terms: SearchTerm[];
  /** Terms that were not understood (shown to the player, and ignored). */
  errors: string[];
};

const IS_FILTERS: Record<string, (item: SearchableItem) => boolean> = {
  weapon: (i) => isWeaponBucket(i.bucketHash),
  armor: (i) => isArmorBucket(i.bucketHash),
  exotic: (i) => i.rarity === Rarity.Exotic,
  legendary: (i) => i.rarity === Rarity.Superior,
  rare: (i) => i.rarity === Rarity.Rare,
  common: (i) => i.rarity === Rarity.Common,
  basic: (i) => i.rarity === Rarity.Basic,
  locked: (i) => i.locked,
  unlocked: (i) => !i.locked,
  masterwork: (i) => i.masterwork,
  equipped: (i) => i.location === "equipped",
  vault: (i) => i.location === "vault",
  postmaster: (i) => i.location === "postmaster",
  kinetic: (i) => i.damageType === DamageType.Kinetic,
  arc: (i) => i.damageType === DamageType.Arc,
  solar: (i) => i.damageType === DamageType.Thermal,
  void: (i) => i.damageType === DamageType.Void,
  stasis: (i) => i.damageType === DamageType.Stasis,
  strand: (i) => i.damageType === DamageType.Strand,
  ghost: (i) => i.bucketHash === BucketHashes.Ghost,
  ship: (i) => i.bucketHash === BucketHashes.Ships,
  sparrow: (i) => i.bucketHash === BucketHashes.Vehicle,
  emblem: (i) => i.bucketHash === BucketHashes.Emblems,
  subclass: (i) => i.bucketHash === BucketHashes.Subclass,
  kineticslot: (i) => i.bucketHash === WEAPON_BUCKETS[0],
  energyslot: (i) => i.bucketHash === WEAPON_BUCKETS[1],
  powerslot: (i) => i.bucketHash === WEAPON_BUCKETS[2],
  helmet: (i) => i.bucketHash === ARMOR_BUCKETS[0],
  gauntlets: (i) => i.bucketHash === ARMOR_BUCKETS[1],
  chest: (i) => i.bucketHash === ARMOR_BUCKETS[2],
  leg: (i) => i.bucketHash === ARMOR_BUCKETS[3],
  classitem: (i) => i.bucketHash === ARMOR_BUCKETS[4],
};
const IS_ALIASES: Record<string, string> = {
  armour: "armor",
  weapons: "weapon",
  thermal: "solar",
  vehicle: "sparrow",
  mw: "masterwork",
  legs: "leg",
};

const CLASSES: Record<string, number> = {
  titan: DestinyClass.Titan,
  hunter: DestinyClass.Hunter,
  warlock: DestinyClass.Warlock,
  any: DestinyClass.Unknown,
};

/** Splits on spaces, keeping "quoted phrases" (and key:"quoted values") together. */
function tokenize(query: string): string[] {
  const tokens: string[] = [];
  const pattern = /(-?[a-z]+:"[^"]*"?|-?"[^"]*"?|\S+)/gi;
  for (const match of query.matchAll(pattern)) tokens.push(match[0]);
  return tokens;
}

function unquote(text: string): string {
  return text.replace(/^"/, "").replace(/"$/, "");
}

export function parseItemQuery(query: string): ParsedQuery {
  const terms: SearchTerm[] = [];
  const errors: string[] = [];
  for (const raw of tokenize(query.trim())) {
    let token = raw;
    let negate = false;
    if (token.startsWith("-") && token.length > 1) {
      negate = true;
      token = token.slice(1);
    }
    const colon = token.indexOf(":");
    const key = colon > 0 ? token.slice(0, colon).toLowerCase() : "";
    const value = colon > 0 ? unquote(token.slice(colon + 1)).toLowerCase() : "";
    if (!key || token.startsWith('"')) {
      const text = unquote(token).toLowerCase().trim();
      if (text) terms.push({ kind: "text", negate, text });
      continue;
    }
    switch (key) {
      case "is":
      case "not": {
        const name = IS_ALIASES[value] ?? value;
        if (!IS_FILTERS[name]) {
          errors.push(`Unknown filter "${raw}"`);
          break;
        }
        terms.push({ kind: "is", negate: key === "not" ? !negate : negate, value: name });
        break;
      }
      case "class": {
        const classType = CLASSES[value];
        if (classType === undefined)
          errors.push(`Unknown class "${value}" (hunter, titan, warlock)`);
        else terms.push({ kind: "class", negate, classType });
        break;
      }
      case "power":
      case "light": {
        const term = parsePower(value, negate);
        if (term) terms.push(term);
        else errors.push(`Can't read "${raw}": try power:>=500 or power:450..500`);
        break;
      }
      case "tier": {
        const term = parseTier(value, negate);
        if (term) terms.push(term);
        else errors.push(`Can't read "${raw}": try tier:5 or tier:>=3 (tiers 1 to 5)`);
        break;
      }
      case "name":
        if (value) terms.push({ kind: "text", negate, text: value });
        break;
      default:
        errors.push(`Unknown filter "${raw}"`);
    }
  }
  return { terms, errors };
}

function parsePower(value: string, negate: boolean): SearchTerm | null {
  const range = /^(\d+)\.\.(\d+)$/.exec(value);
  if (range) {
    const low = Number(range[1]);
    const high = Number(range[2]);
    return {
      kind: "power",
      negate,
      op: ">=",
      value: Math.min(low, high),
      upTo: Math.max(low, high),
    };
  }
  const match = /^(>=|<=|>|<|=)?(\d+)$/.exec(value);
  if (!match) return null;
  return { kind: "power", negate, op: (match[1] ?? "=") as Comparison, value: Number(match[2]) };
}

function parseTier(value: string, negate: boolean): SearchTerm | null {
  const match = /^(>=|<=|>|<|=)?([0-9])$/.exec(value);
  if (!match) return null;
  return { kind: "tier", negate, op: (match[1] ?? "=") as Comparison, value: Number(match[2]) };
}

function compare(actual: number, op: Comparison, expected: number): boolean {
  switch (op) {
    case ">":
      return actual > expected;
    case ">=":
      return actual >= expected;
    case "<":
      return actual < expected;
    case "<=":
      return actual <= expected;
    case "=":
      return actual === expected;
  }
}

function termMatches(term: SearchTerm, item: SearchableItem): boolean {
  switch (term.kind) {
    case "text":
      return (
        item.name.toLowerCase().includes(term.text) ||
        item.typeName.toLowerCase().includes(term.text)
      );
    case "is":
      return IS_FILTERS[term.value]?.(item) ?? false;
    case "class":
      return item.classType === term.classType;
    case "power":
      if (item.power === null) return false;
      if (term.upTo !== undefined) return item.power >= term.value && item.power <= term.upTo;
      return compare(item.power, term.op, term.value);
    case "tier":
      // Gear without a tier (older gear, everything else) matches no tier filter.
      return item.gearTier !== null && compare(item.gearTier, term.op, term.value);
  }
}

export function matchesQuery(parsed: ParsedQuery, item: SearchableItem): boolean {
  return parsed.terms.every((term) => termMatches(term, item) !== term.negate);
}
