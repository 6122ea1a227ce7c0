import { formatQuantity } from "@/lib/vendors/format";
import type { ClientSale, Currency } from "@/lib/vendors/client-view";
import { RefreshTime } from "./refresh-time";
import { GearTierPip } from "@/components/ui/gear-tier";
import { rarityBorder, rarityText } from "@/components/ui/rarity-styles";

/**
 * One item on sale: icon in its rarity colour, name, rarity and type, its gear tier when Bungie
 * told it (GetVendor's item instances), what it costs.
 */
export function SaleTile({
  sale,
  currencies,
  rarityName,
  power = null,
  loadedAt,
}: {
  sale: ClientSale;
  /** Item hash → the currency's name and icon (sent once for the whole vendor). */
  currencies: Readonly<Record<string, Currency>>;
  rarityName: string;
  /** The sale's power, when the player asked Bungie for the vendor's item details. */
  power?: number | null;
  loadedAt: string;
}) {
  const ownRefresh = sale.leavesAt ?? null;
  const quantity = sale.quantity ?? 1;
  return (
    <li
      className="border-line bg-panel-2 flex min-w-0 gap-3 rounded-md border p-2.5"
      data-testid="vendor-sale"
      data-rarity={sale.rarity}
      data-kind={sale.kind}
      data-item-hash={sale.itemHash}
      data-owned={sale.owned === null ? "unknown" : String(sale.owned)}
    >
      <ItemIcon url={sale.iconUrl} rarity={sale.rarity} />
      <div className="grid min-w-0 flex-1 content-start gap-0.5">
        <p className="truncate font-semibold" title={sale.name}>
          {sale.name}
          {quantity > 1 ? (
            <span className="text-muted font-normal"> ×{formatQuantity(quantity)}</span>
          ) : null}
        </p>
        <p className="truncate text-xs">
          <span className={rarityText(sale.rarity)}>{rarityName}</span>
          {sale.typeName ? <span className="text-muted"> {sale.typeName}</span> : null}
          {sale.gearTier ? <GearTierPip tier={sale.gearTier} className="ml-1.5" /> : null}
          {power !== null ? (
            <span className="text-muted ml-1.5" data-testid="sale-power">
              {power}
            </span>
          ) : null}
        </p>
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
          {sale.costs.length === 0 ? <span className="text-muted">Free</span> : null}
          {sale.costs.map(([itemHash, amount]) => {
            const cost = currencies[itemHash] ?? { name: "", iconUrl: null };
            return (
              <span key={itemHash} className="inline-flex items-center gap-1" title={cost.name}>
                {cost.iconUrl ? (
                  // eslint-disable-next-line @next/next/no-img-element
                  <img
                    src={cost.iconUrl}
                    alt=""
                    width={16}
                    height={16}
                    className="size-4 rounded-sm"
                  />
                ) : null}
                <span>{formatQuantity(amount)}</span>
                <span className="sr-only">{cost.name}</span>
              </span>
            );
          })}
        </p>
        {sale.owned === false || ownRefresh ? (
          <p className="text-muted flex flex-wrap gap-x-2 text-xs">
            {sale.owned === false ? (
              <span className="text-accent font-medium">Not yet owned</span>
            ) : null}
            {ownRefresh ? (
              <RefreshTime iso={ownRefresh} loadedAt={loadedAt} prefix="Leaves" />
            ) : null}
          </p>
        ) : null}
      </div>
    </li>
  );
}

function ItemIcon({ url, rarity }: { url: string | null; rarity: number }) {
  const frame = `size-12 shrink-0 rounded border-2 bg-ink ${rarityBorder(rarity)}`;
  return url ? (
    // eslint-disable-next-line @next/next/no-img-element
    <img src={url} alt="" width={48} height={48} className={frame} />
  ) : (
    <span className={frame} />
  );
}
