/** While Bungie answers: the shape of the page, so nothing jumps when the vendors arrive. */
export function VendorsSkeleton() {
  return (
    <div className="grid gap-5" aria-busy="true" aria-label="Loading vendors">
      <div className="bg-panel-2 h-8 w-40 animate-pulse rounded" />
      {/* Clipped, not wider than a phone: an overflowing row widens the page for a frame. */}
      <div className="flex gap-2 overflow-hidden">
        {Array.from({ length: 5 }, (_, i) => (
          <div key={i} className="bg-panel-2 h-9 w-24 animate-pulse rounded-full" />
        ))}
      </div>
      {Array.from({ length: 3 }, (_, i) => (
        <div key={i} className="border-line bg-panel grid gap-3 rounded-lg border p-4">
          <div className="bg-panel-2 h-10 w-56 animate-pulse rounded" />
          <div className="grid gap-2 sm:grid-cols-2 xl:grid-cols-3">
            {Array.from({ length: 6 }, (_, j) => (
              <div key={j} className="bg-panel-2 h-20 animate-pulse rounded-md" />
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}
