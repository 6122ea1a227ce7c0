import { Skeleton } from "@/components/ui/skeleton";

/** The in-game slots while Bungie answers. */
export function LoadoutsSkeleton() {
  return (
    <div className="grid gap-3" aria-busy="true" aria-label="Loading loadouts">
      <Skeleton className="h-10 w-48" />
      {Array.from({ length: 4 }, (_, i) => (
        <Skeleton key={i} className="h-20 w-full" />
      ))}
    </div>
  );
}

/** Warmind's saved loadouts while the page reads them (and the inventory they refer to). */
export function SavedLoadoutsSkeleton() {
  return (
    <div className="grid gap-3" aria-busy="true" aria-label="Loading saved loadouts">
      <Skeleton className="h-10 w-48" />
      {Array.from({ length: 3 }, (_, i) => (
        <Skeleton key={i} className="h-28 w-full" />
      ))}
    </div>
  );
}
