import "server-only";
import {
  getProfile,
  getVendors,
  reshapeProfile,
  reshapeVendors,
  type CallOptions,
  type Character,
} from "@/lib/bungie";
import { ComponentType } from "@/lib/destiny/api-enums";
import type { DefinitionsLookup } from "./load-vendors";

export type VendorChoice = {
  vendorHash: number;
  name: string;
  subtitle: string;
  iconUrl: string | null;
  /** False for a vendor chosen earlier who is not in the game now (Xûr on a weekday). */
  availableNow: boolean;
};

/**
 * What the digest settings offer: the player's characters, and the vendors their character
 * has now (plus any chosen earlier). Two Bungie calls: GetProfile and GetVendors, no sales.
 */
export async function loadVendorChoices(input: {
  account: { membershipType: number; membershipId: string };
  accessToken: string;
  characterId: string | null;
  /** Vendors already chosen: always offered, so a choice is never lost. */
  chosen: readonly number[];
  lookup: DefinitionsLookup;
  assetUrl: (path: string | null) => string | null;
  call?: CallOptions;
}): Promise<{ characters: Character[]; vendors: VendorChoice[] }> {
  const profile = await getProfile(
    { ...input.account, accessToken: input.accessToken, components: [ComponentType.Characters] },
    input.call,
  );
  const characters = reshapeProfile(profile).characters;
  const character = characters.find((c) => c.characterId === input.characterId) ?? characters[0];
  if (!character) return { characters, vendors: [] };
  const list = await getVendors(
    {
      ...input.account,
      characterId: character.characterId,
      accessToken: input.accessToken,
      components: [ComponentType.Vendors],
    },
    input.call,
  );
  const now = new Set(
    reshapeVendors(list)
      .vendors.filter((v) => v.enabled)
      .map((v) => v.vendorHash),
  );
  const hashes = new Set([...now, ...input.chosen]);
  const definitions = await input.lookup("DestinyVendorDefinition", hashes);
  const vendors = [...hashes]
    .map((vendorHash) => {
      const definition = definitions.get(vendorHash);
      return {
        vendorHash,
        name: definition.displayProperties.name,
        subtitle: definition.displayProperties.subtitle,
        iconUrl: input.assetUrl(definition.displayProperties.icon),
        availableNow: now.has(vendorHash),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  return { characters, vendors };
}
