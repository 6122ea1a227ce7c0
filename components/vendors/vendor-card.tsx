"use client";

import { useState } from "react";
import { countVendorSales } from "@/lib/vendors/filters";
import type { VendorView } from "@/lib/vendors/types";
import { RefreshTime } from "./refresh-time";
import { SaleTile } from "./sale-tile";
import { VendorDetails } from "./vendor-details-button";
import type { SaleDetails } from "@/lib/vendors/vendor-details";

/**
 * One vendor, closed until the player opens it: the page lists ~40 vendors and ~800 sales, and a
 * phone should only lay out the ones asked for. Its sub-vendors (engram previews, Eververse's
 * pages) open the same way inside it. Open by default while filters are on (`open`).
 */
export function VendorCard({
  vendor,
  loadedAt,
  characterId,
  open: openByDefault,
  nested = false,
}: {
  vendor: VendorView;
  loadedAt: string;
  /** Whose vendors these are (the details button asks Bungie for this character). */
  characterId: string;
  open: boolean;
  nested?: boolean;
}) {
  const [toggled, setToggled] = useState<boolean | null>(null);
  const open = toggled ?? openByDefault;
  const headingId = `vendor-${vendor.vendorHash}`;
  const total = countVendorSales(vendor);
  const Heading = nested ? "h4" : "h3";
  return (
    <section
      aria-labelledby={headingId}
      className={
        nested
          ? "border-line grid grid-cols-1 gap-2 rounded-md border p-2"
          : "border-line bg-panel grid grid-cols-1 gap-3 rounded-lg border p-3 sm:p-4"
      }
      data-testid={nested ? "sub-vendor" : "vendor-card"}
      data-vendor-hash={vendor.vendorHash}
    >
      <header className="flex items-center gap-3">
        {vendor.iconUrl && !nested ? (
          // eslint-disable-next-line @next/next/no-img-element
          <img
            src={vendor.iconUrl}
            alt=""
            width={40}
            height={40}
            loading="lazy"
            className="size-10 rounded"
          />
        ) : null}
        <div className="min-w-0 flex-1">
          <Heading
            id={headingId}
            className={nested ? "truncate font-semibold" : "truncate text-lg font-bold"}
          >
            <button
              type="button"
              aria-expanded={open}
              aria-controls={open ? `${headingId}-sales` : undefined}
              onClick={() => setToggled(!open)}
              className="w-full truncate text-left hover:underline"
            >
              {vendor.name}
            </button>
          </Heading>
          {!nested ? (
            <p className="text-muted flex flex-wrap gap-x-2 text-sm">
              {vendor.subtitle ? <span>{vendor.subtitle}</span> : null}
              <RefreshTime iso={vendor.nextRefreshDate} loadedAt={loadedAt} prefix="Refreshes" />
            </p>
          ) : null}
        </div>
        <span className="text-muted shrink-0 text-sm" data-testid="vendor-sale-count">
          {total} {total === 1 ? "item" : "items"}
        </span>
      </header>
      {open ? (
        <div id={`${headingId}-sales`} className="grid grid-cols-1 gap-2">
          {vendor.sales.length === 0 ? null : !nested &&
            vendor.sales.some((s) => s.kind === "weapon" || s.kind === "armor") ? (
            <VendorDetails characterId={characterId} vendorHash={vendor.vendorHash}>
              {(details) => <Sales vendor={vendor} loadedAt={loadedAt} details={details} />}
            </VendorDetails>
          ) : (
            <Sales vendor={vendor} loadedAt={loadedAt} details={null} />
          )}
          {(vendor.subVendors ?? []).map((sub) => (
            <VendorCard
              key={sub.vendorHash}
              vendor={sub}
              loadedAt={loadedAt}
              characterId={characterId}
              open={openByDefault}
              nested
            />
          ))}
        </div>
      ) : null}
    </section>
  );
}

function Sales({
  vendor,
  loadedAt,
  details,
}: {
  vendor: VendorView;
  loadedAt: string;
  details: SaleDetails | null;
}) {
  return (
    <ul className="grid grid-cols-1 gap-2 sm:grid-cols-2 xl:grid-cols-3">
      {vendor.sales.map((sale) => {
        const detail = details?.[String(sale.vendorItemIndex)];
        return (
          <SaleTile
            key={sale.vendorItemIndex}
            sale={detail ? { ...sale, gearTier: detail.gearTier } : sale}
            power={detail?.power ?? null}
            vendorRefresh={vendor.nextRefreshDate}
            loadedAt={loadedAt}
          />
        );
      })}
    </ul>
  );
}
