// The ~190 vendors a real GetVendors lists beyond the game's vendors screen (REAL-VENDORS.md):
// sub-vendors reached through a free sale's previewVendorHash (engram previews, focusing screens,
// subclass menus), the pieces Eververse is split into (Bungie-net/api#2069), a collections kiosk
// with 200+ items, and a long tail of seasonal, destination, event and bounty vendors with a
// handful of items each. Two more have sales but are not listed, as on Bungie.
import { createPrng, fnv1a } from "../../prng";
import {
  anyWeapon,
  archive,
  ASCENDANT,
  BD,
  CHRONO,
  CIPHER,
  consumables,
  CORE,
  cosmetics,
  emblems,
  ENGRAM,
  exoticArmor,
  exoticCosmetics,
  exoticGear,
  exoticWeapon,
  FREE,
  G,
  INSIGNIA,
  legendaryArmor,
  legendaryGear,
  legendaryWeapon,
  lesserGear,
  MARK,
  materials,
  mods,
  SILVER,
  subclassPlugs,
} from "./pools";
import type { CategoryRow, CostRow, Pool, Refresh, VendorRow } from "./types";

/** [identifier, name, link name, refresh, sales, categories] */
type SubRow = readonly [
  string,
  string,
  string,
  Refresh,
  readonly [number, number],
  readonly CategoryRow[],
];

const preview = (pool: Pool, size: number): CategoryRow => ["Possible Rewards", pool, size, FREE];
const focus = (pool: Pool, size: number, second: number, amount: number): CategoryRow => [
  "Focused Decoding",
  pool,
  size,
  [
    [G, 10000, 25000],
    [second, amount, amount],
  ],
];
const engrams = (id: string, name: string, pool: Pool, size: number): SubRow => [
  id,
  `${name} Engram`,
  `${name} Engram`,
  "daily",
  [size, size],
  [preview(pool, size + 4)],
];

/** Sub-vendors the vendors screen links to (screen.ts names them in `links`). */
const SCREEN_SUB_VENDORS: readonly SubRow[] = [
  [
    "XUR_HOARD",
    "Xûr's Treasure Hoard",
    "Treasure Hoard",
    "weekly",
    [22, 24],
    [focus(exoticWeapon, 28, CIPHER, 1)],
  ],
  engrams("XUR_ENGRAMS", "Strange", exoticGear, 20),
  [
    "GUNSMITH_FOCUS",
    "Gunsmith Focusing",
    "Weapon Focusing",
    "daily",
    [8, 10],
    [focus(legendaryWeapon, 16, CHRONO, 20)],
  ],
  [
    "GUNSMITH_PATTERNS",
    "Weapon Patterns",
    "Weapon Patterns",
    "never",
    [22, 22],
    [preview(legendaryWeapon, 22)],
  ],
  [
    "ADA_SYNTHESIS",
    "Armor Synthesis",
    "Armor Synthesis",
    "daily",
    [6, 8],
    [focus(legendaryArmor, 30, CORE, 3)],
  ],
  engrams("VANGUARD_ENGRAMS", "Vanguard", legendaryGear, 12),
  [
    "VANGUARD_FOCUS",
    "Vanguard Focusing",
    "Vanguard Focusing",
    "weekly",
    [6, 8],
    [focus(legendaryWeapon, 12, INSIGNIA, 20)],
  ],
  engrams("CRUCIBLE_ENGRAMS", "Crucible", legendaryWeapon, 12),
  [
    "CRUCIBLE_FOCUS",
    "Crucible Focusing",
    "Crucible Focusing",
    "weekly",
    [6, 8],
    [focus(legendaryWeapon, 12, MARK, 20)],
  ],
  [
    "CRYPTARCH_EXOTIC_FOCUS",
    "Exotic Engram Focusing",
    "Exotic Focusing",
    "daily",
    [26, 28],
    [focus(exoticWeapon, 28, ENGRAM, 1)],
  ],
  [
    "CRYPTARCH_CLASS_FOCUS",
    "Exotic Class Item Focusing",
    "Class Item Focusing",
    "daily",
    [3, 3],
    [focus(exoticArmor, 12, CIPHER, 1)],
  ],
  engrams("CRYPTARCH_PRIME", "Prime", legendaryGear, 16),
  engrams("TRIALS_ENGRAMS", "Trials", legendaryGear, 12),
  [
    "TRIALS_FOCUS",
    "Trials Focusing",
    "Trials Focusing",
    "weekly",
    [6, 6],
    [focus(legendaryWeapon, 12, ASCENDANT, 1)],
  ],
  engrams("GAMBIT_ENGRAMS", "Gambit", legendaryWeapon, 10),
  engrams("EVERVERSE_ENGRAMS", "Eververse", cosmetics, 14),
  engrams("EVERVERSE_BRIGHT_ENGRAMS", "Bright", cosmetics, 12),
  engrams("ARCHIVIST_ENGRAMS", "Seasonal", legendaryGear, 14),
  [
    "ARCHIVIST_FOCUS",
    "Seasonal Focusing",
    "Seasonal Focusing",
    "daily",
    [8, 8],
    [focus(legendaryWeapon, 14, CHRONO, 25)],
  ],
  [
    "SUBCLASS_ARC",
    "Arc Subclass",
    "Arc Subclass",
    "never",
    [12, 12],
    [preview(subclassPlugs("fragments", "Arc"), 12)],
  ],
  [
    "SUBCLASS_SOLAR",
    "Solar Subclass",
    "Solar Subclass",
    "never",
    [12, 12],
    [preview(subclassPlugs("fragments", "Solar"), 12)],
  ],
  [
    "SUBCLASS_VOID",
    "Void Subclass",
    "Void Subclass",
    "never",
    [12, 12],
    [preview(subclassPlugs("fragments", "Void"), 12)],
  ],
  engrams("FAILSAFE_ENGRAMS", "Nessus", legendaryWeapon, 8),
  [
    "SUBCLASS_STASIS",
    "Stasis Subclass",
    "Stasis Subclass",
    "never",
    [12, 12],
    [preview(subclassPlugs("fragments", "Stasis"), 12)],
  ],
  [
    "SUBCLASS_STRAND",
    "Strand Subclass",
    "Strand Subclass",
    "never",
    [12, 12],
    [preview(subclassPlugs("fragments", "Strand"), 12)],
  ],
  [
    "SUBCLASS_PRISMATIC",
    "Prismatic Subclass",
    "Prismatic Subclass",
    "never",
    [12, 12],
    [preview(subclassPlugs("aspects"), 30)],
  ],
  engrams("CLAN_ENGRAMS", "Clan", legendaryWeapon, 6),
  engrams("ERIS_ENGRAMS", "Lunar", legendaryGear, 9),
  engrams("VANCE_ENGRAMS", "Lighthouse", legendaryGear, 7),
  engrams("VARIKS_ENGRAMS", "Europa", legendaryGear, 9),
  engrams("ELSIE_ENGRAMS", "Timelost", legendaryWeapon, 8),
  engrams("MARA_ENGRAMS", "Dreaming City", legendaryGear, 9),
  engrams("SPIDER_ENGRAMS", "Wanted", legendaryWeapon, 7),
  engrams("KEPLER_ENGRAMS", "Kepler", legendaryGear, 12),
  [
    "KEPLER_FOCUS",
    "Kepler Focusing",
    "Kepler Focusing",
    "daily",
    [8, 8],
    [focus(legendaryGear, 16, CHRONO, 20)],
  ],
  engrams("PALE_HEART_ENGRAMS", "Pale Heart", legendaryGear, 10),
  engrams("NEOMUNA_ENGRAMS", "Neomuna", legendaryGear, 9),
  engrams("IRON_BANNER_ENGRAMS", "Iron", legendaryGear, 12),
  engrams("NIGHTFALL_ENGRAMS", "Nightfall", legendaryWeapon, 10),
  engrams("DUNGEON_ENGRAMS", "Dungeon", legendaryGear, 12),
  engrams("RAID_ENGRAMS", "Raid", legendaryGear, 12),
  engrams("PORTAL_ENGRAMS", "Portal", legendaryGear, 10),
];

function subVendor([identifier, name, linkName, refresh, sales, categories]: SubRow): VendorRow {
  return { identifier, name, subtitle: "Preview", linkName, refresh, sales, categories };
}

/** Eververse's pieces besides Tess Everis herself: named "Eververse", never on the screen. */
const EVERVERSE_PAGES: readonly (readonly [string, Refresh, number, readonly CostRow[]])[] = [
  ["Featured", "daily", 16, [[SILVER, 1000, 2000]]],
  ["Bright Dust Offers", "daily", 10, [[BD, 1000, 3000]]],
  ["Silver Offers", "daily", 24, [[SILVER, 500, 1500]]],
  ["Seasonal Ornaments", "weekly", 16, [[SILVER, 800, 1500]]],
  ["Armor Ornaments", "daily", 30, [[SILVER, 600, 1200]]],
  ["Weapon Ornaments", "daily", 28, [[SILVER, 600, 1200]]],
  ["Ghost Shells", "daily", 12, [[SILVER, 500, 800]]],
  ["Ships", "daily", 12, [[SILVER, 800, 1200]]],
  ["Sparrows", "daily", 12, [[SILVER, 800, 1200]]],
  ["Emotes", "daily", 34, [[SILVER, 300, 800]]],
  ["Finishers", "daily", 3, [[SILVER, 800, 1000]]],
  ["Transmat Effects", "daily", 3, [[SILVER, 400, 600]]],
  ["Shaders", "daily", 48, [[SILVER, 100, 300]]],
  ["Bundles", "daily", 2, [[SILVER, 2000, 4000]]],
  ["Daily Bright Dust", "daily", 3, [[BD, 500, 1500]]],
  ["Weekly Bright Dust", "weekly", 4, [[BD, 1500, 3000]]],
  ["Archive: Year 1", "never", 28, [[SILVER, 300, 800]]],
  ["Archive: Year 2", "never", 26, [[SILVER, 300, 800]]],
  ["Archive: Year 3", "never", 24, [[SILVER, 300, 800]]],
  ["Archive: Year 4", "never", 22, [[SILVER, 300, 800]]],
  ["Archive: Year 5", "never", 20, [[SILVER, 300, 800]]],
  ["Archive: Year 6", "never", 18, [[SILVER, 300, 800]]],
  ["Archive: Year 7", "never", 16, [[SILVER, 300, 800]]],
  ["Event Collection", "daily", 2, [[BD, 2000, 2000]]],
];

const eververse = ([page, refresh, size, costs]: (typeof EVERVERSE_PAGES)[number], n: number) =>
  ({
    identifier: `EVERVERSE_PAGE_${n + 1}`,
    name: "Eververse",
    subtitle: page,
    refresh,
    sales: [size, size],
    categories: [
      [page, page.startsWith("Featured") ? exoticCosmetics : cosmetics, size + 6, costs],
    ],
    eververse: true,
  }) satisfies VendorRow;

/** The collections kiosk: the one vendor with 200+ items (224 on Bungie). */
const COLLECTIONS: VendorRow = {
  identifier: "COLLECTIONS",
  name: "Collections Archive",
  subtitle: "Kiosk",
  refresh: "never",
  sales: [224, 224],
  categories: [
    ["Weapons", (m) => m.kind === "weapon", 160, [[G, 10000, 25000]]],
    ["Exotic Catalysts", exoticWeapon, 20, [[CIPHER, 1, 1]]],
    ["Cosmetics", cosmetics, 28, [[G, 5000, 10000]]],
    ["Mods", mods, 16, [[G, 5000, 5000]]],
  ],
};

const SEASONS = [
  "Season of the Wish",
  "Season of the Witch",
  "Season of the Deep",
  "Season of Defiance",
  "Season of the Seraph",
  "Season of Plunder",
  "Season of the Haunted",
  "Season of the Risen",
  "Season of the Lost",
  "Season of the Splicer",
  "Season of the Chosen",
  "Season of the Hunt",
  "Season of Arrivals",
  "Season of the Worthy",
  "Season of Dawn",
  "Season of the Undying",
  "Episode: Echoes",
  "Episode: Revenant",
  "Episode: Heresy",
  "Season of the Forge",
];
const PLACES = [
  "Cosmodrome",
  "European Dead Zone",
  "Nessus",
  "Moon",
  "Europa",
  "Dreaming City",
  "Throne World",
  "Neomuna",
  "Pale Heart",
  "Kepler",
  "Tangled Shore",
  "Mars",
];
const EVENTS = [
  "Festival of the Lost",
  "The Dawning",
  "Solstice",
  "Guardian Games",
  "Crimson Days",
  "Revelry",
  "Moments of Triumph",
  "Bungie 30th",
  "Eliksni Quarter",
  "Into the Light",
];
const KIOSKS = [
  "Exotic Archive",
  "Shader Kiosk",
  "Emblem Kiosk",
  "Ornament Kiosk",
  "Transmog Station",
  "Quest Archive",
  "Seasonal Archive",
  "Raid Exotic Archive",
  "Dungeon Exotic Archive",
  "Catalyst Kiosk",
];
const BOARDS = [
  "Vanguard Bounties",
  "Crucible Bounties",
  "Gambit Bounties",
  "Trials Bounties",
  "Iron Banner Bounties",
  "Clan Bounties",
  "Weekly Challenges",
  "Daily Challenges",
  "Seasonal Challenges",
  "Pathfinder Rewards",
  "Pinnacle Rewards",
  "Ritual Rewards",
  "Exotic Quests",
  "Catalyst Quests",
  "Weapon Crafting",
];

/**
 * Stock sizes of the long tail: [share, min, max]. Most of these vendors sell a handful (the real
 * quartiles over every vendor are 3, 7 and 16 items).
 */
const TAIL_SIZES: readonly (readonly [number, number, number])[] = [
  [0.62, 1, 3],
  [0.15, 4, 8],
  [0.25, 12, 40],
];

/** What a long-tail vendor of each kind sells, and for what. */
const TAIL_KINDS: Record<string, readonly (readonly [string, Pool, readonly CostRow[]])[]> = {
  season: [
    [
      "Seasonal Gear",
      legendaryGear,
      [
        [G, 5000, 10000],
        [CHRONO, 10, 30],
      ],
    ],
    ["Seasonal Weapons", legendaryWeapon, [[CHRONO, 20, 40]]],
  ],
  place: [
    [
      "Destination Gear",
      legendaryGear,
      [
        [G, 5000, 10000],
        [INSIGNIA, 5, 20],
      ],
    ],
    ["Destination Weapons", lesserGear, [[G, 2500, 5000]]],
  ],
  event: [
    ["Event Rewards", cosmetics, [[BD, 500, 1500]]],
    ["Event Weapons", legendaryWeapon, [[MARK, 10, 25]]],
  ],
  kiosk: [
    ["Collected", archive, [[G, 5000, 15000]]],
    [
      "Exotics",
      exoticGear,
      [
        [CIPHER, 1, 1],
        [G, 25000, 25000],
      ],
    ],
  ],
  board: [
    ["Rewards", anyWeapon, FREE],
    ["Materials", materials, [[G, 1000, 2500]]],
    ["Consumables", consumables, [[CORE, 1, 3]]],
    ["Emblems", emblems, [[G, 2500, 5000]]],
  ],
};

function tailRows(kind: string, names: readonly string[], prefix: string, suffix: string) {
  return names.map((place, n): VendorRow => {
    const identifier = `${prefix}_${n + 1}`;
    const prng = createPrng(fnv1a(`vendor-size:${identifier}`));
    const roll = prng.next();
    let sizeRow = TAIL_SIZES[TAIL_SIZES.length - 1] ?? [1, 1, 1];
    let total = 0;
    for (const row of TAIL_SIZES) {
      total += row[0];
      if (roll < total) {
        sizeRow = row;
        break;
      }
    }
    const size = prng.int(sizeRow[1], sizeRow[2]);
    const offers = TAIL_KINDS[kind] ?? [];
    const [category, pool, costs] = offers[n % offers.length] ?? ["Items", materials, FREE];
    return {
      identifier,
      name: suffix ? `${place} ${suffix}` : place,
      subtitle: kind === "board" ? "Bounties" : kind === "kiosk" ? "Kiosk" : place,
      refresh: kind === "kiosk" ? "never" : "daily",
      sales: [size, size],
      categories: [[category, pool, size + 4, costs]],
    };
  });
}

/** Long-tail vendors that link to sub-vendors of their own (engram previews). */
const TAIL_SUB_VENDORS: readonly SubRow[] = [
  ...SEASONS.slice(0, 10).map((season, n) =>
    engrams(
      `SEASON_ENGRAMS_${n + 1}`,
      season.replace(/^(Season of |Episode: )(the )?/, ""),
      legendaryGear,
      6 + (n % 5),
    ),
  ),
  ...EVENTS.slice(0, 8).map((event, n) =>
    engrams(`EVENT_ENGRAMS_${n + 1}`, event, cosmetics, 5 + (n % 4)),
  ),
];

function withLinks(rows: VendorRow[], links: readonly SubRow[]): VendorRow[] {
  return rows.map((row, n) => {
    const link = links[n];
    if (!link) return row;
    const [min, max] = row.sales;
    return { ...row, sales: [min + 1, max + 1], links: [link[0]] };
  });
}

/** Bungie sends sales for two vendors it does not list in `vendors` (REAL-VENDORS.md). */
const UNLISTED: readonly VendorRow[] = [
  { ...subVendor(engrams("UNLISTED_PINNACLE", "Pinnacle", legendaryGear, 5)), unlisted: true },
  { ...subVendor(engrams("UNLISTED_POWERFUL", "Powerful", legendaryWeapon, 4)), unlisted: true },
];

export const BEYOND_SCREEN: readonly VendorRow[] = [
  ...SCREEN_SUB_VENDORS.map(subVendor),
  ...EVERVERSE_PAGES.map(eververse),
  COLLECTIONS,
  ...withLinks(tailRows("season", SEASONS, "SEASON", "Armory"), TAIL_SUB_VENDORS.slice(0, 10)),
  ...tailRows("place", PLACES, "PLACE", "Quartermaster"),
  ...withLinks(tailRows("event", EVENTS, "EVENT", "Kiosk"), TAIL_SUB_VENDORS.slice(10)),
  ...tailRows("kiosk", KIOSKS, "KIOSK", ""),
  ...tailRows("board", BOARDS, "BOARD", ""),
  ...tailRows(
    "board",
    PLACES.map((p) => `${p} Bounties`),
    "PLACE_BOARD",
    "",
  ),
  ...tailRows(
    "board",
    SEASONS.map((s) => `${s} Challenges`),
    "SEASON_BOARD",
    "",
  ),
  ...tailRows(
    "board",
    EVENTS.slice(0, 9).map((e) => `${e} Challenges`),
    "EVENT_BOARD",
    "",
  ),
  ...TAIL_SUB_VENDORS.map(subVendor),
  ...UNLISTED,
];
