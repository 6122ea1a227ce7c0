import "server-only";
import { createElement } from "react";
import VendorDigest from "@/emails/vendor-digest";
import { listUnsubscribeHeaders, unsubscribeUrl } from "@/lib/email/links";
import { renderEmail } from "@/lib/email/render";
import type { EmailMessage } from "@/lib/email/types";
import type { Env } from "@/lib/env-schema";
import { countSales, SALE_FILTER_LABELS, type SaleFilter } from "@/lib/vendors/filters";
import type { VendorsView } from "@/lib/vendors/types";

const resetDate = new Intl.DateTimeFormat("en-GB", {
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});
const shortDate = new Intl.DateTimeFormat("en-GB", {
  weekday: "short",
  day: "numeric",
  month: "short",
  timeZone: "UTC",
});

export type DigestContent = {
  subscription: { id: string; tokenVersion: number; email: string; userId: string };
  playerName: string;
  characterLabel: string;
  filters: readonly SaleFilter[];
  vendorCount: number | null;
  /** Already filtered for this subscription. */
  view: VendorsView;
  /** The daily reset the digest is for (ms). */
  resetAt: number;
};

export function filtersLabel(filters: readonly SaleFilter[], vendorCount: number | null): string {
  const parts = filters.map((f) => SALE_FILTER_LABELS[f]);
  if (vendorCount) parts.push(`${vendorCount} chosen ${vendorCount === 1 ? "vendor" : "vendors"}`);
  return parts.length ? parts.join(", ") : "Everything on sale";
}

/** The digest email: subject, HTML and text, and the one-click unsubscribe headers. */
export async function composeDigest(
  env: Pick<Env, "appUrl" | "AUTH_SECRET">,
  content: DigestContent,
): Promise<EmailMessage> {
  const unsubscribe = unsubscribeUrl(env, content.subscription);
  const { html, text } = await renderEmail(
    createElement(VendorDigest, {
      playerName: content.playerName,
      characterLabel: content.characterLabel,
      resetLabel: resetDate.format(content.resetAt),
      filtersLabel: filtersLabel(content.filters, content.vendorCount),
      view: content.view,
      vendorsUrl: `${env.appUrl}/vendors`,
      settingsUrl: `${env.appUrl}/settings/digest`,
      unsubscribeUrl: unsubscribe,
    }),
  );
  const sales = countSales(content.view);
  const vendors = content.view.groups.reduce((n, g) => n + g.vendors.length, 0);
  return {
    to: content.subscription.email,
    subject: `Vendors for ${shortDate.format(content.resetAt)}: ${sales} ${sales === 1 ? "sale" : "sales"} at ${vendors} ${vendors === 1 ? "vendor" : "vendors"}`,
    html,
    text,
    headers: listUnsubscribeHeaders(unsubscribe),
    userId: content.subscription.userId,
    idempotencyKey: `vendor-digest/${content.subscription.id}/${content.resetAt}`,
  };
}
