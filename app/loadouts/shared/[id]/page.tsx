import type { Metadata } from "next";
import { SharedLoadout } from "@/components/loadouts/shared-loadout";
import { loadSharedPage } from "@/lib/loadouts/load-saved-page";

export const metadata: Metadata = { title: "Shared loadout", robots: { index: false } };

export default async function SharedLoadoutPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <SharedLoadout view={await loadSharedPage(id)} />;
}
