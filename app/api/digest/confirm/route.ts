import { db } from "@/lib/db";
import { confirmByToken } from "@/lib/digest/subscription";
import { getEnv } from "@/lib/env";
import { linkPage } from "@/lib/email/link-page";
import { guardRoute } from "@/lib/security/database-outage";

export const dynamic = "force-dynamic";

/** The double opt-in link of the confirmation email. */
export const GET = guardRoute(confirm, { as: "page" });

async function confirm(request: Request): Promise<Response> {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const result = await confirmByToken(db, token, getEnv().AUTH_SECRET);
  const settings = { href: "/settings/digest", label: "Choose vendors and filters" };
  switch (result) {
    case "confirmed":
    case "already-confirmed":
      return linkPage({
        title: "Address confirmed",
        message: "You will get the vendor digest after each daily reset (17:00 UTC).",
        link: settings,
      });
    case "unsubscribed":
      return linkPage({
        title: "Digest is off",
        message: "This address was unsubscribed. Subscribe again from Warmind's settings.",
        link: settings,
      });
    default:
      return linkPage({
        status: 400,
        title: "This link does not work",
        message:
          "It has expired, or a newer link replaced it. Ask for a new one on Warmind's digest settings page.",
        link: settings,
      });
  }
}
