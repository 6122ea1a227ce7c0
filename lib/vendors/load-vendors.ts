import "server-only";
import { getProfile, reshapeProfile, type CallOptions, type Character } from "@/lib/bungie";
import { ComponentType } from "@/lib/destiny/api-enums";
import { getDefinitions } from "@/lib/manifest";
import type { DefinitionOf, ManifestTableName } from "@/lib/manifest/types";
import { buildVendorsView, type VendorDefinitionLookup } from "./build-view";
import { readCollectibleStates } from "./collectibles";
import { fetchVendorStock } from "./fetch-stock";
import type { VendorsView } from "./types";

/** Batched manifest lookups; injectable so tests and scripts can bring their own manifest. */
export type DefinitionsLookup = <T extends ManifestTableName>(
  table: T,
  hashes: Iterable<number>,
) => Promise<{ get(hash: number): DefinitionOf<T> }>;

/** The app's manifest (lib/manifest) in the player's language. */
export function manifestLookup(language?: string | null): DefinitionsLookup {
  return (table, hashes) => getDefinitions(table, hashes, language);
}

export type CharacterVendorsInput = {
  account: { membershipType: number; membershipId: string };
  accessToken: string;
  /** The character asked for; the most recently played one when absent or not the player's. */
  characterId?: string | null;
  lookup: DefinitionsLookup;
  assetUrl: (path: string | null) => string | null;
  call?: CallOptions;
};

export type CharacterVendors = {
  /** Most recently played first. */
  characters: Character[];
  /** null when the account has no character (no vendors then). */
  characterId: string | null;
  view: VendorsView;
};

const EMPTY_VIEW: VendorsView = { groups: [], failedVendors: [], collectionsKnown: false };

/**
 * Every listed vendor of one character for the digest: one GetProfile for the characters and
 * collections, GetVendors, and GetVendor per vendor (~233 calls at real scale); names and icons
 * from the manifest. The vendors page no longer uses it (vendors-snapshot.ts: 2 calls, cached);
 * it stays until the digest's rework (issue 15) moves off it.
 */
export async function loadCharacterVendors(
  input: CharacterVendorsInput,
): Promise<CharacterVendors> {
  const { account, accessToken, lookup } = input;
  const profile = await getProfile(
    {
      ...account,
      accessToken,
      components: [ComponentType.Characters, ComponentType.Collectibles],
    },
    input.call,
  );
  const characters = reshapeProfile(profile).characters;
  const character =
    characters.find((c) => c.characterId === input.characterId) ?? characters[0] ?? null;
  if (!character) return { characters, characterId: null, view: EMPTY_VIEW };

  const stock = await fetchVendorStock(
    { ...account, characterId: character.characterId, accessToken },
    input.call,
  );
  const vendorHashes = new Set([
    ...stock.vendors.map((v) => v.vendorHash),
    ...stock.failedVendorHashes,
  ]);
  const itemHashes = new Set(
    stock.vendors.flatMap((v) =>
      v.sales.flatMap((s) => [s.itemHash, ...s.costs.map((c) => c.itemHash)]),
    ),
  );
  const [vendors, items] = await Promise.all([
    lookup("DestinyVendorDefinition", vendorHashes),
    lookup("DestinyInventoryItemDefinition", itemHashes),
  ]);
  const groupHashes = new Set([
    ...stock.groups.map((g) => g.vendorGroupHash),
    ...[...vendorHashes].flatMap((hash) => vendors.get(hash).groups),
  ]);
  const groups = await lookup("DestinyVendorGroupDefinition", groupHashes);
  const definitions: VendorDefinitionLookup = {
    vendor: (hash) => vendors.get(hash),
    group: (hash) => groups.get(hash),
    item: (hash) => items.get(hash),
  };

  const view = buildVendorsView(stock, {
    definitions,
    collectibles: readCollectibleStates(profile, character.characterId),
    assetUrl: input.assetUrl,
  });
  return { characters, characterId: character.characterId, view };
}
