import { Skeleton } from "@/components/ui/skeleton";

// The in-game slots' skeleton lives in the (slots) group so that the shared page has no loading
// boundary (it must answer 404 before streaming); the saved list keeps its own.
export default function SavedLoadoutsLoading() {
  return (
    <div className="grid gap-3" aria-busy="true" aria-label="Loading saved loadouts">
      <Skeleton className="h-10 w-48" />
      {Array.from({ length: 3 }, (_, i) => (
        <Skeleton key={i} className="h-28 w-full" />
      ))}
    </div>
  );
}
