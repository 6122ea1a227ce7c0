import type { Metadata } from "next";
import { InventoryScreen } from "@/components/inventory/inventory-screen";
import { UnavailablePanel } from "@/components/ui/unavailable-panel";
import { loadInventoryPage } from "@/lib/guardian/load-inventory-page";

export const metadata: Metadata = { title: "Inventory" };

export default async function InventoryPage() {
  const view = await loadInventoryPage();
  if (view.kind === "unavailable") return <UnavailablePanel view={view} retryHref="/inventory" />;
  return <InventoryScreen initialView={view} />;
}
