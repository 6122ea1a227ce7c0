import type { Metadata } from "next";
import { InventoryScreen } from "@/components/inventory/inventory-screen";
import { UnavailablePanel } from "@/components/ui/unavailable-panel";
import { loadInventoryPage } from "@/lib/guardian/load-inventory-page";

export const metadata: Metadata = { title: "Inventory" };

export default async function InventoryPage() {
  const view = await loadInventoryPage();
  if ("kind" in view) return <UnavailablePanel view={view} retryHref="/inventory" />;
  return <InventoryScreen initialView={view.view} vaultCount={view.vaultCount} />;
}
