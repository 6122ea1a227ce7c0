import { db } from "@/lib/db";
import { unsubscribeByToken } from "@/lib/digest/subscription";
import { readEmailLinkToken } from "@/lib/email/signed-token";
import { getEnv } from "@/lib/env";
import { linkPage } from "@/lib/email/link-page";
import { guardRoute } from "@/lib/security/database-outage";

export const dynamic = "force-dynamic";

const INVALID = {
  status: 400,
  title: "This link does not work",
  message: "It is not a Warmind unsubscribe link, or the address changed since it was sent.",
};

function tokenOf(request: Request): string {
  return new URL(request.url).searchParams.get("token") ?? "";
}

/**
 * Opening the link in a browser asks first: mail scanners follow links, and a GET must not
 * unsubscribe anyone.
 */
export async function GET(request: Request): Promise<Response> {
  const token = tokenOf(request);
  if (!readEmailLinkToken(token, "unsubscribe", getEnv().AUTH_SECRET)) return linkPage(INVALID);
  return linkPage({
    title: "Unsubscribe from the vendor digest?",
    message: "No more digests will be sent to this address. You can subscribe again in Warmind.",
    form: {
      action: `/api/digest/unsubscribe?token=${encodeURIComponent(token)}`,
      label: "Unsubscribe",
      fields: { "List-Unsubscribe": "One-Click" },
    },
  });
}

/**
 * RFC 8058 one-click: mail clients POST `List-Unsubscribe=One-Click` here with no cookie and no
 * page; the confirmation page's button posts the same. The signed token is the authority.
 */
export const POST = guardRoute(
  async (request: Request): Promise<Response> => {
    const result = await unsubscribeByToken(db, tokenOf(request), getEnv().AUTH_SECRET);
    if (result === "invalid") return linkPage(INVALID);
    return linkPage({
      title: "You are unsubscribed",
      message: "No more vendor digests will be sent to this address.",
      link: { href: "/settings/digest", label: "Digest settings" },
    });
  },
  { as: "page" },
);
