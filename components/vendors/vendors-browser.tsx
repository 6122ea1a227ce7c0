"use client";

import { useMemo, useState } from "react";
import { SALE_FILTER_LABELS, SALE_FILTERS, type SaleFilter } from "@/lib/vendors/filters";
import { countMatching, type ClientVendorsView } from "@/lib/vendors/client-view";
import { VendorCard } from "./vendor-card";

const countAll = (view: ClientVendorsView, filters: readonly SaleFilter[]) =>
  view.groups.reduce((n, g) => n + g.vendors.reduce((m, v) => m + countMatching(v, filters), 0), 0);

/** The groups and vendors with at least one sale that matches (the sales load when opened). */
function shownGroups(view: ClientVendorsView, filters: readonly SaleFilter[]) {
  return view.groups
    .map((group) => ({
      ...group,
      vendors: group.vendors.filter((v) => countMatching(v, filters) > 0),
    }))
    .filter((group) => group.vendors.length > 0);
}

/** The game's vendors screen for the character, grouped as in the game, with the sale filters. */
export function VendorsBrowser({
  view,
  loadedAt,
  characterId,
}: {
  view: ClientVendorsView;
  loadedAt: string;
  characterId: string;
}) {
  const [filters, setFilters] = useState<SaleFilter[]>([]);
  const shown = useMemo(() => shownGroups(view, filters), [view, filters]);
  const total = useMemo(() => countAll(view, []), [view]);
  const matching = useMemo(() => countAll(view, filters), [view, filters]);
  const vendorCount = shown.reduce((n, g) => n + g.vendors.length, 0);

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

      <MissingVendors view={view} />

      {shown.length === 0 ? (
        <p className="border-line bg-panel text-muted rounded-lg border p-6 text-center">
          {total === 0
            ? "No vendor has anything on sale right now."
            : "Nothing on sale matches these filters."}
        </p>
      ) : (
        shown.map((group) => (
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
              <VendorCard
                key={vendor.vendorHash}
                vendor={vendor}
                loadedAt={loadedAt}
                characterId={characterId}
                filters={filters}
                open={filters.length > 0}
              />
            ))}
          </section>
        ))
      )}
    </div>
  );
}

/**
 * Vendors Bungie.net sent nothing for, named once in one line, and those the manifest does not
 * name yet, only counted: the rest of the page stays the vendors that did answer.
 */
function MissingVendors({ view }: { view: ClientVendorsView }) {
  const failed = view.failedVendors;
  const unnamed = view.unnamedVendorCount ?? 0;
  if (failed.length === 0 && unnamed === 0) return null;
  const names = failed.slice(0, 3).map((v) => v.name);
  const more = failed.length - names.length;
  return (
    <p
      role="status"
      className="border-danger/50 bg-panel rounded-md border p-3 text-sm"
      data-testid="missing-vendors"
    >
      {failed.length > 0
        ? `Bungie.net sent no sales for ${names.join(", ")}${more > 0 ? ` and ${more} more` : ""}; the other vendors are shown. Refresh to try again.`
        : null}
      {failed.length > 0 && unnamed > 0 ? " " : null}
      {unnamed > 0
        ? `${unnamed} ${unnamed === 1 ? "vendor is" : "vendors are"} newer than Warmind's copy of Destiny's item names and left out until it updates.`
        : null}
    </p>
  );
}
