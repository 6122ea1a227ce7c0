import "server-only";
import type { Env } from "@/lib/env-schema";
import { createEmailLinkToken } from "./signed-token";
import type { EmailTransportKind } from "./types";

/** A confirmation link works for a week; the player can ask for a new one at any time. */
export const CONFIRM_LINK_TTL_SECONDS = 7 * 24 * 3600;

type Subscription = { id: string; tokenVersion: number };
type LinkEnv = Pick<Env, "appUrl" | "AUTH_SECRET">;

/** The double opt-in link, for a message that `via` delivers (the link carries it, signed). */
export function confirmSubscriptionUrl(
  env: LinkEnv,
  subscription: Subscription,
  via: EmailTransportKind,
  nowMs = Date.now(),
): string {
  const token = createEmailLinkToken(
    {
      purpose: "confirm",
      subscriptionId: subscription.id,
      version: subscription.tokenVersion,
      expiresAt: Math.floor(nowMs / 1000) + CONFIRM_LINK_TTL_SECONDS,
      via,
    },
    env.AUTH_SECRET,
  );
  return `${env.appUrl}/api/digest/confirm?token=${token}`;
}

/** Unsubscribe links never expire: an old digest in the inbox must still unsubscribe. */
export function unsubscribeUrl(env: LinkEnv, subscription: Subscription): string {
  const token = createEmailLinkToken(
    {
      purpose: "unsubscribe",
      subscriptionId: subscription.id,
      version: subscription.tokenVersion,
      expiresAt: null,
    },
    env.AUTH_SECRET,
  );
  return `${env.appUrl}/api/digest/unsubscribe?token=${token}`;
}

/**
 * RFC 2369 / RFC 8058 headers: mail clients show an "Unsubscribe" button that POSTs
 * `List-Unsubscribe=One-Click` to the URL, with no page to visit and no sign-in.
 */
export function listUnsubscribeHeaders(url: string): Record<string, string> {
  return {
    "List-Unsubscribe": `<${url}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}

/**
 * Absolute URL of a Bungie image for an email: bungieAssetUrl gives a relative one in demo mode,
 * which a mail client cannot load. The configured origin is absolute in every mode.
 */
export function emailAssetUrl(env: Pick<Env, "bungie">, path: string | null): string | null {
  if (!path) return null;
  if (/^https?:\/\//.test(path)) return path;
  return `${env.bungie.origin}${path.startsWith("/") ? path : `/${path}`}`;
}
