"use client";

import { useMemo, useState } from "react";
import {
  countSales,
  filterVendorsView,
  SALE_FILTER_LABELS,
  SALE_FILTERS,
  type SaleFilter,
} from "@/lib/vendors/filters";
import type { VendorsView } from "@/lib/vendors/types";
import { VendorCard } from "./vendor-card";

/** Every vendor of the character, grouped as in the game, with the sale filters. */
export function VendorsBrowser({ view, loadedAt }: { view: VendorsView; loadedAt: string }) {
  const [filters, setFilters] = useState<SaleFilter[]>([]);
  const shown = useMemo(() => filterVendorsView(view, { filters }), [view, filters]);
  const total = countSales(view);
  const matching = countSales(shown);
  const vendorCount = shown.groups.reduce((n, g) => n + g.vendors.length, 0);

  const toggle = (filter: SaleFilter) =>
    setFilters((current) =>
      current.includes(filter) ? current.filter((f) => f !== filter) : [...current, filter],
    );

  return (
    <div className="grid grid-cols-1 gap-6">
      <div className="grid gap-2">
        <div role="group" aria-label="Filter sales" className="flex flex-wrap gap-2">
          {SALE_FILTERS.map((filter) => {
            const unavailable = filter === "unowned" && !view.collectionsKnown;
            return (
              <button
                key={filter}
                type="button"
                aria-pressed={filters.includes(filter)}
                disabled={unavailable}
                aria-describedby={unavailable ? "unowned-help" : undefined}
                onClick={() => toggle(filter)}
                className="border-line bg-panel hover:bg-panel-2 aria-pressed:border-accent aria-pressed:bg-accent aria-pressed:text-accent-ink rounded-full border px-3.5 py-2 text-sm font-medium disabled:cursor-not-allowed disabled:opacity-60"
              >
                {SALE_FILTER_LABELS[filter]}
              </button>
            );
          })}
          {filters.length > 0 ? (
            <button
              type="button"
              onClick={() => setFilters([])}
              className="text-muted hover:text-text rounded-full px-3 py-2 text-sm underline"
            >
              Clear filters
            </button>
          ) : null}
        </div>
        {!view.collectionsKnown ? (
          <p id="unowned-help" className="text-muted text-xs">
            &ldquo;Not yet owned&rdquo; needs your Collections, which Bungie.net did not share for
            these items.
          </p>
        ) : null}
        <p aria-live="polite" className="text-muted text-sm" data-testid="vendor-count">
          {filters.length === 0
            ? `${total} ${total === 1 ? "item" : "items"} at ${vendorCount} ${vendorCount === 1 ? "vendor" : "vendors"}`
            : `${matching} of ${total} items match, at ${vendorCount} ${vendorCount === 1 ? "vendor" : "vendors"}`}
        </p>
      </div>

      {view.failedVendors.length > 0 ? (
        <p role="status" className="border-danger/50 bg-panel rounded-md border p-3 text-sm">
          Bungie.net did not answer for {view.failedVendors.map((v) => v.name).join(", ")}. The
          other vendors are shown; reload to try again.
        </p>
      ) : null}

      {shown.groups.length === 0 ? (
        <p className="border-line bg-panel text-muted rounded-lg border p-6 text-center">
          {total === 0
            ? "No vendor has anything on sale right now."
            : "Nothing on sale matches these filters."}
        </p>
      ) : (
        shown.groups.map((group) => (
          <section
            key={group.groupHash}
            aria-labelledby={`group-${group.groupHash}`}
            className="grid grid-cols-1 gap-3"
          >
            <h2
              id={`group-${group.groupHash}`}
              className="text-accent text-sm font-semibold tracking-widest uppercase"
            >
              {group.name}
            </h2>
            {group.vendors.map((vendor) => (
              <VendorCard key={vendor.vendorHash} vendor={vendor} loadedAt={loadedAt} />
            ))}
          </section>
        ))
      )}
    </div>
  );
}
