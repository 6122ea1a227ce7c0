import { Skeleton } from "@/components/ui/skeleton";

/** What the inventory looks like while Bungie answers: the same blocks, empty. */
export function InventorySkeleton() {
  return (
    <div className="grid gap-5" role="status" aria-label="Loading your inventory">
      <span className="sr-only">Loading your inventory…</span>
      <div className="grid grid-cols-3 gap-2 md:grid-cols-4 md:gap-3">
        {Array.from({ length: 4 }, (_, n) => (
          <Skeleton key={n} className={`h-14 md:h-16 ${n === 3 ? "hidden md:block" : ""}`} />
        ))}
      </div>
      <Skeleton className="h-11" />
      <div className="grid gap-4 lg:grid-cols-3">
        {Array.from({ length: 3 }, (_, column) => (
          <div key={column} className="border-line bg-panel grid gap-3 rounded-lg border p-3">
            {Array.from({ length: 4 }, (_, row) => (
              <div key={row} className="flex gap-2">
                <Skeleton className="size-16" />
                <div className="flex flex-wrap gap-1.5">
                  {Array.from({ length: 5 }, (_, n) => (
                    <Skeleton key={n} className="size-12 sm:size-14" />
                  ))}
                </div>
              </div>
            ))}
          </div>
        ))}
      </div>
      <Skeleton className="h-48" />
    </div>
  );
}
