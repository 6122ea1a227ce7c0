import { InventorySkeleton } from "@/components/inventory/inventory-skeleton";

export default function InventoryLoading() {
  return <InventorySkeleton />;
}
