import "server-only";
import type { BungieClient, Currency, DestinyProfile } from "@/lib/bungie";
import { getClanSource } from "@/lib/clan/default-source";
import { bungieAssetUrl } from "@/lib/bungie-assets";
import { ACCOUNT_CURRENCIES, PLATFORM_NAMES } from "@/lib/destiny/game-facts";
import type { AccountView } from "./account-view";
import { buildCharacterViews, definitionHashes } from "./build-inventory-view";
import { loadGuardianDefinitions } from "./definitions";
import { getGuardianContext } from "./guardian-context";
import { withPlayerToken, type TokenRunner } from "./player-token";
import { readProfileSummary } from "./profile-store";
import { unavailableView } from "./unavailable";
import type { UnavailableView } from "./view-types";

/**
 * The profile's currencies (103), and the materials vendors price in that the player holds in
 * the account-wide buckets (not the vault), each summed over its stacks.
 */
function currenciesHeld(profile: DestinyProfile): Currency[] {
  const totals = new Map(profile.currencies.map((c) => [c.itemHash, c.quantity]));
  const fromCurrencies = new Set(totals.keys());
  for (const item of profile.items) {
    if (item.location !== "inventory" || item.ownerCharacterId !== null) continue;
    if (!ACCOUNT_CURRENCIES.includes(item.itemHash) || fromCurrencies.has(item.itemHash)) continue;
    totals.set(item.itemHash, (totals.get(item.itemHash) ?? 0) + item.quantity);
  }
  return [...totals].map(([itemHash, quantity]) => ({ itemHash, quantity }));
}

/**
 * The account page's data: ONE GetProfile of only what it shows (or the inventory page's, when
 * the cache has it) and
 * the player's clan (from the clan page's cache when it has it), asked in parallel. null when the
 * player has no Destiny account.
 */
export async function loadAccountView(
  user: { id: string; bungieName: string | null; image: string | null },
  options: { withToken?: TokenRunner; client?: BungieClient } = {},
): Promise<AccountView | UnavailableView | null> {
  // The context's one query already read every membership: no second query for the count.
  const context = await getGuardianContext(user.id);
  if (!context) return null;
  const { account } = context;
  // Clans are public data (no token), shared with the clan page's five-minute cache; a clan
  // outage must not take the account page down.
  const clan = getClanSource()
    .findClanOf(account)
    .then(
      (found) =>
        found
          ? {
              name: found.clan.name,
              callsign: found.clan.callsign,
              memberCount: found.clan.memberCount,
            }
          : null,
      () => "unavailable" as const,
    );

  let profile;
  try {
    profile = await readProfileSummary(
      account,
      options.withToken ?? withPlayerToken(user.id),
      options,
    );
  } catch (error) {
    const unavailable = unavailableView(error);
    if (!unavailable) throw error;
    return unavailable;
  }
  const held = currenciesHeld(profile);
  const defs = await loadGuardianDefinitions(
    // The account page shows no items: only currencies need item definitions.
    { ...definitionHashes(profile), items: held.map((c) => c.itemHash), stats: [] },
    context.language,
  );
  const characters = buildCharacterViews(profile.characters, defs, bungieAssetUrl);
  const currencies = held
    .map((c) => {
      const def = defs.item(c.itemHash);
      return {
        itemHash: c.itemHash,
        name: def.displayProperties.name,
        icon: def.displayProperties.icon ? bungieAssetUrl(def.displayProperties.icon) : null,
        quantity: c.quantity,
      };
    })
    .sort((a, b) => {
      const rank = (hash: number) => {
        const n = ACCOUNT_CURRENCIES.indexOf(hash);
        return n === -1 ? ACCOUNT_CURRENCIES.length : n;
      };
      return rank(a.itemHash) - rank(b.itemHash) || a.name.localeCompare(b.name);
    });
  const chosen = characters.find((c) => c.characterId === context.chosenCharacterId);
  return {
    kind: "account",
    bungieName: user.bungieName,
    avatarUrl: user.image ? bungieAssetUrl(user.image) : null,
    platform: {
      membershipType: account.membershipType,
      name: PLATFORM_NAMES[account.membershipType] ?? "Destiny",
      crossSave: account.crossSaveOverride !== 0,
      linkedPlatforms: account.applicableMembershipTypes
        .map((t) => PLATFORM_NAMES[t])
        .filter((name): name is string => Boolean(name)),
    },
    accountCount: context.accountCount,
    characters,
    selectedCharacterId: chosen?.characterId ?? characters[0]?.characterId ?? null,
    currencies,
    clan: await clan,
    loadedAt: Date.now(),
  };
}
