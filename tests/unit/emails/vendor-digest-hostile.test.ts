import { createElement } from "react";
import { describe, expect, it } from "vitest";
import VendorDigest from "@/emails/vendor-digest";
import { renderEmail } from "@/lib/email/render";
import type { VendorsView } from "@/lib/vendors/types";

// Names in the digest come from Bungie (the player's name) and the manifest (vendors, groups,
// items, currencies): an email client must get them as text, never as markup.
const PLAYER = '"><img src=x onerror=alert("player")>#0042';
const GROUP = "<b>Limited</b> Time";
const VENDOR = '<script>alert("vendor")</script>';
const SUBTITLE = '<img src=x onerror=alert("subtitle")>';
const ITEM = '<img src=x onerror=alert("item")>';
const TYPE = "Hand Cannon<iframe src=javascript:alert(1)>";
const CURRENCY = '"><svg onload=alert(1)>';
const FAILED = "<script>alert('failed')</script>";

const view: VendorsView = {
  collectionsKnown: false,
  failedVendors: [{ vendorHash: 9, name: FAILED }],
  groups: [
    {
      groupHash: 1,
      name: GROUP,
      vendors: [
        {
          vendorHash: 2,
          name: VENDOR,
          subtitle: SUBTITLE,
          iconUrl: "https://warmind.test/icons/vendor.png",
          nextRefreshDate: "2026-11-26T17:00:00Z",
          sales: [
            {
              vendorItemIndex: 0,
              itemHash: 3,
              name: ITEM,
              iconUrl: "https://warmind.test/icons/item.png",
              rarity: 5,
              rarityName: "Legendary",
              gearTier: 3,
              typeName: TYPE,
              kind: "weapon",
              quantity: 1,
              costs: [{ itemHash: 4, name: CURRENCY, iconUrl: null, quantity: 5000 }],
              refreshesAt: null,
              owned: null,
            },
          ],
        },
      ],
    },
  ],
};

/** React's escaping of text: the five characters HTML gives meaning to. */
function escaped(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#x27;");
}

describe("vendor digest email with hostile names", () => {
  it("carries every name as escaped text in the HTML and as literal text in the plain part", async () => {
    const { html, text } = await renderEmail(
      createElement(VendorDigest, {
        playerName: PLAYER,
        characterLabel: "Hunter, Power 544",
        resetLabel: "Wednesday 25 November 2026",
        filtersLabel: "Everything on sale",
        view,
        vendorsUrl: "https://warmind.test/vendors",
        settingsUrl: "https://warmind.test/settings/digest",
        unsubscribeUrl: "https://warmind.test/api/digest/unsubscribe?token=t",
      }),
    );

    for (const name of [PLAYER, GROUP, VENDOR, SUBTITLE, ITEM, TYPE, CURRENCY, FAILED]) {
      expect(html, name).toContain(escaped(name));
    }
    expect(html).toContain("&lt;img src=x onerror=alert(&quot;item&quot;)&gt;");
    // None of it became markup: no such tag opens anywhere (its text, escaped, may say onerror=).
    for (const raw of ["<img src=x", "<script", "<svg", "<iframe", "<b>"]) {
      expect(html, raw).not.toContain(raw);
    }

    // Headings come out in capitals in the plain-text part; the rest as written.
    expect(text).toContain(GROUP.toUpperCase());
    expect(text).toContain(VENDOR.toUpperCase());
    for (const name of [PLAYER, SUBTITLE, ITEM, TYPE, FAILED]) expect(text, name).toContain(name);
    expect(text).toContain(`5,000 ${CURRENCY}`);
    // The sale's gear tier, where the app knew it, in words.
    expect(text).toContain(`${TYPE} · Tier 3`);
    expect(html).toContain("· Tier 3");
  });
});
