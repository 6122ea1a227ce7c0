import type { Metadata } from "next";
import Link from "next/link";
import { LoadoutsScreen } from "@/components/loadouts/loadouts-screen";
import { UnavailablePanel } from "@/components/ui/unavailable-panel";
import { loadLoadoutsPage } from "@/lib/loadouts/load-loadouts-page";

export const metadata: Metadata = { title: "Loadouts" };

export default async function LoadoutsPage() {
  const view = await loadLoadoutsPage();
  if (view.kind === "unavailable") return <UnavailablePanel view={view} retryHref="/loadouts" />;
  return (
    <>
      <LoadoutsScreen view={view} />
      <p className="mt-6">
        <Link href="/loadouts/saved" className="text-accent underline">
          Warmind&rsquo;s saved loadouts
        </Link>
      </p>
    </>
  );
}
