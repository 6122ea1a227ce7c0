import { NextResponse, type NextRequest } from "next/server";
import { BungieSessionEndedError } from "@/lib/auth/access-token";
import { getCurrentUser } from "@/lib/auth/current-user";
import { loadInventoryView } from "@/lib/guardian/load-inventory-view";
import { pageViewOf } from "@/lib/guardian/page-view";
import { guardRoute } from "@/lib/security/database-outage";

// The inventory page's data as JSON, for SWR's refreshes (the refresh button, window focus, and
// after a move), as the page has it: no per-item details. `?fresh=1` skips the short server
// cache. Never cached by browsers or proxies.
export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "private, no-store" };

export const GET = guardRoute(inventoryView);

async function inventoryView(request: NextRequest) {
  const user = await getCurrentUser();
  if (!user) {
    return NextResponse.json({ error: "signed-out" }, { status: 401, headers: NO_STORE });
  }
  try {
    const view = await loadInventoryView(user.id, {
      fresh: request.nextUrl.searchParams.get("fresh") === "1",
    });
    if (!view) {
      return NextResponse.json({ error: "no-destiny-account" }, { status: 404, headers: NO_STORE });
    }
    return NextResponse.json(view.kind === "inventory" ? pageViewOf(view) : view, {
      headers: NO_STORE,
    });
  } catch (error) {
    if (error instanceof BungieSessionEndedError) {
      return NextResponse.json({ error: "signed-out" }, { status: 401, headers: NO_STORE });
    }
    throw error;
  }
}
