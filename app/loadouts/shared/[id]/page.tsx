import type { Metadata } from "next";
import { SharedLoadout } from "@/components/loadouts/shared-loadout";
import { loadSharedPage } from "@/lib/loadouts/load-saved-page";

export const metadata: Metadata = { title: "Shared loadout", robots: { index: false } };

// No loading.tsx above this route (the pages' skeletons live in the pages, components/ui/
// when-ready.tsx): the share is resolved before anything streams, so a revoked or unknown id
// answers HTTP 404.
export default async function SharedLoadoutPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <SharedLoadout view={await loadSharedPage(id)} />;
}
