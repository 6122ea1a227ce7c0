// A deterministic generator of DestinyInventoryItemDefinition entries and tables, shaped
// like Bungie's (~1.5 KB each on average), for the manifest tests' fixtures (known hashes).
// It writes as it goes, so generating 150 MB never holds the file in memory.
import { createWriteStream } from "node:fs";
import { once } from "node:events";

const BUCKETS = [1498876634, 2465295065, 953998645, 3448274439, 3551918588, 14239492, 20886954];
const STATS = [4043523819, 1240592695, 155624089, 943549884, 4188031367, 4284893193, 3871231066];
const TIERS: [number, string][] = [
  [2, "Basic"],
  [3, "Common"],
  [4, "Rare"],
  [5, "Legendary"],
  [6, "Exotic"],
];
const WORDS = [
  "Ashen",
  "Vigil",
  "Hollow",
  "Crown",
  "Tempest",
  "Ember",
  "Lament",
  "Warden",
  "Solace",
  "Fracture",
  "Aurora",
  "Verdict",
];

/** A small seeded PRNG (mulberry32): the same seed always yields the same table. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The hash of the n-th generated item: spread over uint32, as Bungie's FNV hashes are. */
export function generatedItemHash(index: number): number {
  return Math.imul(index + 1, 2654435761) >>> 0 || 1;
}

export function generateItemDefinition(index: number, seed = 42): Record<string, unknown> {
  const next = random(seed ^ Math.imul(index + 1, 0x9e3779b1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const hash = generatedItemHash(index);
  // Three in ten are weapons (stats, sockets: ~2.7 KB); the rest are consumables and materials
  // (~1 KB), which averages near the real table's ~1.5 KB per definition.
  const weapon = next() < 0.3;
  const name = `${pick(WORDS)} ${pick(WORDS)} ${index}`;
  const [tierType, tierTypeName] = pick(TIERS);
  const icon = `/common/destiny2_content/icons/${hash.toString(16).padStart(8, "0")}${"a".repeat(24)}.jpg`;
  const stats: Record<string, unknown> = {};
  for (const statHash of weapon ? STATS.slice(0, 4) : []) {
    const value = Math.floor(next() * 100);
    stats[statHash] = { statHash, value, minimum: 0, maximum: 100, displayMaximum: 100 };
  }
  const socketEntries = Array.from({ length: weapon ? 2 : 0 }, () => ({
    socketTypeHash: Math.floor(next() * 4294967295),
    singleInitialItemHash: Math.floor(next() * 4294967295),
    reusablePlugItems: [],
    preventInitializationOnVendorPurchase: false,
    hidePerksInItemTooltip: false,
    plugSources: 2,
    reusablePlugSetHash: Math.floor(next() * 4294967295),
    defaultVisible: true,
  }));
  const definition: Record<string, unknown> = {
    displayProperties: {
      description: `${pick(WORDS)} of the ${pick(WORDS)}: a generated item for the manifest bench.`,
      name,
      icon,
      hasIcon: true,
    },
    tooltipNotifications: [],
    collectibleHash: Math.floor(next() * 4294967295),
    iconWatermark: "/common/destiny2_content/icons/watermark_generated.png",
    backgroundColor: { colorHash: 0, red: 40, green: 40, blue: 40, alpha: 255 },
    screenshot: `/common/destiny2_content/screenshots/${hash}.jpg`,
    itemTypeDisplayName: weapon ? "Auto Rifle" : "Consumable",
    flavorText: `"${pick(WORDS)} and ${pick(WORDS)} remember what the ${pick(WORDS)} forgot."`,
    uiItemDisplayStyle: "",
    itemTypeAndTierDisplayName: `${tierTypeName} ${weapon ? "Auto Rifle" : "Consumable"}`,
    displaySource: "",
    inventory: {
      maxStackSize: weapon ? 1 : 9999,
      bucketTypeHash: pick(BUCKETS),
      recoveryBucketTypeHash: 215593132,
      tierTypeHash: Math.floor(next() * 4294967295),
      isInstanceItem: weapon,
      nonTransferrableOriginal: false,
      tierTypeName,
      tierType,
    },
    stats: {
      disablePrimaryStatDisplay: false,
      statGroupHash: Math.floor(next() * 4294967295),
      stats,
      hasDisplayableStats: true,
      primaryBaseStatHash: 1480404414,
    },
    equippingBlock: {
      uniqueLabelHash: 0,
      equipmentSlotTypeHash: Math.floor(next() * 4294967295),
      attributes: 0,
      equippingSoundHash: 0,
      hornSoundHash: 0,
      ammoType: 1,
      displayStrings: [""],
    },
    sockets: { detail: "Sockets", socketEntries, intrinsicSockets: [], socketCategories: [] },
    investmentStats: STATS.slice(0, weapon ? 1 : 0).map((statTypeHash) => ({
      statTypeHash,
      value: Math.floor(next() * 100),
      isConditionallyActive: false,
    })),
    perks: [],
    allowActions: true,
    doesPostmasterPullHaveSideEffects: false,
    nonTransferrable: false,
    itemCategoryHashes: [2, 1, 5],
    specialItemType: 0,
    itemType: weapon ? 3 : 9,
    itemSubType: weapon ? 6 : 0,
    classType: 3,
    breakerType: 0,
    equippable: weapon,
    damageTypeHashes: [3373582085],
    damageTypes: [1],
    defaultDamageType: 1,
    defaultDamageTypeHash: 3373582085,
    isWrapper: false,
    traitIds: ["item_type.weapon"],
    traitHashes: [1434215347],
    hash,
    index,
    redacted: false,
    blacklisted: false,
  };
  // As in Bungie's table, most non-equipment carries no stat, socket or equipping block.
  if (!weapon)
    for (const key of ["stats", "sockets", "equippingBlock", "investmentStats"])
      delete definition[key];
  return definition;
}

export type GeneratedTable = { path: string; items: number; bytes: number };

/**
 * Writes `{ "<hash>": definition, ... }` to `path` until it holds at least `targetBytes`,
 * honouring back-pressure so memory stays flat whatever the size.
 */
export async function generateItemTable(
  path: string,
  targetBytes: number,
): Promise<GeneratedTable> {
  const out = createWriteStream(path);
  let bytes = 0;
  let items = 0;
  const write = async (chunk: string) => {
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await once(out, "drain");
  };
  await write("{");
  while (bytes < targetBytes) {
    const definition = generateItemDefinition(items);
    await write(
      `${items === 0 ? "" : ","}"${String(definition.hash)}":${JSON.stringify(definition)}`,
    );
    items += 1;
  }
  await write("}");
  out.end();
  await once(out, "finish");
  return { path, items, bytes };
}
