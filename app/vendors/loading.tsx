import { VendorsSkeleton } from "@/components/vendors/vendors-skeleton";

export default function Loading() {
  return <VendorsSkeleton />;
}
