import type { AccountView } from "@/lib/guardian/account-view";

/** Glimmer and Bright Dust first, then the materials vendors price in (lib/guardian). */
export function CurrencyList({ currencies }: { currencies: AccountView["currencies"] }) {
  if (currencies.length === 0) {
    return <p className="text-muted">Bungie didn&apos;t share your currencies.</p>;
  }
  return (
    <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-4" data-testid="currencies">
      {currencies.map((c) => (
        <li
          key={c.itemHash}
          className="border-line bg-panel flex items-center gap-3 rounded-lg border p-3"
        >
          {c.icon ? (
            // eslint-disable-next-line @next/next/no-img-element
            <img src={c.icon} alt="" className="size-8 shrink-0 rounded" />
          ) : (
            <span className="bg-panel-2 size-8 shrink-0 rounded" />
          )}
          <span className="grid min-w-0 leading-tight">
            <span className="text-muted text-sm">{c.name}</span>
            <span className="font-semibold tabular-nums">{c.quantity.toLocaleString("en")}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
