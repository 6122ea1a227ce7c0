import type { VendorView } from "@/lib/vendors/types";
import { RefreshTime } from "./refresh-time";
import { SaleTile } from "./sale-tile";

export function VendorCard({ vendor, loadedAt }: { vendor: VendorView; loadedAt: string }) {
  const headingId = `vendor-${vendor.vendorHash}`;
  return (
    <section
      aria-labelledby={headingId}
      className="border-line bg-panel grid grid-cols-1 gap-3 rounded-lg border p-3 sm:p-4"
      data-testid="vendor-card"
    >
      <header className="flex items-center gap-3">
        {vendor.iconUrl ? (
          // eslint-disable-next-line @next/next/no-img-element
          <img src={vendor.iconUrl} alt="" width={40} height={40} className="size-10 rounded" />
        ) : null}
        <div className="min-w-0 flex-1">
          <h3 id={headingId} className="truncate text-lg font-bold">
            {vendor.name}
          </h3>
          <p className="text-muted flex flex-wrap gap-x-2 text-sm">
            {vendor.subtitle ? <span>{vendor.subtitle}</span> : null}
            <RefreshTime iso={vendor.nextRefreshDate} loadedAt={loadedAt} prefix="Refreshes" />
          </p>
        </div>
        <span className="text-muted shrink-0 text-sm">
          {vendor.sales.length} {vendor.sales.length === 1 ? "item" : "items"}
        </span>
      </header>
      <ul className="grid grid-cols-1 gap-2 sm:grid-cols-2 xl:grid-cols-3">
        {vendor.sales.map((sale) => (
          <SaleTile
            key={sale.vendorItemIndex}
            sale={sale}
            vendorRefresh={vendor.nextRefreshDate}
            loadedAt={loadedAt}
          />
        ))}
      </ul>
    </section>
  );
}
