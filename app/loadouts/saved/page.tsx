import type { Metadata } from "next";
import { SavedLoadouts } from "@/components/loadouts/saved-loadouts";
import { SavedLoadoutsSkeleton } from "@/components/loadouts/loadouts-skeleton";
import { WhenReady } from "@/components/ui/when-ready";
import { loadSavedPage } from "@/lib/loadouts/load-saved-page";

export const metadata: Metadata = { title: "Saved loadouts" };

export default function SavedLoadoutsPage() {
  return (
    <WhenReady data={loadSavedPage()} fallback={<SavedLoadoutsSkeleton />}>
      {(view) => <SavedLoadouts view={view} />}
    </WhenReady>
  );
}
