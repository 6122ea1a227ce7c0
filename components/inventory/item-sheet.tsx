"use client";

import { memo, useCallback, useImperativeHandle, useState, type Ref } from "react";
import { canClassUse, describePlace } from "@/lib/destiny/planner-state";
import type { CharacterView, PageInventoryView, TileItemView } from "@/lib/guardian/view-types";
import { Sheet } from "@/components/ui/sheet";
import { primaryButton, secondaryButton } from "@/components/ui/button-styles";
import { bucketLabel } from "./bucket-labels";
import { GearTierPip } from "@/components/ui/gear-tier";
import { rarityText } from "@/components/ui/rarity-styles";
import { DAMAGE_TYPES } from "./item-style";
import { ItemTile } from "./item-tile";
import { useItemDetails } from "./use-item-details";

/** Where an item is, as the sheet says it ("Equipped on your Hunter"). */
function placeOf(item: TileItemView, characters: CharacterView[]): string {
  const place = describePlace({ characters }, item);
  return place.charAt(0).toUpperCase() + place.slice(1);
}

type ActionButton = {
  id: string;
  label: string;
  fields: Record<string, string>;
  primary?: boolean;
};

/** What the player can do with an item, the most likely first (equip on the chosen character). */
function actionsFor(
  item: TileItemView,
  view: PageInventoryView,
  selectedId: string | null,
): ActionButton[] {
  const actions: ActionButton[] = [];
  const ordered = [
    ...view.characters.filter((c) => c.characterId === selectedId),
    ...view.characters.filter((c) => c.characterId !== selectedId),
  ];
  if (item.equippable) {
    for (const c of ordered) {
      const here = item.location === "equipped" && item.ownerCharacterId === c.characterId;
      if (here || !canClassUse(item.classType, c.classType)) continue;
      if (!item.transferable && item.ownerCharacterId !== c.characterId) continue;
      actions.push({
        id: `equip-${c.characterId}`,
        label: `Equip on ${c.name}`,
        fields: { intent: "equip", itemKey: item.key, characterId: c.characterId },
        primary: c.characterId === selectedId,
      });
    }
  }
  if (item.location === "postmaster") {
    actions.push({
      id: "pull",
      label: "Pull from postmaster",
      fields: { intent: "pull", itemKey: item.key },
      primary: !actions.some((a) => a.primary),
    });
  }
  if (item.transferable) {
    for (const c of ordered) {
      const there =
        item.ownerCharacterId === c.characterId &&
        (item.location === "inventory" || item.location === "equipped");
      if (there || (item.ownerCharacterId === null && item.location === "inventory")) continue;
      actions.push({
        id: `move-${c.characterId}`,
        label: `Move to ${c.name}`,
        fields: { intent: "move", itemKey: item.key, to: c.characterId },
      });
    }
    if (item.location !== "vault") {
      actions.push({
        id: "move-vault",
        label: "Move to vault",
        fields: { intent: "move", itemKey: item.key, to: "vault" },
      });
    }
  }
  if (item.lockable) {
    actions.push({
      id: "lock",
      label: item.locked ? "Unlock" : "Lock",
      fields: { intent: "lock", itemKey: item.key, locked: String(!item.locked) },
    });
  }
  return actions;
}

/** What the inventory's delegated tap handler calls to open an item's sheet. */
export type ItemSheetHandle = { open: (itemKey: string) => void };

/**
 * The item sheet keeps which item is open to itself: opening or closing it re-renders the sheet
 * alone, not the inventory around it (a tap's budget on a phone is 200 ms, issue 17).
 */
export const ItemSheet = memo(function ItemSheet({
  ref,
  view,
  selectedId,
  action,
}: {
  ref: Ref<ItemSheetHandle>;
  view: PageInventoryView;
  selectedId: string | null;
  action: (formData: FormData) => void;
}) {
  const [openKey, setOpenKey] = useState<string | null>(null);
  useImperativeHandle(ref, () => ({ open: setOpenKey }), []);
  const onClose = useCallback(() => setOpenKey(null), []);
  // Looked up in the view as it is now: after a move, the sheet (if open) shows where it went.
  const item = openKey ? (view.items.find((i) => i.key === openKey) ?? null) : null;
  return (
    <Sheet open={item !== null} onClose={onClose} labelledBy="item-sheet-title">
      {item ? (
        <ItemDetails
          item={item}
          view={view}
          selectedId={selectedId}
          action={action}
          onClose={onClose}
        />
      ) : null}
    </Sheet>
  );
});

function ItemDetails({
  item,
  view,
  selectedId,
  action,
  onClose,
}: {
  item: TileItemView;
  view: PageInventoryView;
  selectedId: string | null;
  action: (formData: FormData) => void;
  onClose: () => void;
}) {
  const actions = actionsFor(item, view, selectedId);
  const damage = item.damageType !== null ? DAMAGE_TYPES[item.damageType] : undefined;
  return (
    <div className="grid gap-4 p-4 sm:p-5" data-testid="item-sheet">
      <div className="flex items-start gap-3">
        <ItemTile item={item} size="lg" />
        <div className="grid min-w-0 flex-1 gap-0.5">
          <h2 id="item-sheet-title" className={`text-lg font-bold ${rarityText(item.rarity)}`}>
            {item.name}
          </h2>
          <p className="text-muted text-sm">
            {[item.rarityName, item.typeName || bucketLabel(item.bucketHash)]
              .filter(Boolean)
              .join(" · ")}
            {item.gearTier !== null ? (
              <span className="ml-2 inline-flex items-center gap-1 align-middle">
                {/* The words say it; the pip is its picture. */}
                <span aria-hidden="true">
                  <GearTierPip tier={item.gearTier} />
                </span>
                <span data-testid="item-tier">Tier {item.gearTier}</span>
              </span>
            ) : null}
          </p>
          <p className="text-sm">
            {item.power !== null ? (
              <span className="font-semibold">
                <span aria-hidden="true" className="text-accent">
                  ✦
                </span>{" "}
                {item.power} power
              </span>
            ) : item.quantity > 1 ? (
              <span>×{item.quantity}</span>
            ) : null}
            {damage && item.power !== null ? (
              <span className="ml-2" style={{ color: damage.color }}>
                {damage.name}
              </span>
            ) : null}
            {item.masterwork ? <span className="text-rarity-exotic ml-2">Masterworked</span> : null}
            {item.crafted ? <span className="text-muted ml-2">Crafted</span> : null}
          </p>
          <p className="text-muted text-sm" data-testid="item-place">
            {placeOf(item, view.characters)}
            {item.locked ? " · Locked" : ""}
          </p>
        </div>
        <button
          type="button"
          onClick={onClose}
          className="text-muted hover:text-text -m-1 rounded p-2 text-xl leading-none"
          aria-label="Close"
        >
          ×
        </button>
      </div>

      {actions.length > 0 ? (
        <div className="grid grid-cols-2 gap-2" role="group" aria-label="Actions">
          {actions.map((a) => (
            <form
              key={a.id}
              action={action}
              onSubmit={onClose}
              className={a.primary ? "col-span-2" : ""}
            >
              {Object.entries(a.fields).map(([name, value]) => (
                <input key={name} type="hidden" name={name} value={value} />
              ))}
              <button
                type="submit"
                className={`w-full ${a.primary ? primaryButton : secondaryButton}`}
              >
                {a.label}
              </button>
            </form>
          ))}
        </div>
      ) : (
        <p className="text-muted text-sm">This item can&apos;t be moved or equipped.</p>
      )}

      <ItemDetailsSection itemKey={item.key} />
    </div>
  );
}

/** Flavour text, stats and perks: fetched when the sheet opens (use-item-details.ts). */
function ItemDetailsSection({ itemKey }: { itemKey: string }) {
  const { details, failed } = useItemDetails(itemKey);
  if (failed) {
    return <p className="text-muted text-sm">Stats and perks couldn&apos;t be loaded.</p>;
  }
  if (!details) {
    return (
      <p className="text-muted text-sm" aria-busy="true">
        Loading stats and perks…
      </p>
    );
  }
  return (
    <>
      {details.description ? (
        <p className="text-muted text-sm italic">{details.description}</p>
      ) : null}

      {details.stats.length > 0 ? (
        <section aria-labelledby="item-stats" className="grid gap-1.5">
          <h3 id="item-stats" className="text-sm font-semibold">
            Stats
          </h3>
          <dl className="grid gap-1">
            {details.stats.map((s) => (
              <div
                key={s.statHash}
                className="grid grid-cols-[9.5rem_1fr_2.5rem] items-center gap-2 text-sm"
              >
                <dt className="text-muted">{s.name}</dt>
                {s.bar ? (
                  <dd aria-hidden="true" className="bg-panel-2 h-2 overflow-hidden rounded">
                    <span
                      className="bg-text/80 block h-full"
                      style={{ width: `${Math.max(0, Math.min(100, s.value))}%` }}
                    />
                  </dd>
                ) : (
                  <dd aria-hidden="true" />
                )}
                <dd className="text-right tabular-nums">{s.value}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}

      {details.plugs.length > 0 ? (
        <section aria-labelledby="item-perks" className="grid gap-1.5">
          <h3 id="item-perks" className="text-sm font-semibold">
            Perks and mods
          </h3>
          <ul className="grid gap-1.5 sm:grid-cols-2">
            {details.plugs.map((plug, n) => (
              <li key={`${plug.name}-${n}`} className="flex items-center gap-2 text-sm">
                {plug.icon ? (
                  // eslint-disable-next-line @next/next/no-img-element
                  <img src={plug.icon} alt="" className="border-line size-7 rounded-full border" />
                ) : (
                  <span className="border-line size-7 rounded-full border" />
                )}
                <span className="min-w-0">
                  <span className="block truncate">{plug.name || "Unknown perk"}</span>
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
