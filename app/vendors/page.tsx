import type { Metadata } from "next";
import { VendorsScreen } from "@/components/vendors/vendors-screen";
import { VendorsSkeleton } from "@/components/vendors/vendors-skeleton";
import { WhenReady } from "@/components/ui/when-ready";
import { loadVendorsPage } from "@/lib/vendors/load-vendors-page";

export const metadata: Metadata = { title: "Vendors" };

export default async function VendorsPage({
  searchParams,
}: {
  searchParams: Promise<{ character?: string | string[] }>;
}) {
  const { character } = await searchParams;
  // Only a character id is passed on; the loader checks that it is one of the player's.
  const requested =
    typeof character === "string" && /^\d{1,20}$/.test(character) ? character : undefined;
  return (
    <WhenReady data={loadVendorsPage(requested)} fallback={<VendorsSkeleton />}>
      {(data) => <VendorsScreen data={data} />}
    </WhenReady>
  );
}
