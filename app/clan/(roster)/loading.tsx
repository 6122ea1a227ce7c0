// The roster has its own loading state; a member page has none, so an invalid address gets a
// real 404 (a Suspense boundary above it would already have sent 200).
import { ClanPageSkeleton } from "@/components/clan/clan-page-skeleton";

export default function Loading() {
  return <ClanPageSkeleton />;
}
