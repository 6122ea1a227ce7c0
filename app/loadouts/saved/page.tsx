import type { Metadata } from "next";
import { SavedLoadouts } from "@/components/loadouts/saved-loadouts";
import { loadSavedPage } from "@/lib/loadouts/load-saved-page";

export const metadata: Metadata = { title: "Saved loadouts" };

export default async function SavedLoadoutsPage() {
  return <SavedLoadouts view={await loadSavedPage()} />;
}
