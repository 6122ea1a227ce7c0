import { describe, expect, it } from "vitest";
import {
  confirmSubscriptionUrl,
  emailAssetUrl,
  listUnsubscribeHeaders,
  unsubscribeUrl,
} from "@/lib/email/links";
import { createEmailLinkToken, readEmailLinkToken } from "@/lib/email/signed-token";

const SECRET = "s".repeat(40);
const OTHER = "o".repeat(40);
const NOW = Date.UTC(2026, 10, 25, 18);

describe("email link tokens", () => {
  const claims = {
    purpose: "unsubscribe" as const,
    subscriptionId: "sub_1",
    version: 3,
    expiresAt: null,
  };

  it("round-trips with the same secret and purpose", () => {
    const token = createEmailLinkToken(claims, SECRET);
    expect(token).toMatch(/^[\w-]+\.[\w-]+$/);
    expect(readEmailLinkToken(token, "unsubscribe", SECRET, NOW)).toEqual(claims);
  });

  it("refuses another secret, another purpose, and any change to the token", () => {
    const token = createEmailLinkToken(claims, SECRET);
    expect(readEmailLinkToken(token, "unsubscribe", OTHER, NOW)).toBeNull();
    expect(readEmailLinkToken(token, "confirm", SECRET, NOW)).toBeNull();
    const [payload, signature] = token.split(".") as [string, string];
    const forged = Buffer.from(JSON.stringify(["unsubscribe", "sub_2", 3, null])).toString(
      "base64url",
    );
    expect(readEmailLinkToken(`${forged}.${signature}`, "unsubscribe", SECRET, NOW)).toBeNull();
    expect(
      readEmailLinkToken(`${payload}.${signature.slice(1)}`, "unsubscribe", SECRET, NOW),
    ).toBeNull();
    expect(readEmailLinkToken(`${payload}.${signature}.x`, "unsubscribe", SECRET, NOW)).toBeNull();
    expect(readEmailLinkToken("", "unsubscribe", SECRET, NOW)).toBeNull();
    expect(readEmailLinkToken("not-a-token", "unsubscribe", SECRET, NOW)).toBeNull();
  });

  it("carries the delivering transport, and refuses an unknown one", () => {
    const token = createEmailLinkToken({ ...claims, purpose: "confirm", via: "outbox" }, SECRET);
    expect(readEmailLinkToken(token, "confirm", SECRET, NOW)?.via).toBe("outbox");
    // Signed with our secret, but naming no transport we have.
    const unknown = createEmailLinkToken(
      { ...claims, purpose: "confirm", via: "carrier-pigeon" as never },
      SECRET,
    );
    expect(readEmailLinkToken(unknown, "confirm", SECRET, NOW)).toBeNull();
  });

  it("expires", () => {
    const token = createEmailLinkToken(
      { purpose: "confirm", subscriptionId: "sub_1", version: 1, expiresAt: NOW / 1000 + 60 },
      SECRET,
    );
    expect(readEmailLinkToken(token, "confirm", SECRET, NOW)).not.toBeNull();
    expect(readEmailLinkToken(token, "confirm", SECRET, NOW + 61_000)).toBeNull();
  });
});

describe("email links", () => {
  const env = { appUrl: "https://warmind.example", AUTH_SECRET: SECRET };
  const subscription = { id: "sub_9", tokenVersion: 2 };

  it("builds a confirmation link valid for a week", () => {
    const url = new URL(confirmSubscriptionUrl(env, subscription, "resend", NOW));
    expect(url.origin + url.pathname).toBe("https://warmind.example/api/digest/confirm");
    const token = url.searchParams.get("token")!;
    expect(readEmailLinkToken(token, "confirm", SECRET, NOW)).toEqual({
      purpose: "confirm",
      subscriptionId: "sub_9",
      version: 2,
      expiresAt: NOW / 1000 + 7 * 86400,
      // The transport that delivers it, signed with the rest: what the link proves depends on it.
      via: "resend",
    });
  });

  it("builds a non-expiring unsubscribe link and the one-click headers", () => {
    const url = unsubscribeUrl(env, subscription);
    const token = new URL(url).searchParams.get("token")!;
    expect(
      readEmailLinkToken(token, "unsubscribe", SECRET, NOW + 10 * 365 * 86400_000),
    ).toMatchObject({
      subscriptionId: "sub_9",
      version: 2,
    });
    expect(listUnsubscribeHeaders(url)).toEqual({
      "List-Unsubscribe": `<${url}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
  });

  it("makes Bungie image paths absolute for mail clients", () => {
    const bungie = { bungie: { origin: "http://localhost:3000/sandbox" } } as never;
    expect(emailAssetUrl(bungie, "/common/icon.png")).toBe(
      "http://localhost:3000/sandbox/common/icon.png",
    );
    expect(emailAssetUrl(bungie, "common/icon.png")).toBe(
      "http://localhost:3000/sandbox/common/icon.png",
    );
    expect(emailAssetUrl(bungie, "https://cdn.example/x.png")).toBe("https://cdn.example/x.png");
    expect(emailAssetUrl(bungie, null)).toBeNull();
  });
});
