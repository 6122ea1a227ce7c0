"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { createPortal } from "react-dom";

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

/**
 * A modal sheet: a bottom sheet on phones, a centred panel on wider screens. Focus moves into
 * it and stays there (Tab wraps), Escape or a tap on the backdrop closes it, and focus goes back
 * to what opened it. Screen readers get `aria-modal`.
 *
 * Why not `<dialog>.showModal()`: it makes the rest of the document inert, and on the inventory
 * with the vault drawn (4,600 elements) that restyles the whole page twice per sheet, ~100 ms
 * each on a phone (4x CPU): half of a tap's 200 ms budget (issue 17, the equip flow's INP).
 * A backdrop over the page blocks pointers, the trap blocks the keyboard, at no such cost.
 * React events from inside still bubble to the declaring component (React portals do).
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
  const panel = useRef<HTMLDivElement>(null);
  // The effect below runs once per opening; it reads the latest onClose through a ref.
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const element = panel.current;
    if (!open || !element) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // Only on Tab: the visibility check lays the page out, which a tap should not wait for.
    const focusables = () =>
      [...element.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((e) => e.offsetParent !== null);
    // As a modal <dialog> does: focus its first focusable element, else the panel itself.
    (element.querySelector<HTMLElement>(FOCUSABLE) ?? element).focus({ preventScroll: true });
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        event.preventDefault();
        close.current();
        return;
      }
      if (event.key !== "Tab") return;
      const list = focusables();
      const first = list[0];
      const last = list[list.length - 1];
      const active = document.activeElement;
      if (!first || !last) {
        event.preventDefault();
        element.focus();
      } else if (!element.contains(active)) {
        event.preventDefault();
        first.focus();
      } else if (event.shiftKey && (active === first || active === element)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && active === last) {
        event.preventDefault();
        first.focus();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("keydown", onKey);
      // Back to what opened it, if it is still there (an equipped tile may have moved).
      const active = document.activeElement;
      if (opener?.isConnected && (active === document.body || element.contains(active)))
        opener.focus();
    };
  }, [open]);

  // In <body>, not where it is declared: inserting it into the inventory's grid re-laid out the
  // whole grid (every drawn tile, ~35 ms at 4x CPU) before the sheet could paint.
  if (!open || typeof document === "undefined") return null;
  return createPortal(
    <div className="fixed inset-0 z-[60]">
      <div aria-hidden="true" className="absolute inset-0 bg-black/60" onClick={onClose} />
      <div
        ref={panel}
        role="dialog"
        aria-modal="true"
        aria-labelledby={labelledBy}
        tabIndex={-1}
        className="border-line bg-panel text-text absolute inset-x-0 bottom-0 max-h-[85dvh] w-full overflow-y-auto overscroll-contain rounded-t-2xl border outline-none sm:inset-0 sm:m-auto sm:h-fit sm:max-h-[90dvh] sm:max-w-lg sm:rounded-2xl"
      >
        {children}
      </div>
    </div>,
    document.body,
  );
}
