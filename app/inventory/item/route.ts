import { NextResponse, type NextRequest } from "next/server";
import { BungieSessionEndedError } from "@/lib/auth/access-token";
import { getCurrentUser } from "@/lib/auth/current-user";
import { ItemKeySchema, loadItemDetails } from "@/lib/guardian/load-item-details";
import { guardRoute } from "@/lib/security/database-outage";

// One item's stats, perks and flavour text, fetched when its sheet opens (the page itself sends
// only what the tiles need). GET /inventory/item?key=…; the player's identity from the session
// only. Private to the player: never cached by browsers or proxies.
export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "private, no-store" };

export const GET = guardRoute(itemDetails);

async function itemDetails(request: NextRequest) {
  const key = ItemKeySchema.safeParse(request.nextUrl.searchParams.get("key"));
  if (!key.success) {
    return NextResponse.json({ error: "bad-key" }, { status: 400, headers: NO_STORE });
  }
  const user = await getCurrentUser();
  if (!user) {
    return NextResponse.json({ error: "signed-out" }, { status: 401, headers: NO_STORE });
  }
  try {
    const details = await loadItemDetails(user.id, key.data);
    if (!details) {
      return NextResponse.json({ error: "not-found" }, { status: 404, headers: NO_STORE });
    }
    if ("kind" in details) return NextResponse.json(details, { status: 503, headers: NO_STORE });
    return NextResponse.json(details, { headers: NO_STORE });
  } catch (error) {
    if (error instanceof BungieSessionEndedError) {
      return NextResponse.json({ error: "signed-out" }, { status: 401, headers: NO_STORE });
    }
    throw error;
  }
}
