/** While the clan and its roster load (a few hundred ms, or nothing when cached). */
export function ClanPageSkeleton() {
  return (
    <div className="grid gap-8" aria-busy="true">
      <p className="sr-only" role="status">
        Loading your clan…
      </p>
      <div className="grid gap-3" aria-hidden="true">
        <div className="bg-panel-2 h-9 w-64 max-w-full animate-pulse rounded" />
        <div className="bg-panel-2 h-5 w-48 animate-pulse rounded" />
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {[0, 1, 2, 3].map((i) => (
            <div key={i} className="border-line bg-panel h-16 animate-pulse rounded-lg border" />
          ))}
        </div>
      </div>
      <div className="grid gap-2" aria-hidden="true">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="border-line bg-panel h-16 animate-pulse rounded-lg border" />
        ))}
      </div>
    </div>
  );
}
