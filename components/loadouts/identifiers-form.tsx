"use client";

import type { ReactNode } from "react";
import { secondaryButton } from "@/components/ui/button-styles";
import type { LoadoutIdentifierOption, LoadoutSlotView } from "@/lib/loadouts/view-types";

/** Pick the slot's name, icon and colour from the ones the game offers (its definitions). */
export function IdentifiersForm({
  slot,
  options,
  dispatch,
  pending,
  hidden,
}: {
  slot: LoadoutSlotView;
  options: {
    names: LoadoutIdentifierOption[];
    icons: LoadoutIdentifierOption[];
    colors: LoadoutIdentifierOption[];
  };
  dispatch: (form: FormData) => void;
  pending: boolean;
  hidden: ReactNode;
}) {
  return (
    <form action={dispatch} className="mt-3 grid gap-3">
      {hidden}
      <label className="grid gap-1 text-sm">
        <span className="font-medium">Name</span>
        <select
          name="nameHash"
          defaultValue={String(slot.nameHash)}
          className="border-line bg-panel-2 min-h-11 rounded-md border px-3"
        >
          {options.names.map((o) => (
            <option key={o.hash} value={o.hash}>
              {o.name}
            </option>
          ))}
        </select>
      </label>
      <Swatches legend="Icon" name="iconHash" options={options.icons} current={slot.iconHash} />
      <Swatches
        legend="Colour"
        name="colorHash"
        options={options.colors}
        current={slot.colorHash}
      />
      <button type="submit" className={secondaryButton} disabled={pending}>
        Save name, icon and colour
      </button>
    </form>
  );
}

function Swatches({
  legend,
  name,
  options,
  current,
}: {
  legend: string;
  name: string;
  options: LoadoutIdentifierOption[];
  current: number;
}) {
  return (
    <fieldset className="grid gap-1">
      <legend className="text-sm font-medium">{legend}</legend>
      <div className="flex flex-wrap gap-1.5">
        {options.map((o) => (
          <label
            key={o.hash}
            className="has-[:checked]:border-accent border-line relative size-11 cursor-pointer overflow-hidden rounded-md border-2 has-[:focus-visible]:outline-2"
          >
            <input
              type="radio"
              name={name}
              value={o.hash}
              defaultChecked={o.hash === current}
              className="sr-only"
            />
            <span className="sr-only">{o.name}</span>
            {o.imageUrl ? (
              // eslint-disable-next-line @next/next/no-img-element
              <img
                src={o.imageUrl}
                alt=""
                width={44}
                height={44}
                loading="lazy"
                className="size-full"
              />
            ) : null}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
