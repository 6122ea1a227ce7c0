import type { Metadata } from "next";
import Link from "next/link";
import { LoadoutsScreen } from "@/components/loadouts/loadouts-screen";
import { LoadoutsSkeleton } from "@/components/loadouts/loadouts-skeleton";
import { UnavailablePanel } from "@/components/ui/unavailable-panel";
import { WhenReady } from "@/components/ui/when-ready";
import { loadLoadoutsPage } from "@/lib/loadouts/load-loadouts-page";

export const metadata: Metadata = { title: "Loadouts" };

export default function LoadoutsPage() {
  return (
    <WhenReady data={loadLoadoutsPage()} fallback={<LoadoutsSkeleton />}>
      {(view) =>
        view.kind === "unavailable" ? (
          <UnavailablePanel view={view} retryHref="/loadouts" />
        ) : (
          <>
            <LoadoutsScreen view={view} />
            <p className="mt-6">
              <Link href="/loadouts/saved" className="text-accent underline">
                Warmind&rsquo;s saved loadouts
              </Link>
            </p>
          </>
        )
      }
    </WhenReady>
  );
}
