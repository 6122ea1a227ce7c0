"use client";

import { useEffect, useRef, type ReactNode } from "react";

/**
 * A modal sheet built on <dialog> (focus kept inside, Escape closes, focus goes back to what
 * opened it). A bottom sheet on phones, a centred panel on wider screens.
 */
export function Sheet({
  open,
  onClose,
  labelledBy,
  children,
}: {
  open: boolean;
  onClose: () => void;
  labelledBy: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={labelledBy}
      onClose={onClose}
      onCancel={onClose}
      onClick={(event) => {
        // A click on the backdrop (the dialog element itself, outside its panel) closes it.
        if (event.target === event.currentTarget) onClose();
      }}
      className="border-line bg-panel text-text fixed inset-x-0 top-auto bottom-0 m-0 max-h-[85dvh] w-full max-w-none overflow-y-auto rounded-t-2xl border p-0 backdrop:bg-black/60 sm:inset-0 sm:m-auto sm:h-fit sm:max-h-[90dvh] sm:max-w-lg sm:rounded-2xl"
    >
      {open ? children : null}
    </dialog>
  );
}
