import "server-only";
import { z } from "zod";
import { getActiveDestinyAccount } from "@/lib/auth/destiny-account";
import { bungieAssetUrl } from "@/lib/bungie-assets";
import type { Cache } from "@/lib/cache/cache";
import { getPlayerManifestLanguage } from "@/lib/manifest";
import { chosenVendorHashes } from "./chosen-vendors";
import { toClientVendorSales, type ClientVendorSales } from "./client-view";
import { mergeCollectibleStates } from "./collectibles";
import { manifestLookup } from "./load-vendors";
import type { ScreenStock } from "./screen-stock";
import { viewOfSnapshot } from "./view-of-snapshot";
import {
  profileFactsKey,
  stockKey,
  vendorsCache,
  type ProfileFacts,
  type StockEntry,
} from "./vendors-snapshot";

export const VendorSalesQuery = z.object({
  characterId: z.string().regex(/^\d{1,20}$/, "That is not a character id."),
  vendorHash: z.coerce.number().int().min(1).max(0xffffffff),
});

export type VendorSalesResult =
  | { status: "ok"; sales: ClientVendorSales }
  /** Not cached (any more), or not this player's: the page has to be opened again. */
  | { status: "gone"; message: string };

const GONE = {
  status: "gone",
  message: "These sales are no longer at hand: reload the page.",
} as const;

/**
 * The sales of one vendor the player opened on the vendors page (with its sub-vendors'), read
 * only from the per-character cache the page itself filled: never a Bungie call, so opening
 * every vendor costs Bungie nothing. Only the player's own cached characters are answered.
 */
export async function loadVendorSales(
  userId: string,
  query: z.infer<typeof VendorSalesQuery>,
  cache: Cache = vendorsCache(),
): Promise<VendorSalesResult> {
  const [account, chosen, language] = await Promise.all([
    getActiveDestinyAccount(userId),
    chosenVendorHashes(userId),
    getPlayerManifestLanguage(userId),
  ]);
  if (!account) return GONE;
  const [facts, entry] = await Promise.all([
    cache.peek<ProfileFacts>(profileFactsKey(account)),
    cache.peek<StockEntry>(stockKey(account, query.characterId, chosen)),
  ]);
  if (!facts?.characters.some((c) => c.characterId === query.characterId) || !entry) return GONE;
  const stock = subStock(entry.stock, query.vendorHash);
  if (!stock) return GONE;
  const view = await viewOfSnapshot(stock, {
    lookup: manifestLookup(language),
    collectibles: mergeCollectibleStates(
      facts.collectibles.profile,
      facts.collectibles.characters[query.characterId] ?? null,
    ),
    assetUrl: (p) => bungieAssetUrl(p) || null,
  });
  const vendor = view.groups[0]?.vendors[0];
  return vendor ? { status: "ok", sales: toClientVendorSales(vendor) } : GONE;
}

/**
 * The stock of one top-level vendor and its sub-vendors only: the page's view of it is then
 * built exactly as the whole page's is, without looking up every other vendor's items.
 */
function subStock(stock: ScreenStock, vendorHash: number): ScreenStock | null {
  const onPage =
    stock.groups.some((g) => g.vendorHashes.includes(vendorHash)) ||
    stock.chosen.includes(vendorHash);
  if (!onPage) return null;
  const wanted = new Set<number>();
  const visit = (hash: number) => {
    if (wanted.has(hash)) return;
    wanted.add(hash);
    for (const link of stock.children[String(hash)] ?? []) visit(link.vendorHash);
  };
  visit(vendorHash);
  return {
    groups: [{ vendorGroupHash: 0, vendorHashes: [vendorHash] }],
    chosen: [],
    vendors: stock.vendors.filter((v) => wanted.has(v.vendorHash)),
    children: Object.fromEntries(
      Object.entries(stock.children).filter(([hash]) => wanted.has(Number(hash))),
    ),
    failedVendorHashes: [],
  };
}
