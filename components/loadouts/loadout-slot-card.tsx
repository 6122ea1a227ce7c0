import type { LoadoutSlotView, LoadoutsView } from "@/lib/loadouts/view-types";

/** One in-game loadout slot: its name, icon and colour, what it holds. */
export function LoadoutSlotCard({
  slot,
  plugs,
}: {
  slot: LoadoutSlotView;
  plugs: LoadoutsView["plugs"];
}) {
  return (
    <article
      className="border-line bg-panel grid gap-2 rounded-lg border p-3"
      data-testid="loadout-slot"
      data-index={slot.index}
    >
      <header className="flex items-center gap-3">
        <span className="relative size-10 shrink-0 overflow-hidden rounded-md">
          {slot.colorUrl ? (
            // eslint-disable-next-line @next/next/no-img-element
            <img src={slot.colorUrl} alt="" className="absolute inset-0 size-full" />
          ) : null}
          {slot.iconUrl ? (
            // eslint-disable-next-line @next/next/no-img-element
            <img src={slot.iconUrl} alt="" className="absolute inset-1 size-8" />
          ) : null}
        </span>
        <h2 className="font-semibold">{slot.name}</h2>
        <span className="text-muted ml-auto text-xs">Slot {slot.index + 1}</span>
      </header>
      {slot.empty ? (
        <p className="text-muted text-sm">Empty</p>
      ) : (
        <p className="text-muted text-sm">
          {slot.items.length + (slot.subclass ? 1 : 0)} items
          {slot.subclass ? ` · ${slot.subclass.name}` : ""}
          {slot.missingCount > 0 ? ` · ${slot.missingCount} missing` : ""}
          {slot.subclass && slot.subclass.plugs.length > 0
            ? ` · ${slot.subclass.plugs.length} ${plugs[slot.subclass.plugs[0] ?? 0] ? "abilities" : "plugs"}`
            : ""}
        </p>
      )}
    </article>
  );
}
