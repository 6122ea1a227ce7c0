import type { LoadoutSlotView } from "@/lib/loadouts/view-types";

/** The slot's game icon on its colour swatch, as the game's loadout screen draws it. */
export function SlotBadge({ slot, size = "md" }: { slot: LoadoutSlotView; size?: "md" | "lg" }) {
  const box = size === "lg" ? "size-14" : "size-11";
  return (
    <span className={`bg-panel-2 relative ${box} shrink-0 overflow-hidden rounded-md`}>
      {slot.colorUrl ? (
        // eslint-disable-next-line @next/next/no-img-element
        <img
          src={slot.colorUrl}
          alt=""
          width={56}
          height={56}
          loading="lazy"
          className="absolute inset-0 size-full object-cover"
        />
      ) : null}
      {slot.iconUrl ? (
        // eslint-disable-next-line @next/next/no-img-element
        <img
          src={slot.iconUrl}
          alt=""
          width={56}
          height={56}
          loading="lazy"
          className="absolute inset-[12%] size-[76%]"
        />
      ) : null}
    </span>
  );
}
