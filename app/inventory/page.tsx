import type { Metadata } from "next";
import { InventoryScreen } from "@/components/inventory/inventory-screen";
import { InventorySkeleton } from "@/components/inventory/inventory-skeleton";
import { UnavailablePanel } from "@/components/ui/unavailable-panel";
import { WhenReady } from "@/components/ui/when-ready";
import { loadInventoryPage } from "@/lib/guardian/load-inventory-page";

export const metadata: Metadata = { title: "Inventory" };

export default function InventoryPage() {
  return (
    <WhenReady data={loadInventoryPage()} fallback={<InventorySkeleton />}>
      {(view) =>
        "kind" in view ? (
          <UnavailablePanel view={view} retryHref="/inventory" />
        ) : (
          <InventoryScreen initialView={view.view} vaultCount={view.vaultCount} />
        )
      }
    </WhenReady>
  );
}
