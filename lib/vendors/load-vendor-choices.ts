import "server-only";
import {
  getProfile,
  getVendors,
  reshapeProfile,
  reshapeVendors,
  type CallOptions,
  type Character,
} from "@/lib/bungie";
import type { Cache } from "@/lib/cache/cache";
import { ComponentType } from "@/lib/destiny/api-enums";
import { nextDailyReset } from "@/lib/destiny/resets";
import type { DefinitionsLookup } from "./load-vendors";
import { vendorsCache } from "./vendors-snapshot";

export type VendorChoice = {
  vendorHash: number;
  name: string;
  subtitle: string;
  iconUrl: string | null;
  /** False for a vendor chosen earlier who is not in the game now (Xûr on a weekday). */
  availableNow: boolean;
};

type Account = { membershipType: number; membershipId: string };

/** What the choices need of Bungie: the characters, and which vendors the character has now. */
type ChoiceFacts = { characters: Character[]; enabled: number[] };

/**
 * Which vendors a character has changes at the daily reset (Xûr comes and goes with one), so the
 * facts are kept until the next one, in the vendors' cache (Redis when set): only the first view
 * of the settings after a reset costs Bungie calls. The light in a character's label can be a few
 * hours old; it only names the character.
 */
function choicesKey(account: Account, characterId: string | null): string {
  return `choices:${account.membershipType}:${account.membershipId}:${characterId ?? "latest"}`;
}

/**
 * What the digest settings offer: the player's characters, and the vendors their character
 * has now (plus any chosen earlier). Two Bungie calls when not cached (GetProfile and
 * GetVendors, no sales), none when cached.
 */
export async function loadVendorChoices(input: {
  account: Account;
  /** Runs a call with the player's token; only called on a cache miss. */
  withToken: <T>(call: (accessToken: string) => Promise<T>) => Promise<T>;
  characterId: string | null;
  /** Vendors already chosen: always offered, so a choice is never lost. */
  chosen: readonly number[];
  lookup: DefinitionsLookup;
  assetUrl: (path: string | null) => string | null;
  call?: CallOptions;
  cache?: Cache;
  now?: () => number;
}): Promise<{ characters: Character[]; vendors: VendorChoice[] }> {
  const now = input.now ?? Date.now;
  const { characters, enabled } = await (input.cache ?? vendorsCache()).getOrLoad(
    choicesKey(input.account, input.characterId),
    () => input.withToken((accessToken) => readChoiceFacts(input, accessToken)),
    { expiresAt: () => nextDailyReset(now()) },
  );
  if (characters.length === 0) return { characters, vendors: [] };
  const inGame = new Set(enabled);
  const hashes = new Set([...inGame, ...input.chosen]);
  const definitions = await input.lookup("DestinyVendorDefinition", hashes);
  const vendors = [...hashes]
    .map((vendorHash) => {
      const definition = definitions.get(vendorHash);
      return {
        vendorHash,
        name: definition.displayProperties.name,
        subtitle: definition.displayProperties.subtitle,
        iconUrl: input.assetUrl(definition.displayProperties.icon),
        availableNow: inGame.has(vendorHash),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  return { characters, vendors };
}

async function readChoiceFacts(
  input: { account: Account; characterId: string | null; call?: CallOptions },
  accessToken: string,
): Promise<ChoiceFacts> {
  const profile = await getProfile(
    { ...input.account, accessToken, components: [ComponentType.Characters] },
    input.call,
  );
  const characters = reshapeProfile(profile).characters;
  const character = characters.find((c) => c.characterId === input.characterId) ?? characters[0];
  if (!character) return { characters, enabled: [] };
  const list = await getVendors(
    {
      ...input.account,
      characterId: character.characterId,
      accessToken,
      components: [ComponentType.Vendors],
    },
    input.call,
  );
  const enabled = reshapeVendors(list)
    .vendors.filter((v) => v.enabled)
    .map((v) => v.vendorHash);
  return { characters, enabled };
}
