import "server-only";
import { withAccessTokenOrSignIn } from "@/lib/auth/bungie-call";
import { requireUser } from "@/lib/auth/current-user";
import { getActiveDestinyAccount } from "@/lib/auth/destiny-account";
import { bungieAssetUrl } from "@/lib/bungie-assets";
import { db } from "@/lib/db";
import { CLASS_NAMES } from "@/lib/destiny/game-facts";
import { getEmailTransport } from "@/lib/email/transport";
import type { EmailTransportKind } from "@/lib/email/types";
import { getPlayerManifestLanguage } from "@/lib/manifest";
import { isSaleFilter, type SaleFilter } from "@/lib/vendors/filters";
import { loadVendorChoices, type VendorChoice } from "@/lib/vendors/load-vendor-choices";
import { manifestLookup } from "@/lib/vendors/load-vendors";
import { vendorsUnavailableMessage } from "@/lib/vendors/unavailable-message";
import { isConfirmed } from "./subscription";

export type SubscriptionStatus = "none" | "pending" | "active" | "unsubscribed";

export type DigestSettingsData = {
  status: SubscriptionStatus;
  email: string;
  filters: SaleFilter[];
  vendorHashes: number[];
  characterId: string | null;
  characters: { characterId: string; label: string }[];
  vendors: VendorChoice[];
  /** Why the vendor list is missing (Bungie down); the rest of the form still works. */
  vendorsError: string | null;
  transport: EmailTransportKind;
  /** The confirmation email waits for the hourly limit of all players. */
  confirmationQueued: boolean;
  /**
   * Confirmed once, but through a delivery that no longer counts (the demo outbox, before real
   * email was configured): pending again until confirmed by email.
   */
  confirmAgain: boolean;
};

export async function loadDigestSettings(): Promise<DigestSettingsData> {
  const path = "/settings/digest";
  const user = await requireUser(path);
  const [subscription, account, language] = await Promise.all([
    db.digestSubscription.findUnique({ where: { userId: user.id } }),
    getActiveDestinyAccount(user.id),
    getPlayerManifestLanguage(user.id),
  ]);
  const vendorHashes = (subscription?.vendorHashes ?? []).map(Number);
  const characterId = subscription?.characterId ?? null;

  let characters: DigestSettingsData["characters"] = [];
  let vendors: VendorChoice[] = [];
  let vendorsError: string | null = null;
  if (account) {
    try {
      const choices = await loadVendorChoices({
        account,
        withToken: (call) => withAccessTokenOrSignIn(user.id, path, call),
        characterId,
        chosen: vendorHashes,
        lookup: manifestLookup(language),
        assetUrl: (p) => bungieAssetUrl(p) || null,
      });
      characters = choices.characters.map((c) => ({
        characterId: c.characterId,
        label: `${CLASS_NAMES[c.classType] ?? "Guardian"} · ${c.light}`,
      }));
      vendors = choices.vendors;
    } catch (error) {
      const message = vendorsUnavailableMessage(error);
      if (message === null) throw error;
      vendorsError = message;
    }
  } else {
    vendorsError = "Link a Destiny account to choose vendors.";
  }

  const transport = getEmailTransport().kind;
  const confirmed = subscription !== null && isConfirmed(subscription, transport);
  return {
    status: !subscription
      ? "none"
      : subscription.unsubscribedAt
        ? "unsubscribed"
        : confirmed
          ? "active"
          : "pending",
    email: subscription?.email ?? "",
    filters: (subscription?.filters ?? []).filter(isSaleFilter),
    vendorHashes,
    characterId,
    characters,
    vendors,
    vendorsError,
    transport,
    confirmationQueued:
      subscription?.confirmationQueuedAt != null && !confirmed && !subscription.unsubscribedAt,
    confirmAgain: subscription?.confirmedAt != null && !confirmed && !subscription.unsubscribedAt,
  };
}
