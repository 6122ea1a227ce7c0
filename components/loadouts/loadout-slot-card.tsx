import type { LoadoutSlotView } from "@/lib/loadouts/view-types";
import { SlotBadge } from "./slot-badge";

/** One in-game slot in the list: a button that opens it (the first of the two taps to equip). */
export function LoadoutSlotCard({ slot, onOpen }: { slot: LoadoutSlotView; onOpen: () => void }) {
  const shown = [...(slot.subclass ? [slot.subclass] : []), ...slot.items];
  return (
    <button
      type="button"
      onClick={onOpen}
      className="border-line bg-panel hover:border-muted grid w-full gap-2 rounded-lg border p-3 text-left"
      data-testid="loadout-slot"
      data-index={slot.index}
      aria-label={`Slot ${slot.index + 1}: ${slot.name}${slot.empty ? ", empty" : ""}`}
    >
      <span className="flex items-center gap-3">
        <SlotBadge slot={slot} />
        <span className="grid min-w-0">
          <span className="truncate font-semibold">{slot.name}</span>
          <span className="text-muted text-xs">
            Slot {slot.index + 1}
            {slot.empty
              ? " · Empty"
              : ` · ${shown.length} item${shown.length === 1 ? "" : "s"}${slot.subclass ? ` · ${slot.subclass.name}` : ""}`}
          </span>
        </span>
        {slot.missingCount > 0 ? (
          <span className="border-danger/60 text-danger ml-auto shrink-0 rounded border px-1.5 py-0.5 text-xs">
            {slot.missingCount} missing
          </span>
        ) : null}
      </span>
      {shown.length > 0 ? (
        <span className="flex gap-1 overflow-hidden" aria-hidden="true">
          {shown.map((item) =>
            item.icon ? (
              // eslint-disable-next-line @next/next/no-img-element
              <img
                key={item.itemInstanceId}
                src={item.icon}
                alt=""
                width={28}
                height={28}
                loading="lazy"
                className="border-line size-7 shrink-0 rounded border"
              />
            ) : (
              <span
                key={item.itemInstanceId}
                className="border-danger/60 bg-panel-2 size-7 shrink-0 rounded border border-dashed"
              />
            ),
          )}
        </span>
      ) : null}
    </button>
  );
}
