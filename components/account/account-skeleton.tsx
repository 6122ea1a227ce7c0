import { Skeleton } from "@/components/ui/skeleton";

/** What the account page looks like while Bungie answers: the same blocks, empty. */
export function AccountSkeleton() {
  return (
    <div className="grid gap-8" role="status" aria-label="Loading your account">
      <span className="sr-only">Loading your account…</span>
      <div className="flex items-center gap-4">
        <Skeleton className="size-16 rounded-full" />
        <div className="grid flex-1 gap-2">
          <Skeleton className="h-7 w-56" />
          <Skeleton className="h-5 w-72" />
        </div>
      </div>
      <div className="grid gap-3 md:grid-cols-3">
        {Array.from({ length: 3 }, (_, n) => (
          <Skeleton key={n} className="h-52" />
        ))}
      </div>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-4">
        {Array.from({ length: 4 }, (_, n) => (
          <Skeleton key={n} className="h-16" />
        ))}
      </div>
    </div>
  );
}
