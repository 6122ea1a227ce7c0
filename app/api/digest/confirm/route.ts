import { db } from "@/lib/db";
import { checkConfirmToken, confirmByToken, type ConfirmResult } from "@/lib/digest/subscription";
import { linkPage } from "@/lib/email/link-page";
import { getEmailTransport } from "@/lib/email/transport";
import { getEnv } from "@/lib/env";
import { guardRoute } from "@/lib/security/database-outage";

export const dynamic = "force-dynamic";

const SETTINGS = { href: "/settings/digest", label: "Choose vendors and filters" };

function tokenOf(request: Request): string {
  return new URL(request.url).searchParams.get("token") ?? "";
}

/**
 * The confirmation email's link only shows a page: mail scanners follow links, and a GET must
 * not subscribe anyone. The page's button confirms (POST below).
 */
export const GET = guardRoute(showConfirmPage, { as: "page" });

async function showConfirmPage(request: Request): Promise<Response> {
  const token = tokenOf(request);
  const result = await checkConfirmToken(db, token, getEnv().AUTH_SECRET, getEmailTransport().kind);
  if (result !== "confirmed") return resultPage(result);
  return linkPage({
    title: "Start the vendor digest?",
    message:
      "Confirm that this address is yours and that you want the vendor digest after each daily reset (17:00 UTC).",
    form: {
      action: `/api/digest/confirm?token=${encodeURIComponent(token)}`,
      label: "Confirm my address",
    },
  });
}

/** The confirmation page's button. The signed token in the URL is the authority. */
export const POST = guardRoute(confirm, { as: "page" });

async function confirm(request: Request): Promise<Response> {
  const result = await confirmByToken(
    db,
    tokenOf(request),
    getEnv().AUTH_SECRET,
    getEmailTransport().kind,
  );
  return resultPage(result);
}

function resultPage(result: ConfirmResult): Response {
  switch (result) {
    case "confirmed":
    case "already-confirmed":
      return linkPage({
        title: "Address confirmed",
        message: "You will get the vendor digest after each daily reset (17:00 UTC).",
        link: SETTINGS,
      });
    case "unsubscribed":
      return linkPage({
        title: "Digest is off",
        message: "This address was unsubscribed. Subscribe again from Warmind's settings.",
        link: SETTINGS,
      });
    case "wrong-transport":
      return linkPage({
        status: 400,
        title: "This link does not work any more",
        message:
          "It was delivered another way than Warmind sends email now (in the demo outbox, before real email was set up), so it does not prove the address is yours. Ask for a new link on Warmind's digest settings page.",
        link: SETTINGS,
      });
    default:
      return linkPage({
        status: 400,
        title: "This link does not work",
        message:
          "It has expired, or a newer link replaced it. Ask for a new one on Warmind's digest settings page.",
        link: SETTINGS,
      });
  }
}
