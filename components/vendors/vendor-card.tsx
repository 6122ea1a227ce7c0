"use client";

import { useState } from "react";
import useSWR from "swr";
import { saleMatches, type SaleFilter } from "@/lib/vendors/filters";
import {
  countMatching,
  facetSale,
  type ClientVendor,
  type ClientVendorSales,
  type SalesNode,
} from "@/lib/vendors/client-view";
import { RefreshTime } from "./refresh-time";
import { SaleTile } from "./sale-tile";
import { VendorDetails } from "./vendor-details-button";
import type { SaleDetails } from "@/lib/vendors/vendor-details";

type Tables = Pick<ClientVendorSales, "currencies" | "rarityNames">;

async function fetchSales(url: string): Promise<ClientVendorSales> {
  const response = await fetch(url);
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message = (body as { message?: unknown } | null)?.message;
    throw new Error(typeof message === "string" ? message : "The sales could not be loaded.");
  }
  return body as ClientVendorSales;
}

/**
 * One vendor, closed until the player opens it: the page lists ~40 vendors and ~2,900 sales, and
 * a phone should only download and lay out the ones asked for. Opening a vendor fetches its sales
 * (and its sub-vendors') from the page's cache; its sub-vendors (engram previews, Eververse's
 * pages) open the same way inside it. Open by default while filters are on (`open`).
 */
export function VendorCard({
  vendor,
  loadedAt,
  characterId,
  filters,
  open: openByDefault,
  nested = null,
}: {
  vendor: ClientVendor;
  loadedAt: string;
  /** Whose vendors these are (the sales and the details button are this character's). */
  characterId: string;
  filters: readonly SaleFilter[];
  open: boolean;
  /** A sub-vendor: its sales, as its top-level vendor fetched them (undefined while loading). */
  nested?: {
    node: SalesNode | undefined;
    tables: Tables | undefined;
    error: Error | undefined;
  } | null;
}) {
  const [toggled, setToggled] = useState<boolean | null>(null);
  const open = toggled ?? openByDefault;
  const { data, error } = useSWR(
    open && !nested ? `/vendors/sales?character=${characterId}&vendor=${vendor.vendorHash}` : null,
    fetchSales,
    { revalidateOnFocus: false },
  );
  const node = nested ? nested.node : data;
  const tables = nested ? nested.tables : data;
  const failure = nested ? nested.error : error;
  const headingId = `vendor-${vendor.vendorHash}`;
  const total = countMatching(vendor, filters);
  const Heading = nested ? "h4" : "h3";
  const ownMatching = [...vendor.facets].filter((f) => saleMatches(facetSale(f), filters)).length;
  const hasGear = [...vendor.facets].some((f) => {
    const kind = facetSale(f).kind;
    return kind === "weapon" || kind === "armor";
  });
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
        <div
          id={`${headingId}-sales`}
          className="grid grid-cols-1 gap-2"
          aria-busy={!node && !failure}
        >
          {failure ? (
            <p role="alert" className="text-danger text-sm">
              {failure.message}
            </p>
          ) : !node || !tables ? (
            ownMatching > 0 ? (
              <p className="text-muted text-sm">Loading sales…</p>
            ) : null
          ) : ownMatching === 0 ? null : !nested && hasGear ? (
            <VendorDetails characterId={characterId} vendorHash={vendor.vendorHash}>
              {(details) => (
                <Sales
                  node={node}
                  tables={tables}
                  filters={filters}
                  loadedAt={loadedAt}
                  details={details}
                />
              )}
            </VendorDetails>
          ) : (
            <Sales
              node={node}
              tables={tables}
              filters={filters}
              loadedAt={loadedAt}
              details={null}
            />
          )}
          {vendor.subVendors
            .filter((sub) => countMatching(sub, filters) > 0)
            .map((sub) => (
              <VendorCard
                key={sub.vendorHash}
                vendor={sub}
                loadedAt={loadedAt}
                characterId={characterId}
                filters={filters}
                open={openByDefault}
                nested={{
                  node: node?.subVendors.find((s) => s.vendorHash === sub.vendorHash),
                  tables,
                  error: failure,
                }}
              />
            ))}
        </div>
      ) : null}
    </section>
  );
}

function Sales({
  node,
  tables,
  filters,
  loadedAt,
  details,
}: {
  node: SalesNode;
  tables: Tables;
  filters: readonly SaleFilter[];
  loadedAt: string;
  details: SaleDetails | null;
}) {
  return (
    <ul className="grid grid-cols-1 gap-2 sm:grid-cols-2 xl:grid-cols-3">
      {node.sales
        .filter((sale) => saleMatches(sale, filters))
        .map((sale) => {
          const detail = details?.[String(sale.vendorItemIndex)];
          return (
            <SaleTile
              key={sale.vendorItemIndex}
              sale={detail ? { ...sale, gearTier: detail.gearTier } : sale}
              currencies={tables.currencies}
              rarityName={tables.rarityNames[sale.rarity] ?? ""}
              power={detail?.power ?? null}
              loadedAt={loadedAt}
            />
          );
        })}
    </ul>
  );
}
