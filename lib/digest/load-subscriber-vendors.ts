import "server-only";
import type { DestinyProfileResponse } from "bungie-api-ts/destiny2";
import { withAccessToken } from "@/lib/auth/access-token";
import { getActiveDestinyAccount, type DestinyAccount } from "@/lib/auth/destiny-account";
import {
  getProfile,
  getVendors,
  reshapeProfile,
  reshapeVendors,
  type CallOptions,
  type Character,
} from "@/lib/bungie";
import { ComponentType } from "@/lib/destiny/api-enums";
import { CLASS_NAMES } from "@/lib/destiny/game-facts";
import { emailAssetUrl } from "@/lib/email/links";
import type { Env } from "@/lib/env-schema";
import { getPlayerManifestLanguage } from "@/lib/manifest";
import {
  buildVendorsView,
  type VendorDefinitionLookup,
  type VendorStock,
} from "@/lib/vendors/build-view";
import { readCollectibleStates } from "@/lib/vendors/collectibles";
import { manifestLookup } from "@/lib/vendors/load-vendors";
import type { VendorsView } from "@/lib/vendors/types";
import { planSubscriberCalls, type CallCount, type CallPlan } from "./plan-calls";
import type { PublicStock } from "./public-vendors";
import { stockDefinitions } from "./stock-definitions";

export type SubscriberVendors = {
  characterLabel: string;
  view: VendorsView;
  plan: CallPlan;
  /** The Bungie calls made for this subscriber alone (token refreshes are not seen here). */
  calls: Omit<CallCount, "tokenRefreshes">;
};

/** What every subscriber of one run shares: read once per run, whoever asks first. */
export type DigestShared = {
  /** GetPublicVendors, cached per reset (public-vendors.ts). */
  publicStock(): Promise<PublicStock>;
  /** The public stock's definitions in a language (manifest only, no Bungie call). */
  publicDefinitions(language: string): Promise<VendorDefinitionLookup>;
};

/** The subscriber has nothing Warmind can read (no Destiny account or no character). */
export class NothingToSendError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NothingToSendError";
  }
}

/** Sales GetPublicVendors gives are the same for every class: the digest says so. */
export const EVERY_CLASS_LABEL = "Every class";

const PROFILE_COMPONENTS = [ComponentType.Characters, ComponentType.Collectibles];
const VENDORS_COMPONENTS = [ComponentType.Vendors, ComponentType.VendorSales];

type Subscriber = {
  userId: string;
  characterId: string | null;
  filters: readonly string[];
  vendorHashes: readonly number[];
};

/**
 * One subscriber's vendors with only the Bungie calls their choices need (plan-calls.ts): none
 * for public vendors without collections, a GetProfile without a token for their collections,
 * their token's GetProfile and GetVendors for stock only their character sees. Every call queues
 * behind the players' own (priority "background"): nobody watches the digest.
 */
export async function loadSubscriberVendors(
  env: Pick<Env, "bungie">,
  subscriber: Subscriber,
  shared: DigestShared,
): Promise<SubscriberVendors> {
  // "Every vendor" needs the character whatever GetPublicVendors has: no need to wait for it.
  const publicHashes =
    subscriber.vendorHashes.length === 0
      ? new Set<number>()
      : new Set((await shared.publicStock()).vendorHashes);
  const plan = planSubscriberCalls(subscriber, publicHashes);
  const calls = { profile: 0, vendors: 0 };
  const language = await getPlayerManifestLanguage(subscriber.userId);
  const assetUrl = (path: string | null) => emailAssetUrl(env, path);
  const call: CallOptions = { priority: "background", player: subscriber.userId };

  if (!plan.characterVendors) {
    const [stock, definitions] = await Promise.all([
      shared.publicStock(),
      shared.publicDefinitions(language),
    ]);
    let characterLabel = EVERY_CLASS_LABEL;
    let collectibles: ReadonlyMap<number, number> | null = null;
    if (plan.profile !== "none") {
      const account = await activeAccount(subscriber.userId);
      let profile = await getProfile({ ...account, components: PROFILE_COMPONENTS }, call);
      calls.profile++;
      if (!profile.profileCollectibles?.data) {
        // Their privacy hides the collections from strangers: ask as them.
        profile = await withAccessToken(subscriber.userId, (accessToken) =>
          getProfile({ ...account, accessToken, components: PROFILE_COMPONENTS }, call),
        );
        calls.profile++;
      }
      const character = pickCharacter(profile, subscriber.characterId);
      characterLabel = labelOf(character);
      collectibles = readCollectibleStates(profile, character.characterId);
    }
    const view = buildVendorsView(stock, { definitions, collectibles, assetUrl });
    return { characterLabel, view, plan, calls };
  }

  const account = await activeAccount(subscriber.userId);
  const read = await withAccessToken(subscriber.userId, async (accessToken) => {
    const profile = await getProfile(
      { ...account, accessToken, components: PROFILE_COMPONENTS },
      call,
    );
    calls.profile++;
    const character = pickCharacter(profile, subscriber.characterId);
    const vendors = await getVendors(
      {
        ...account,
        characterId: character.characterId,
        accessToken,
        components: VENDORS_COMPONENTS,
      },
      call,
    );
    calls.vendors++;
    return { profile, character, vendors };
  });
  const list = reshapeVendors(read.vendors);
  const stock: VendorStock = {
    groups: (read.vendors.vendorGroups?.data?.groups ?? []).map((g) => ({
      vendorGroupHash: g.vendorGroupHash,
      vendorHashes: [...(g.vendorHashes ?? [])],
    })),
    vendors: list.vendors.filter((v) => v.enabled),
    failedVendorHashes: [],
  };
  const definitions = await stockDefinitions(stock, manifestLookup(language));
  const view = buildVendorsView(stock, {
    definitions,
    collectibles: readCollectibleStates(read.profile, read.character.characterId),
    assetUrl,
  });
  return { characterLabel: labelOf(read.character), view, plan, calls };
}

async function activeAccount(userId: string): Promise<DestinyAccount> {
  const account = await getActiveDestinyAccount(userId);
  if (!account) throw new NothingToSendError("No Destiny account is linked.");
  return account;
}

/** The chosen character, else the one played last (the stored one may have been deleted). */
function pickCharacter(profile: DestinyProfileResponse, characterId: string | null): Character {
  const characters = reshapeProfile(profile).characters;
  const character = characters.find((c) => c.characterId === characterId) ?? characters[0];
  if (!character) throw new NothingToSendError("The Destiny account has no character.");
  return character;
}

function labelOf(character: Character): string {
  return `${CLASS_NAMES[character.classType] ?? "Guardian"}, Power ${character.light}`;
}
