// Which Bungie calls one subscriber's digest needs, decided from their choices alone. Pure, so the
// call budget is tested without Bungie: the run (run-digest.ts) executes the plan.
//
// Bungie throttles a deployment's whole address (~25 calls/s), and the digest shares it with the
// players. What is the same for everybody (GetPublicVendors: vendors without class-bound stock)
// is read once per reset for all subscribers (public-vendors.ts). A subscriber then costs only:
//   - collections ("not yet owned"): GetProfile with components Characters and Collectibles,
//     which Bungie answers without a token unless the player's privacy hides them;
//   - stock only their character sees (every vendor, or a vendor GetPublicVendors leaves out):
//     their character's GetVendors, with their token, and a GetProfile with it to pick the
//     character (the stored one may be gone; "most recently played" moves). The token usually
//     needs a refresh first (Bungie's access tokens live an hour), which is a call too.

export type SubscriberChoice = {
  /** Sale filters (lib/vendors/filters.ts); "unowned" needs the collections. */
  filters: readonly string[];
  /** Chosen vendors; empty means every vendor. */
  vendorHashes: readonly number[];
};

export type CallPlan = {
  /**
   * GetProfile (Characters + Collectibles): "public" without a token (collections only),
   * "token" with the player's token (they need it anyway), "none" when nothing asks for it.
   */
  profile: "none" | "public" | "token";
  /** Their character's GetVendors with their token: the stock GetPublicVendors does not have. */
  characterVendors: boolean;
  /** Uses the shared public vendors (read once per reset, not counted per subscriber). */
  publicVendors: boolean;
};

export function planSubscriberCalls(
  choice: SubscriberChoice,
  publicVendorHashes: ReadonlySet<number>,
): CallPlan {
  const characterVendors =
    choice.vendorHashes.length === 0 ||
    choice.vendorHashes.some((hash) => !publicVendorHashes.has(hash));
  if (characterVendors) {
    // One GetVendors gives every vendor this character sees, the public ones included.
    return { profile: "token", characterVendors: true, publicVendors: false };
  }
  const collections = choice.filters.includes("unowned");
  return { profile: collections ? "public" : "none", characterVendors: false, publicVendors: true };
}

/** What a subscriber's calls came to, as the run counts them (report and benchmark). */
export type CallCount = {
  profile: number;
  vendors: number;
  /** Token refreshes (Bungie's token endpoint counts against the same budget). */
  tokenRefreshes: number;
};

/**
 * The calls a plan makes: `tokenExpired` adds the refresh, `collectionsPrivate` the fallback when
 * a public GetProfile comes back without the collections (the player's privacy): the token, then
 * GetProfile again with it. Never more than 3.
 */
export function plannedCalls(
  plan: CallPlan,
  token: { expired: boolean; collectionsPrivate?: boolean },
): CallCount {
  const needsToken = plan.profile === "token" || plan.characterVendors;
  if (plan.profile === "public" && token.collectionsPrivate) {
    return { profile: 2, vendors: 0, tokenRefreshes: token.expired ? 1 : 0 };
  }
  return {
    profile: plan.profile === "none" ? 0 : 1,
    vendors: plan.characterVendors ? 1 : 0,
    tokenRefreshes: needsToken && token.expired ? 1 : 0,
  };
}

export function totalCalls(count: CallCount): number {
  return count.profile + count.vendors + count.tokenRefreshes;
}
