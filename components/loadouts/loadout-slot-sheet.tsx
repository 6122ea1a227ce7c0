"use client";

import { useState } from "react";
import { primaryButton, quietButton, secondaryButton } from "@/components/ui/button-styles";
import { rarityBorder } from "@/components/ui/rarity-styles";
import { Sheet } from "@/components/ui/sheet";
import type { LoadoutActionResult } from "@/lib/loadouts/action-result";
import type { LoadoutItemView, LoadoutSlotView, LoadoutsView } from "@/lib/loadouts/view-types";
import { ActionStatus } from "./action-status";
import { describeLoadoutPlace } from "./describe-place";
import { IdentifiersForm } from "./identifiers-form";
import { SlotBadge } from "./slot-badge";

type Props = {
  slot: LoadoutSlotView | null;
  characterId: string;
  characterName: string;
  view: LoadoutsView;
  dispatch: (form: FormData) => void;
  result: LoadoutActionResult;
  pending: boolean;
  onClose: () => void;
};

/** One slot opened: what it holds and where each item is now, and what can be done with it. */
export function LoadoutSlotSheet(props: Props) {
  return (
    <Sheet open={props.slot !== null} onClose={props.onClose} labelledBy="loadout-sheet-title">
      {props.slot ? <SlotDetails {...props} slot={props.slot} /> : null}
    </Sheet>
  );
}

function Hidden({ fields }: { fields: Record<string, string> }) {
  return Object.entries(fields).map(([name, value]) => (
    <input key={name} type="hidden" name={name} value={value} />
  ));
}

function SlotDetails({
  slot,
  characterId,
  characterName,
  view,
  dispatch,
  result,
  pending,
  onClose,
}: Props & { slot: LoadoutSlotView }) {
  const [confirmClear, setConfirmClear] = useState(false);
  const target = { characterId, loadoutIndex: String(slot.index) };
  return (
    <div className="grid gap-4 p-4 pb-[max(1rem,env(safe-area-inset-bottom))]">
      <header className="flex items-center gap-3">
        <SlotBadge slot={slot} size="lg" />
        <div className="grid min-w-0">
          <h2 id="loadout-sheet-title" className="truncate text-lg font-bold">
            {slot.name}
          </h2>
          <p className="text-muted text-sm">
            Slot {slot.index + 1} · {characterName}
          </p>
        </div>
        <button type="button" onClick={onClose} className={`${quietButton} ml-auto`}>
          Close
        </button>
      </header>

      <ActionStatus result={result} pending={pending} />

      <div className="grid grid-cols-2 gap-2">
        <form action={dispatch}>
          <Hidden fields={{ ...target, intent: "equip" }} />
          <button
            type="submit"
            className={`${primaryButton} w-full`}
            disabled={pending || slot.empty}
            aria-describedby={slot.empty ? "empty-slot-note" : undefined}
          >
            Equip
          </button>
        </form>
        <form action={dispatch}>
          <Hidden fields={{ ...target, intent: "snapshot" }} />
          <button type="submit" className={`${secondaryButton} w-full`} disabled={pending}>
            Save worn gear
          </button>
        </form>
      </div>

      {slot.empty ? (
        <p id="empty-slot-note" className="text-muted text-sm">
          This slot is empty. &ldquo;Save current gear&rdquo; stores what your {characterName} wears
          now.
        </p>
      ) : (
        <>
          {slot.subclass ? (
            <section aria-labelledby="loadout-subclass" className="grid gap-2">
              <h3 id="loadout-subclass" className="text-muted text-sm font-semibold uppercase">
                Subclass
              </h3>
              <ItemRow item={slot.subclass} characterId={characterId} />
              {slot.subclass.plugs.length > 0 ? (
                <ul className="grid grid-cols-1 gap-1 sm:grid-cols-2" aria-label="Configuration">
                  {slot.subclass.plugs.map((hash, n) => {
                    const plug = view.plugs[hash];
                    return (
                      <li key={`${hash}-${n}`} className="flex items-center gap-2 text-sm">
                        {plug?.icon ? (
                          // eslint-disable-next-line @next/next/no-img-element
                          <img
                            src={plug.icon}
                            alt=""
                            width={24}
                            height={24}
                            loading="lazy"
                            className="size-6 shrink-0 rounded"
                          />
                        ) : null}
                        <span className="min-w-0 truncate">
                          {plug?.name || "Unknown plug"}
                          {plug?.typeName ? (
                            <span className="text-muted"> · {plug.typeName}</span>
                          ) : null}
                        </span>
                      </li>
                    );
                  })}
                </ul>
              ) : null}
            </section>
          ) : null}
          <section aria-labelledby="loadout-gear" className="grid gap-2">
            <h3 id="loadout-gear" className="text-muted text-sm font-semibold uppercase">
              Weapons and armour
            </h3>
            <ul className="grid gap-1">
              {slot.items.map((item) => (
                <li key={item.itemInstanceId}>
                  <ItemRow item={item} characterId={characterId} />
                </li>
              ))}
            </ul>
          </section>
        </>
      )}

      <details className="border-line rounded-md border p-3">
        <summary className="cursor-pointer font-medium">Change name, icon or colour</summary>
        <IdentifiersForm
          slot={slot}
          options={view.options}
          dispatch={dispatch}
          pending={pending}
          hidden={<Hidden fields={{ ...target, intent: "identify" }} />}
        />
      </details>

      {!slot.empty ? (
        <form action={dispatch} onSubmit={() => setConfirmClear(false)} className="flex gap-2">
          <Hidden fields={{ ...target, intent: "clear" }} />
          {confirmClear ? (
            <>
              <button type="submit" className={`${quietButton} text-danger`} disabled={pending}>
                Yes, clear slot {slot.index + 1}
              </button>
              <button type="button" className={quietButton} onClick={() => setConfirmClear(false)}>
                Keep it
              </button>
            </>
          ) : (
            <button type="button" className={quietButton} onClick={() => setConfirmClear(true)}>
              Clear this slot…
            </button>
          )}
        </form>
      ) : null}
    </div>
  );
}

function ItemRow({ item, characterId }: { item: LoadoutItemView; characterId: string }) {
  const missing = item.place.kind === "missing";
  return (
    <div className="flex items-center gap-3" data-testid="loadout-item">
      {item.icon ? (
        // eslint-disable-next-line @next/next/no-img-element
        <img
          src={item.icon}
          alt=""
          width={40}
          height={40}
          loading="lazy"
          className={`size-10 shrink-0 rounded border ${rarityBorder(item.rarity)}`}
        />
      ) : (
        <span className="border-danger/60 bg-panel-2 size-10 shrink-0 rounded border border-dashed" />
      )}
      <span className="grid min-w-0 text-sm">
        <span className="truncate font-medium">
          {item.name}
          {item.power !== null ? <span className="text-muted"> · {item.power}</span> : null}
        </span>
        <span className={missing ? "text-danger" : "text-muted"}>
          {item.typeName ? `${item.typeName} · ` : ""}
          {describeLoadoutPlace(item.place, characterId)}
        </span>
      </span>
    </div>
  );
}
