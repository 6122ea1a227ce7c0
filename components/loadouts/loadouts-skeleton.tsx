import { Skeleton } from "@/components/ui/skeleton";

/** The in-game slots while Bungie answers. */
export function LoadoutsSkeleton() {
  return <ListSkeleton label="Loading loadouts" rows={4} rowClassName="h-20" />;
}

/** Warmind's saved loadouts while the page reads them (and the inventory they refer to). */
export function SavedLoadoutsSkeleton() {
  return <ListSkeleton label="Loading saved loadouts" rows={3} rowClassName="h-28" />;
}

function ListSkeleton({
  label,
  rows,
  rowClassName,
}: {
  label: string;
  rows: number;
  rowClassName: string;
}) {
  return (
    <div className="grid gap-3" aria-busy="true" aria-label={label}>
      <Skeleton className="h-10 w-48" />
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} className={`${rowClassName} w-full`} />
      ))}
    </div>
  );
}
