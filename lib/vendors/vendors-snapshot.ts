import "server-only";
import { createHash } from "node:crypto";
import type { DestinyVendorsResponse } from "bungie-api-ts/destiny2";
import {
  getProfile,
  getVendors,
  reshapeProfile,
  reshapeVendors,
  type CallOptions,
  type Character,
} from "@/lib/bungie";
import { appCache } from "@/lib/cache/app-cache";
import type { Cache } from "@/lib/cache/cache";
import { ComponentType } from "@/lib/destiny/api-enums";
import { nextDailyReset } from "@/lib/destiny/resets";
import { mergeCollectibleStates } from "./collectibles";
import type { DefinitionsLookup } from "./load-vendors";
import { selectScreenStock, stockExpiry, type ScreenStock } from "./screen-stock";

// The vendors page's Bungie reads, cached so a repeat view costs no call:
// - the player's characters and collections (one GetProfile) until the next daily reset;
// - per character, the stock of the vendors the page shows (one GetVendors with every vendor's
//   sales) until the earliest refresh among them, so no vendor is shown past its own
//   nextRefreshDate (a sale's overrideNextRefreshDate counts too).
// A cold view is therefore 2 Bungie calls, a warm one 0, a refresh of the sales 1. In Redis when
// REDIS_URL is set (lib/cache), so every app instance shares them.

/** Vendors (400) with vendorGroups, and VendorSales (402): every vendor's sales in one call. */
export const PAGE_VENDOR_COMPONENTS: readonly number[] = [
  ComponentType.Vendors,
  ComponentType.VendorSales,
];
// Not 401 (VendorCategories): its indexes mean something only with the definitions' display
// categories, which the trimmed manifest does not keep; not 600 (CurrencyLookups): saleStatus
// already says when the player can't afford a sale. Each would only add to a 1.6 MB answer.

/** A stock whose vendors name no future refresh is re-read after this long. */
const NO_REFRESH_DATE_TTL_MS = 15 * 60_000;
/** A stock with a vendor Bungie sent nothing for is kept no longer, so the gap closes by itself. */
const WITH_FAILURES_TTL_MS = 5 * 60_000;
/** Per process; a profile's entry is a few kB, a character's stock ~100-200 kB. */
const MAX_ENTRIES_IN_MEMORY = 300;

export function vendorsCache(): Cache {
  return appCache("vendors", { maxEntries: MAX_ENTRIES_IN_MEMORY });
}

type Account = { membershipType: number; membershipId: string };

/** What the page needs of GetProfile, as plain JSON. */
export type ProfileFacts = {
  /** Most recently played first. */
  characters: Character[];
  /**
   * Collectible hash → DestinyCollectibleState, account-wide and per character (class armour),
   * kept apart so the account's thousands of entries are stored once, not once per character.
   * Null: not returned (private).
   */
  collectibles: {
    profile: Record<string, number> | null;
    characters: Record<string, Record<string, number>>;
  };
};

export type StockEntry = { stock: ScreenStock; readAt: string };

export type SnapshotInput = {
  account: Account;
  /** The character asked for; the most recently played one when absent or not the player's. */
  characterId?: string | null;
  /** Vendors the player chose for the digest (shown even when not on the game's screen). */
  chosen: readonly number[];
  /** Runs a call with the player's token; only called on a cache miss. */
  withToken: <T>(call: (token: string) => Promise<T>) => Promise<T>;
  lookup: DefinitionsLookup;
  /** Re-read the sales (the refresh button): one GetVendors. */
  fresh?: boolean;
  call?: CallOptions;
  cache?: Cache;
  now?: () => number;
};

export type VendorsSnapshot = {
  characters: Character[];
  /** null when the account has no character. */
  characterId: string | null;
  stock: StockEntry | null;
  collectibles: ReadonlyMap<number, number> | null;
};

export function profileFactsKey(account: Account): string {
  return `profile:${account.membershipType}:${account.membershipId}`;
}

export function stockKey(account: Account, characterId: string, chosen: readonly number[]) {
  // The choice changes what is shown: a new choice is a new entry, not a stale one.
  const choice = createHash("sha256")
    .update([...new Set(chosen)].sort((a, b) => a - b).join(","))
    .digest("hex")
    .slice(0, 12);
  return `stock:${account.membershipType}:${account.membershipId}:${characterId}:${choice}`;
}

export async function readVendorsSnapshot(input: SnapshotInput): Promise<VendorsSnapshot> {
  const cache = input.cache ?? vendorsCache();
  const now = input.now ?? Date.now;
  const readStock = (characterId: string) =>
    cache.getOrLoad(
      stockKey(input.account, characterId, input.chosen),
      () => loadStock(input, characterId, now),
      {
        expiresAt: (entry) => stockLifetimeEnd(entry.stock, now()),
        fresh: input.fresh,
      },
    );
  // The character asked for (URL, or the one chosen in Warmind) is read alongside the profile
  // rather than after it: a cold view then waits for one round trip, not two. It is only used
  // once the profile says the character is the player's; Bungie refuses another's anyway
  // (GetVendors takes the player's own membership id), and a refusal is never cached.
  const early = input.characterId
    ? readStock(input.characterId).catch((error: unknown) => error)
    : null;
  const facts = await cache.getOrLoad(
    profileFactsKey(input.account),
    () => loadProfileFacts(input),
    { expiresAt: () => nextDailyReset(now()) },
  );
  const character =
    facts.characters.find((c) => c.characterId === input.characterId) ?? facts.characters[0];
  if (!character) {
    return { characters: facts.characters, characterId: null, stock: null, collectibles: null };
  }
  const stock =
    early && character.characterId === input.characterId
      ? await early.then((value) => {
          if (!isStockEntry(value)) throw value;
          return value;
        })
      : await readStock(character.characterId);
  return {
    characters: facts.characters,
    characterId: character.characterId,
    stock,
    collectibles: mergeCollectibleStates(
      facts.collectibles.profile,
      facts.collectibles.characters[character.characterId] ?? null,
    ),
  };
}

function stockLifetimeEnd(stock: ScreenStock, now: number): number {
  const end = stockExpiry(stock, now) ?? now + NO_REFRESH_DATE_TTL_MS;
  return stock.failedVendorHashes.length > 0 ? Math.min(end, now + WITH_FAILURES_TTL_MS) : end;
}

function isStockEntry(value: unknown): value is StockEntry {
  return typeof value === "object" && value !== null && "stock" in value && "readAt" in value;
}

async function loadProfileFacts(input: SnapshotInput): Promise<ProfileFacts> {
  const profile = await input.withToken((accessToken) =>
    getProfile(
      {
        ...input.account,
        accessToken,
        components: [ComponentType.Characters, ComponentType.Collectibles],
      },
      input.call,
    ),
  );
  const characters = reshapeProfile(profile).characters;
  // A collectible without a numeric state tells nothing: left out, as readCollectibleStates does.
  const states = (table: Record<string, { state?: number }> | undefined) =>
    table
      ? Object.fromEntries(
          Object.entries(table).flatMap(([hash, c]) =>
            typeof c?.state === "number" ? [[hash, c.state]] : [],
          ),
        )
      : null;
  const perCharacter: Record<string, Record<string, number>> = {};
  for (const [characterId, component] of Object.entries(
    profile.characterCollectibles?.data ?? {},
  )) {
    const table = states(component.collectibles);
    if (table) perCharacter[characterId] = table;
  }
  return {
    characters,
    collectibles: {
      profile: states(profile.profileCollectibles?.data?.collectibles),
      characters: perCharacter,
    },
  };
}

async function loadStock(
  input: SnapshotInput,
  characterId: string,
  now: () => number,
): Promise<StockEntry> {
  const response = await input.withToken((accessToken) =>
    getVendors(
      { ...input.account, characterId, accessToken, components: PAGE_VENDOR_COMPONENTS },
      input.call,
    ),
  );
  return { stock: await screenStockOf(response, input), readAt: new Date(now()).toISOString() };
}

/** The sub-vendor links need item definitions; each round looks up the newly shown sales. */
const MAX_LOOKUP_ROUNDS = 4;

export async function screenStockOf(
  response: DestinyVendorsResponse,
  input: Pick<SnapshotInput, "chosen" | "lookup">,
): Promise<ScreenStock> {
  const listed = reshapeVendors(response).vendors;
  const salesSent = response.sales?.data ?? {};
  const withoutSales = listed
    .filter((v) => !(String(v.vendorHash) in salesSent))
    .map((v) => v.vendorHash);
  const groups = (response.vendorGroups?.data?.groups ?? []).map((g) => ({
    vendorGroupHash: g.vendorGroupHash,
    vendorHashes: [...(g.vendorHashes ?? [])],
  }));
  const vendorDefs = await input.lookup(
    "DestinyVendorDefinition",
    listed.map((v) => v.vendorHash),
  );
  const previews = new Map<number, number | null>();
  const select = () =>
    selectScreenStock({
      groups,
      vendors: listed,
      withoutSales,
      chosen: input.chosen,
      previewVendorOf: (itemHash) => previews.get(itemHash) ?? null,
      groupsOf: (vendorHash) => vendorDefs.get(vendorHash).groups,
    });
  let stock = select();
  for (let round = 0; round < MAX_LOOKUP_ROUNDS; round++) {
    const unseen = new Set(
      stock.vendors.flatMap((v) => v.sales.map((s) => s.itemHash)).filter((h) => !previews.has(h)),
    );
    if (unseen.size === 0) break;
    const items = await input.lookup("DestinyInventoryItemDefinition", unseen);
    for (const hash of unseen) previews.set(hash, items.get(hash).previewVendorHash);
    stock = select();
  }
  return stock;
}
