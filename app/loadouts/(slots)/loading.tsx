import { Skeleton } from "@/components/ui/skeleton";

export default function LoadoutsLoading() {
  return (
    <div className="grid gap-3" aria-busy="true" aria-label="Loading loadouts">
      <Skeleton className="h-10 w-48" />
      {Array.from({ length: 4 }, (_, i) => (
        <Skeleton key={i} className="h-20 w-full" />
      ))}
    </div>
  );
}
