import { getCurrentUser } from "@/lib/auth/current-user";
import { loadVendorSales, VendorSalesQuery } from "@/lib/vendors/load-vendor-sales";
import { guardRoute } from "@/lib/security/database-outage";

export const dynamic = "force-dynamic";

/**
 * A vendor's sales, fetched by the vendors page when the player opens the vendor: the page's
 * first HTML carries only what its filters and counts need. Same session as the page; reads the
 * page's cache only (no Bungie call), so it needs no rate limit beyond the page's own.
 */
export const GET = guardRoute(async (request: Request) => {
  const user = await getCurrentUser();
  if (!user) return Response.json({ message: "Sign in again." }, { status: 401 });
  const params = new URL(request.url).searchParams;
  const query = VendorSalesQuery.safeParse({
    characterId: params.get("character"),
    vendorHash: params.get("vendor"),
  });
  if (!query.success) {
    return Response.json({ message: query.error.issues[0]?.message }, { status: 400 });
  }
  const result = await loadVendorSales(user.id, query.data);
  if (result.status === "gone") return Response.json({ message: result.message }, { status: 404 });
  // Private to the player; the sales change on a refresh, so the browser asks again each view.
  return Response.json(result.sales, { headers: { "cache-control": "private, no-store" } });
});
